"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { FormStatus, SubmitButton } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import { checkProxies, checkQuorum } from "@/lib/domain/quorum";
import type { AttendanceEntry } from "@/lib/domain/types";
import type { ActionResult } from "@/lib/validations/action-result";
import { attendanceSchema, type AttendanceInput } from "@/lib/validations/deliberation";

export type RollCallCouncillor = { id: string; name: string };

const STATUS_OPTIONS = [
  { value: "PRESENT", label: "Présent" },
  { value: "REPRESENTED", label: "Représenté (pouvoir)" },
  { value: "EXCUSED", label: "Excusé" },
  { value: "ABSENT", label: "Absent" },
] as const;

type Entry = AttendanceInput["entries"][number];

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
  submit,
}: {
  councillors: readonly RollCallCouncillor[];
  initialEntries: AttendanceInput["entries"];
  sittingStartsAt: string;
  membersInOffice: number;
  reconvened: boolean;
  submit: (values: AttendanceInput) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const form = useZodForm({ schema: attendanceSchema, initialValues: { entries: initialEntries }, submit, onSuccess: () => router.refresh() });
  const entries = form.values.entries;
  const nameOf = useMemo(() => new Map(councillors.map((councillor) => [councillor.id, councillor.name])), [councillors]);

  const update = (index: number, change: Partial<Entry>) =>
    form.setValues((current) => ({
      entries: current.entries.map((entry, position) => {
        if (position !== index) return entry;
        const next = { ...entry, ...change };
        return next.status === "REPRESENTED" ? next : { ...next, proxyHolderId: "" };
      }),
    }));

  const live = useMemo(() => {
    const attendance: AttendanceEntry[] = entries.map((entry) => ({
      councillorId: entry.councillorId,
      name: nameOf.get(entry.councillorId) ?? "",
      status: entry.status,
      proxyHolderId: entry.proxyHolderId || null,
    }));
    const issues = checkProxies({ attendance, date: sittingStartsAt });
    const count = (status: Entry["status"]) => entries.filter((entry) => entry.status === status).length;
    const present = count("PRESENT");
    const quorum = checkQuorum({ membersInOffice, present: Math.min(present, membersInOffice), date: sittingStartsAt, reconvened });
    return { issues, present, represented: count("REPRESENTED"), excused: count("EXCUSED"), absent: count("ABSENT"), quorum };
  }, [entries, nameOf, sittingStartsAt, membersInOffice, reconvened]);

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
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Appel : présence de chaque élu pour cette délibération</caption>
        <thead>
          <tr className="border-b border-ink">
            <th scope="col" className="py-2 pr-2">Élu</th>
            <th scope="col" className="py-2 pr-2">Présence</th>
            <th scope="col" className="py-2 pr-2">Pouvoir donné à</th>
            <th scope="col" className="py-2 pr-2">Remarque</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => {
            const name = nameOf.get(entry.councillorId) ?? entry.councillorId;
            const rowErrors = [...(form.errors[`entries.${index}.proxyHolderId`] ?? []), ...(form.errors[`entries.${index}.status`] ?? []), ...(issuesByCouncillor.get(entry.councillorId) ?? [])];
            const unique = [...new Set(rowErrors)];
            const errorId = `presence-${index}-error`;
            return (
              <tr key={entry.councillorId} className={`border-b border-line align-top ${unique.length ? "bg-danger-soft" : ""}`}>
                <th scope="row" className="py-1 pr-2 font-normal">
                  {name}
                  {unique.length ? (
                    <span id={errorId} className="block text-xs font-medium text-danger">
                      {unique.join(" ")}
                    </span>
                  ) : null}
                </th>
                <td className="py-1 pr-2">
                  <label htmlFor={`presence-${index}`} className="sr-only">
                    Présence de {name}
                  </label>
                  <select
                    id={`presence-${index}`}
                    value={entry.status}
                    onChange={(event) => update(index, { status: event.target.value as Entry["status"] })}
                    aria-describedby={unique.length ? errorId : undefined}
                    className="rounded border border-ink bg-white px-2 py-1"
                  >
                    {STATUS_OPTIONS.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="py-1 pr-2">
                  {entry.status === "REPRESENTED" ? (
                    <>
                      <label htmlFor={`mandataire-${index}`} className="sr-only">
                        Mandataire de {name}
                      </label>
                      <select
                        id={`mandataire-${index}`}
                        value={entry.proxyHolderId ?? ""}
                        onChange={(event) => update(index, { proxyHolderId: event.target.value })}
                        aria-invalid={unique.length ? true : undefined}
                        aria-describedby={unique.length ? errorId : undefined}
                        className="rounded border border-ink bg-white px-2 py-1"
                      >
                        <option value="">— Choisir le mandataire —</option>
                        {holders
                          .filter((holder) => holder.id !== entry.councillorId)
                          .map((holder) => (
                            <option key={holder.id} value={holder.id}>
                              {holder.name}
                            </option>
                          ))}
                      </select>
                    </>
                  ) : null}
                </td>
                <td className="py-1 pr-2">
                  <label htmlFor={`remarque-${index}`} className="sr-only">
                    Remarque sur la présence de {name}
                  </label>
                  <input
                    id={`remarque-${index}`}
                    value={entry.note ?? ""}
                    onChange={(event) => update(index, { note: event.target.value })}
                    className="w-full rounded border border-ink px-2 py-1"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <SubmitButton pending={form.pending}>Enregistrer l&apos;appel</SubmitButton>
    </form>
  );
}
