"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { AttendanceGrid, withStatusRule, type AttendanceRow } from "@/components/admin/attendance-grid";
import { FormStatus, SubmitButton } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { DerogationWindow } from "@/lib/domain/derogations";
import { checkProxies, checkQuorum } from "@/lib/domain/quorum";
import type { AttendanceEntry } from "@/lib/domain/types";
import type { ActionResult } from "@/lib/validations/action-result";
import { attendanceSchema, type AttendanceInput } from "@/lib/validations/deliberation";

export type RollCallCouncillor = { id: string; name: string };

type Entry = AttendanceRow;

/**
 * The roll call of one deliberation: one row per councillor in office. Proxy
 * rules and the quorum are checked with the domain library as the clerk types.
 */
export function RollCallForm({
  councillors,
  initialEntries,
  sittingStartsAt,
  membersInOffice,
  reconvened,
  windows,
  submit,
}: {
  councillors: readonly RollCallCouncillor[];
  initialEntries: AttendanceInput["entries"];
  sittingStartsAt: string;
  membersInOffice: number;
  reconvened: boolean;
  /** the municipality's derogation windows */
  windows: readonly DerogationWindow[];
  submit: (values: AttendanceInput) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const form = useZodForm({ schema: attendanceSchema, initialValues: { entries: initialEntries }, submit, onSuccess: () => router.refresh() });
  const entries = form.values.entries;
  const nameOf = useMemo(() => new Map(councillors.map((councillor) => [councillor.id, councillor.name])), [councillors]);

  const update = (index: number, change: Partial<Entry>) =>
    form.setValues((current) => ({ entries: current.entries.map((entry, position) => (position === index ? withStatusRule(entry, change) : entry)) }));

  const live = useMemo(() => {
    const attendance: AttendanceEntry[] = entries.map((entry) => ({
      councillorId: entry.councillorId,
      name: nameOf.get(entry.councillorId) ?? "",
      status: entry.status,
      proxyHolderId: entry.proxyHolderId || null,
    }));
    const issues = checkProxies({ attendance, date: sittingStartsAt, windows });
    const count = (status: Entry["status"]) => entries.filter((entry) => entry.status === status).length;
    const present = count("PRESENT");
    const quorum = checkQuorum({ membersInOffice, present: Math.min(present, membersInOffice), date: sittingStartsAt, reconvened, windows });
    return { issues, present, represented: count("REPRESENTED"), excused: count("EXCUSED"), absent: count("ABSENT"), quorum };
  }, [entries, nameOf, sittingStartsAt, membersInOffice, reconvened, windows]);

  const holders = entries.filter((entry) => entry.status === "PRESENT").map((entry) => ({ id: entry.councillorId, name: nameOf.get(entry.councillorId) ?? "" }));
  const issuesByCouncillor = new Map<string, string[]>();
  for (const issue of live.issues) {
    if (!issue.councillorId) continue;
    const givers = entries.filter((entry) => entry.councillorId === issue.councillorId && entry.status === "REPRESENTED");
    const targets = givers.length ? givers : entries.filter((entry) => entry.proxyHolderId === issue.councillorId);
    for (const target of targets) issuesByCouncillor.set(target.councillorId, [...(issuesByCouncillor.get(target.councillorId) ?? []), issue.message]);
  }

  return (
    <form noValidate onSubmit={form.onSubmit} className="flex flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      {form.errors._form ? <p className="font-medium text-danger">{form.errors._form.join(" ")}</p> : null}
      <div aria-live="polite" className="rounded border border-line bg-surface p-3">
        <p>
          {live.present} présents, {live.represented} représentés, {live.excused} excusés, {live.absent} absents.
        </p>
        <p className={live.quorum.reached ? "text-success" : "font-medium text-danger"}>{live.quorum.message}</p>
        {live.issues.length ? <p className="font-medium text-danger">{live.issues.length} problème{live.issues.length > 1 ? "s" : ""} de pouvoir à corriger (voir les lignes signalées).</p> : <p>Pouvoirs conformes.</p>}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => form.setValues((current) => ({ entries: current.entries.map((entry) => ({ ...entry, status: "PRESENT", proxyHolderId: "" })) }))} className="rounded border border-brand px-3 py-1 text-brand hover:bg-brand-soft">
          Marquer tout le monde présent
        </button>
      </div>
      <AttendanceGrid
        idPrefix="appel"
        caption="Appel : présence de chaque élu pour cette délibération"
        rows={entries}
        nameOf={(id) => nameOf.get(id) ?? id}
        holdersFor={(row) => holders.filter((holder) => holder.id !== row.councillorId)}
        problemsOf={(index) => [
          ...(form.errors[`entries.${index}.proxyHolderId`] ?? []),
          ...(form.errors[`entries.${index}.status`] ?? []),
          ...(issuesByCouncillor.get(entries[index]!.councillorId) ?? []),
        ]}
        onChange={update}
      />
      <SubmitButton pending={form.pending}>Enregistrer l&apos;appel</SubmitButton>
    </form>
  );
}
