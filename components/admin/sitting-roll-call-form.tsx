"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import { AttendanceGrid, HolderSelect, StatusSelect, withStatusRule, type AttendanceRow } from "@/components/admin/attendance-grid";
import { FormStatus, LocalDraftNotice, SubmitButton } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { DerogationWindow } from "@/lib/domain/derogations";
import { agree, countOf } from "@/lib/domain/plural";
import type { MarkSource, RollCallMark, SittingRollCall } from "@/lib/domain/roll-call";
import { checkRollCallForm, rollCallFieldKey } from "@/lib/domain/roll-call-form";
import type { WorkflowStatus } from "@/lib/domain/workflow";
import type { ActionResult } from "@/lib/validations/action-result";
import { sittingRollCallSchema, type SittingRollCallInput } from "@/lib/validations/deliberation";

export type RollCallDeliberationView = {
  id: string;
  number: string;
  orderInSitting: number;
  subject: string;
  editable: boolean;
  status: WorkflowStatus;
  statusLabel: string;
  label: string;
  /** What a deliberation that can no longer change has on record. */
  marks: RollCallMark[];
};

type Change = SittingRollCallInput["changes"][number];

const toMark = <Row extends AttendanceRow>(row: Row) => ({ ...row, proxyHolderId: row.proxyHolderId || null, note: row.note?.trim() || null });

/**
 * The sitting's roll call: the call at the opening, then arrivals, departures and
 * proxies given in the course of the sitting, from a given deliberation on. Counts,
 * quorum and proxy rules are shown for every deliberation as the clerk types.
 */
export function SittingRollCallForm({
  councillors,
  deliberations,
  initialValues,
  sittingDay,
  membersInOffice,
  reconvened,
  windows,
  submit,
  draftKey,
}: {
  councillors: readonly { id: string; name: string }[];
  deliberations: readonly RollCallDeliberationView[];
  initialValues: SittingRollCallInput;
  /** The sitting's day ("YYYY-MM-DD") on the municipality's calendar: the derogation windows are days. */
  sittingDay: string;
  membersInOffice: number;
  reconvened: boolean;
  /** the municipality's derogation windows */
  windows: readonly DerogationWindow[];
  submit: (values: SittingRollCallInput) => Promise<ActionResult<{ id: string; updated: number }>>;
  draftKey?: string;
}) {
  const router = useRouter();
  const form = useZodForm({ schema: sittingRollCallSchema, initialValues, submit, draftKey, onSuccess: () => router.refresh() });
  const { opening, changes } = form.values;
  const names = useMemo(() => new Map(councillors.map((councillor) => [councillor.id, councillor.name])), [councillors]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const addButton = useRef<HTMLButtonElement>(null);
  const focusChange = useRef<number | null>(null);

  useEffect(() => {
    if (focusChange.current === null) return;
    document.getElementById(`changement-deliberation-${focusChange.current}`)?.focus();
    focusChange.current = null;
  }, [changes.length]);

  const live = useMemo(() => {
    const rollCall: SittingRollCall = { opening: opening.map(toMark), changes: changes.map(toMark) };
    return checkRollCallForm({ rollCall, councillors, deliberations, date: sittingDay, membersInOffice, reconvened, windows });
  }, [opening, changes, councillors, deliberations, sittingDay, membersInOffice, reconvened, windows]);

  // What the live check says and what the server said, each message once.
  const problemsOf = (kind: MarkSource["kind"], index: number, fields: string[]) =>
    fields.flatMap((field) => {
      const key = rollCallFieldKey({ kind, index }, field);
      return [...(live.issues[key] ?? []), ...(form.errors[key] ?? [])];
    });
  const formIssues = [...new Set([...(live.issues._form ?? []), ...(form.errors._form ?? [])])];
  const openingHolders = opening.filter((row) => row.status === "PRESENT").map((row) => ({ id: row.councillorId, name: nameOf(row.councillorId) }));
  const position = new Map(deliberations.map((deliberation, index) => [deliberation.id, index]));

  const setOpening = (index: number, change: Partial<AttendanceRow>) =>
    form.setValues((current) => ({ ...current, opening: current.opening.map((row, at) => (at === index ? withStatusRule(row, change) : row)) }));
  const setChange = (index: number, change: Partial<Change>) =>
    form.setValues((current) => ({ ...current, changes: current.changes.map((row, at) => (at === index ? withStatusRule(row, change) : row)) }));
  const addChange = () => {
    focusChange.current = changes.length;
    form.setValues((current) => ({
      ...current,
      changes: [...current.changes, { deliberationId: deliberations[1]?.id ?? "", councillorId: "", status: "PRESENT", proxyHolderId: "", note: "" }],
    }));
  };
  const removeChange = (index: number) => {
    form.setValues((current) => ({ ...current, changes: current.changes.filter((_, at) => at !== index) }));
    addButton.current?.focus();
  };

  return (
    <form noValidate onSubmit={form.onSubmit} className="flex flex-col gap-6">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <LocalDraftNotice draft={form.draft} />
      {formIssues.length ? <p className="font-medium text-danger">{formIssues.join(" ")}</p> : null}

      <section aria-labelledby="controle" className="flex flex-col gap-2">
        <h2 id="controle" className="text-2xl font-bold">Contrôle, délibération par délibération</h2>
        <p aria-live="polite" className={live.rowsWithIssues ? "font-medium text-danger" : ""}>
          {live.rowsWithIssues
            ? `${countOf(live.rowsWithIssues, "ligne")} à corriger (${agree(live.rowsWithIssues, "signalée")} ci-dessous).`
            : "Pouvoirs conformes pour toutes les délibérations."}
        </p>
        {/* Focusable, so that a keyboard can scroll it on a narrow screen. */}
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Contrôle par délibération">
          <table className="w-full min-w-xl border-collapse text-left text-sm">
            <caption className="sr-only">Présents, représentés, excusés, absents et quorum pour chaque délibération, selon l&apos;appel saisi</caption>
            <thead>
              <tr className="border-b border-ink">
                <th scope="col" className="py-2 pr-2">Délibération</th>
                <th scope="col" className="py-2 pr-2">Présents</th>
                <th scope="col" className="py-2 pr-2">Représentés</th>
                <th scope="col" className="py-2 pr-2">Excusés</th>
                <th scope="col" className="py-2 pr-2">Absents</th>
                <th scope="col" className="py-2 pr-2">Quorum</th>
                <th scope="col" className="py-2 pr-2">Pouvoirs</th>
              </tr>
            </thead>
            <tbody>
              {deliberations.map((deliberation, at) => {
                const check = live.checks[at]!;
                return (
                  <tr key={deliberation.id} className="border-b border-line align-top">
                    <th scope="row" className="py-1 pr-2 font-normal">
                      n° {deliberation.orderInSitting} · {deliberation.number}
                      <span className="block text-xs text-muted">
                        {deliberation.subject.length > 90 ? `${deliberation.subject.slice(0, 90)}…` : deliberation.subject}
                        {deliberation.editable ? "" : ` · ${deliberation.statusLabel} : appel figé`}
                      </span>
                    </th>
                    <td className="py-1 pr-2">{check.present}</td>
                    <td className="py-1 pr-2">{check.represented}</td>
                    <td className="py-1 pr-2">{check.excused}</td>
                    <td className="py-1 pr-2">{check.absent}</td>
                    <td className={`py-1 pr-2 ${check.quorum.reached ? "text-success" : "font-medium text-danger"}`} title={check.quorum.message}>
                      {check.quorum.reached ? "Atteint" : `Non atteint (${check.quorum.required} requis)`}
                    </td>
                    <td className={`py-1 pr-2 ${check.issues.length || live.blocked[at] ? "font-medium text-danger" : ""}`}>
                      {live.blocked[at] ? "Appel figé modifié" : check.issues.length ? countOf(check.issues.length, "problème") : "Conformes"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="ouverture" className="flex flex-col gap-3">
        <h2 id="ouverture" className="text-2xl font-bold">Appel à l&apos;ouverture</h2>
        <p className="text-sm text-muted">Vaut pour la première délibération et les suivantes, jusqu&apos;aux arrivées et départs indiqués plus bas.</p>
        <button
          type="button"
          onClick={() => form.setValues((current) => ({ ...current, opening: current.opening.map((row) => withStatusRule(row, { status: "PRESENT" })) }))}
          className="self-start rounded border border-brand px-3 py-1 text-brand hover:bg-brand-soft"
        >
          Marquer tout le monde présent
        </button>
        <AttendanceGrid
          idPrefix="ouverture"
          caption="Appel à l'ouverture de la séance : présence de chaque élu"
          rows={opening}
          nameOf={nameOf}
          holdersFor={(row) => openingHolders.filter((holder) => holder.id !== row.councillorId)}
          problemsOf={(index) => problemsOf("opening", index, ["status", "proxyHolderId"])}
          onChange={setOpening}
        />
      </section>

      <section aria-labelledby="changements" className="flex flex-col gap-3">
        <h2 id="changements" className="text-2xl font-bold">Arrivées, départs et pouvoirs en cours de séance</h2>
        <p className="text-sm text-muted">
          Un changement vaut à partir de la délibération choisie, jusqu&apos;au changement suivant du même élu. Exemple : une élue arrivée pendant la délibération
          n° 4 est « présente » à partir de la n° 4.
        </p>
        {deliberations.length < 2 ? <p>La séance n&apos;a qu&apos;une délibération : l&apos;appel à l&apos;ouverture suffit.</p> : null}
        {changes.length ? (
          <div className="overflow-x-auto">
            <table className="w-full min-w-3xl border-collapse text-left text-sm">
              <caption className="sr-only">Arrivées, départs et pouvoirs donnés en cours de séance</caption>
              <thead>
                <tr className="border-b border-ink">
                  <th scope="col" className="py-2 pr-2">À partir de</th>
                  <th scope="col" className="py-2 pr-2">Élu</th>
                  <th scope="col" className="py-2 pr-2">Présence</th>
                  <th scope="col" className="py-2 pr-2">Pouvoir donné à</th>
                  <th scope="col" className="py-2 pr-2">Remarque</th>
                  <th scope="col" className="py-2 pr-2">
                    <span className="sr-only">Retirer</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {changes.map((change, index) => {
                  const problems = [...new Set(problemsOf("change", index, ["deliberationId", "councillorId", "status", "proxyHolderId", "note"]))];
                  const errorId = `changement-${index}-erreur`;
                  const describedBy = problems.length ? errorId : undefined;
                  const label = `Changement ${index + 1}`;
                  const at = position.get(change.deliberationId);
                  const present = at === undefined ? [] : live.presentAt[at]!;
                  const holders = present.filter((id) => id !== change.councillorId).map((id) => ({ id, name: nameOf(id) }));
                  return (
                    <tr key={index} className={`border-b border-line align-top ${problems.length ? "bg-danger-soft" : ""}`}>
                      <td className="py-1 pr-2">
                        <label htmlFor={`changement-deliberation-${index}`} className="sr-only">
                          {label} : à partir de la délibération
                        </label>
                        <select
                          id={`changement-deliberation-${index}`}
                          value={change.deliberationId}
                          onChange={(event) => setChange(index, { deliberationId: event.target.value })}
                          aria-describedby={describedBy}
                          className="rounded border border-ink bg-white px-2 py-1"
                        >
                          <option value="">— Choisir —</option>
                          {deliberations.slice(1).map((deliberation) => (
                            <option key={deliberation.id} value={deliberation.id}>
                              n° {deliberation.orderInSitting} · {deliberation.number}
                            </option>
                          ))}
                        </select>
                        {problems.length ? (
                          <span id={errorId} className="mt-1 block text-xs font-medium text-danger">
                            {problems.join(" ")}
                          </span>
                        ) : null}
                      </td>
                      <td className="py-1 pr-2">
                        <label htmlFor={`changement-elu-${index}`} className="sr-only">
                          {label} : élu
                        </label>
                        <select
                          id={`changement-elu-${index}`}
                          value={change.councillorId}
                          onChange={(event) => setChange(index, { councillorId: event.target.value })}
                          aria-describedby={describedBy}
                          className="max-w-56 rounded border border-ink bg-white px-2 py-1"
                        >
                          <option value="">— Choisir l&apos;élu —</option>
                          {councillors.map((councillor) => (
                            <option key={councillor.id} value={councillor.id}>
                              {councillor.name}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="py-1 pr-2">
                        <StatusSelect id={`changement-presence-${index}`} label={`${label} : présence`} value={change.status} onChange={(status) => setChange(index, { status })} describedBy={describedBy} />
                      </td>
                      <td className="py-1 pr-2">
                        {change.status === "REPRESENTED" ? (
                          <HolderSelect
                            id={`changement-mandataire-${index}`}
                            label={`${label} : mandataire`}
                            value={change.proxyHolderId ?? ""}
                            holders={holders}
                            onChange={(proxyHolderId) => setChange(index, { proxyHolderId })}
                            describedBy={describedBy}
                          />
                        ) : null}
                      </td>
                      <td className="py-1 pr-2">
                        <label htmlFor={`changement-remarque-${index}`} className="sr-only">
                          {label} : remarque
                        </label>
                        <input
                          id={`changement-remarque-${index}`}
                          value={change.note ?? ""}
                          onChange={(event) => setChange(index, { note: event.target.value })}
                          placeholder="arrivée à 19 h 10"
                          className="w-full min-w-36 rounded border border-ink px-2 py-1"
                        />
                      </td>
                      <td className="py-1 pr-2">
                        <button type="button" onClick={() => removeChange(index)} className="rounded border border-danger px-2 py-1 text-danger hover:bg-danger-soft">
                          Retirer<span className="sr-only"> le changement {index + 1}</span>
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        {deliberations.length > 1 ? (
          <button ref={addButton} type="button" onClick={addChange} className="self-start rounded border border-brand px-3 py-1 text-brand hover:bg-brand-soft">
            Ajouter une arrivée, un départ ou un pouvoir
          </button>
        ) : null}
      </section>

      <SubmitButton pending={form.pending}>Enregistrer l&apos;appel de la séance</SubmitButton>
    </form>
  );
}
