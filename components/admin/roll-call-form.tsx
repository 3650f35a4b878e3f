"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { AttendanceGrid, withStatusRule, type AttendanceRow } from "@/components/admin/attendance-grid";
import { FormStatus, SubmitButton } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import { checkAttendance, describeAttendanceCounts } from "@/lib/domain/attendance-form";
import type { DerogationWindow } from "@/lib/domain/derogations";
import { countOf } from "@/lib/domain/plural";
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
  sittingDay,
  membersInOffice,
  reconvened,
  windows,
  submit,
}: {
  councillors: readonly RollCallCouncillor[];
  initialEntries: AttendanceInput["entries"];
  /** The sitting's day ("YYYY-MM-DD") on the municipality's calendar: the derogation windows are days. */
  sittingDay: string;
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

  const live = useMemo(
    () => checkAttendance({ rows: entries, councillors, date: sittingDay, windows, membersInOffice, reconvened }),
    [entries, councillors, sittingDay, membersInOffice, reconvened, windows],
  );

  const holders = entries.filter((entry) => entry.status === "PRESENT").map((entry) => ({ id: entry.councillorId, name: nameOf.get(entry.councillorId) ?? "" }));
  // What the live check says and what the server said, each message once.
  const shown = (key: string) => [...(live.issues[key] ?? []), ...(form.errors[key] ?? [])];
  const formIssues = [...new Set(shown("_form"))];

  return (
    <form noValidate onSubmit={form.onSubmit} className="flex flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      {formIssues.length ? <p className="font-medium text-danger">{formIssues.join(" ")}</p> : null}
      <div aria-live="polite" className="rounded border border-line bg-surface p-3">
        <p>
          {describeAttendanceCounts(live)}.
        </p>
        <p className={live.quorum.reached ? "text-success" : "font-medium text-danger"}>{live.quorum.message}</p>
        {live.proxyIssueCount ? <p className="font-medium text-danger">{countOf(live.proxyIssueCount, "problème")} de pouvoir à corriger (voir les lignes signalées).</p> : <p>Pouvoirs conformes.</p>}
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
        problemsOf={(index) => [...shown(`entries.${index}.proxyHolderId`), ...shown(`entries.${index}.status`)]}
        onChange={update}
      />
      <SubmitButton pending={form.pending}>Enregistrer l&apos;appel</SubmitButton>
    </form>
  );
}
