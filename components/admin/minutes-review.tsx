"use client";

import { useState } from "react";
import { CheckboxField, FormStatus, SelectField, TextField } from "@/components/forms/fields";
import type { ImportReportData } from "@/components/admin/import-report";
import type { MinutesReviewData, ReviewRow } from "@/lib/import/web/import-upload";
import type { ActionResult } from "@/lib/validations/action-result";

export type ReviewFile = { fileName: string; sha256: string; size: number };

type Sitting = MinutesReviewData["sittings"][number];
type Deliberation = Sitting["deliberations"][number];

const STATUS_OPTIONS = [
  { value: "PRESENT", label: "Présent" },
  { value: "REPRESENTED", label: "Représenté" },
  { value: "EXCUSED", label: "Excusé" },
  { value: "ABSENT", label: "Absent" },
];

const OUTCOME_OPTIONS = [
  { value: "ADOPTED", label: "Adoptée" },
  { value: "REJECTED", label: "Rejetée" },
  { value: "WITHDRAWN", label: "Retirée de l'ordre du jour" },
];

const figure = (value: number | null) => (value === null ? "" : String(value));
const figureOrNull = (value: string) => (value.trim() === "" ? null : value);

/**
 * The assistant's reading of old minutes, to be checked and corrected before
 * anything is saved: the sitting, each name of its roll call and the
 * councillor it was matched to, each deliberation and its tally. Nothing the
 * document does not say is filled in.
 */
export function MinutesReview({ proposal, file, onImported }: { proposal: MinutesReviewData; file: ReviewFile; onImported: (report: ImportReportData) => void }) {
  const [sittings, setSittings] = useState<Sitting[]>(proposal.sittings);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const councillorOptions = proposal.councillors;

  const updateSitting = (index: number, change: Partial<Sitting>) => setSittings((all) => all.map((sitting, at) => (at === index ? { ...sitting, ...change } : sitting)));
  const updateRow = (index: number, row: number, change: Partial<ReviewRow>) =>
    setSittings((all) => all.map((sitting, at) => (at === index ? { ...sitting, rows: sitting.rows.map((item, position) => (position === row ? { ...item, ...change } : item)) } : sitting)));
  const updateDeliberation = (index: number, item: number, change: Partial<Deliberation>) =>
    setSittings((all) => all.map((sitting, at) => (at === index ? { ...sitting, deliberations: sitting.deliberations.map((one, position) => (position === item ? { ...one, ...change } : one)) } : sitting)));

  async function submit() {
    setPending(true);
    setMessage(null);
    setErrors([]);
    const reviewed = {
      fileName: proposal.fileName,
      sittings: sittings.map(({ rows, warnings: _warnings, ...sitting }) => {
        const chosen = rows.filter((row) => row.councillorId);
        return {
          ...sitting,
          attendance: chosen.length
            ? chosen.map((row) => ({ councillorId: row.councillorId!, status: row.status, proxyHolderId: row.status === "REPRESENTED" ? (row.holderId ?? "") : "", note: row.note }))
            : null,
        };
      }),
    };
    try {
      const response = await fetch("/admin/import/proces-verbal", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ file, reviewed }) });
      const result = (await response.json()) as ActionResult<ImportReportData>;
      if (result.ok) onImported(result.data);
      else {
        setMessage(result.message);
        setErrors(Object.entries(result.errors ?? {}).map(([field, messages]) => `${fieldLabel(field)} : ${messages.join(" ")}`));
      }
    } catch {
      setMessage("La connexion au serveur a été coupée : rien n'a été importé. Réessayez.");
    }
    setPending(false);
  }

  return (
    <section aria-labelledby="relecture" className="flex flex-col gap-6 rounded border border-line p-4">
      <h2 id="relecture" className="text-xl font-bold">
        Proposition à relire : {proposal.fileName}
      </h2>
      <FormStatus message={message} tone="error" />
      {errors.length ? (
        <ul className="list-disc pl-6 text-sm text-danger">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
      {proposal.warnings.length ? (
        <ul className="list-disc pl-6 text-sm">
          {proposal.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      {sittings.map((sitting, index) => (
        <fieldset key={index} className="flex flex-col gap-4 rounded border border-line p-3">
          <legend className="px-1 font-semibold">Séance {sittings.length > 1 ? index + 1 : ""}</legend>
          {sitting.warnings.length ? (
            <ul className="list-disc pl-6 text-sm">
              {sitting.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : null}
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField id={`s${index}-date`} label="Date (AAAA-MM-JJ)" required value={sitting.date} onChange={(date) => updateSitting(index, { date })} />
            <TextField id={`s${index}-hour`} label="Heure (HH:MM)" value={sitting.hour ?? ""} onChange={(hour) => updateSitting(index, { hour })} />
            <TextField
              id={`s${index}-members`}
              label="Membres en exercice"
              value={figure(sitting.membersInOffice as number | null)}
              onChange={(value) => updateSitting(index, { membersInOffice: figureOrNull(value) })}
            />
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField
              id={`s${index}-president`}
              label="Présidence"
              value={sitting.presidentId ?? ""}
              onChange={(presidentId) => updateSitting(index, { presidentId })}
              options={councillorOptions}
              placeholder="Non indiquée"
            />
            <SelectField
              id={`s${index}-secretary`}
              label="Secrétaire de séance"
              value={sitting.secretaryId ?? ""}
              onChange={(secretaryId) => updateSitting(index, { secretaryId })}
              options={councillorOptions}
              placeholder="Non indiqué"
            />
          </div>
          <CheckboxField id={`s${index}-extraordinary`} label="Session extraordinaire" checked={sitting.extraordinary} onChange={(extraordinary) => updateSitting(index, { extraordinary })} />

          {sitting.rows.length ? (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="text-left font-semibold">Présences : chaque nom du document et l&apos;élu reconnu (corrigez si besoin)</caption>
                <thead>
                  <tr>
                    <th scope="col">Nom dans le document</th>
                    <th scope="col">Élu</th>
                    <th scope="col">Statut</th>
                    <th scope="col">Mandataire</th>
                  </tr>
                </thead>
                <tbody>
                  {sitting.rows.map((row, position) => (
                    <tr key={`${row.written}-${position}`} className="border-t border-line align-top">
                      <th scope="row" className="font-normal">
                        {row.written}
                        {row.councillorId ? null : <span className="block text-xs text-danger">Non reconnu{row.candidates.length ? ` : ${row.candidates.map((candidate) => candidate.name).join(" ou ")} ?` : ""}</span>}
                      </th>
                      <td>
                        <select
                          aria-label={`Élu pour « ${row.written} »`}
                          value={row.councillorId ?? ""}
                          onChange={(event) => updateRow(index, position, { councillorId: event.target.value || null })}
                          className="rounded border border-line px-2 py-1"
                        >
                          <option value="">Ne pas importer ce nom</option>
                          {councillorOptions.map((option) => (
                            <option key={option.value} value={option.value}>
                              {option.label}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <select
                          aria-label={`Statut de « ${row.written} »`}
                          value={row.status}
                          onChange={(event) => updateRow(index, position, { status: event.target.value as ReviewRow["status"] })}
                          className="rounded border border-line px-2 py-1"
                        >
                          {STATUS_OPTIONS.map((option) => (
                            <option key={option.value} value={option.value}>
                              {option.label}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        {row.status === "REPRESENTED" ? (
                          <select
                            aria-label={`Mandataire de « ${row.written} »`}
                            value={row.holderId ?? ""}
                            onChange={(event) => updateRow(index, position, { holderId: event.target.value || null })}
                            className="rounded border border-line px-2 py-1"
                          >
                            <option value="">Choisir</option>
                            {councillorOptions.map((option) => (
                              <option key={option.value} value={option.value}>
                                {option.label}
                              </option>
                            ))}
                          </select>
                        ) : (
                          "—"
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>Le document ne donne pas la liste des présents.</p>
          )}

          {sitting.deliberations.map((deliberation, item) => (
            <fieldset key={item} className="flex flex-col gap-3 border-t border-line pt-3">
              <legend className="font-semibold">Délibération {item + 1}</legend>
              <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
                <TextField id={`s${index}-d${item}-number`} label="Identifiant de l'acte" required value={deliberation.number} onChange={(number) => updateDeliberation(index, item, { number })} />
                <TextField id={`s${index}-d${item}-subject`} label="Objet" required value={deliberation.subject} onChange={(subject) => updateDeliberation(index, item, { subject })} />
              </div>
              <div className="grid gap-3 sm:grid-cols-5">
                <SelectField
                  id={`s${index}-d${item}-outcome`}
                  label="Sort"
                  value={deliberation.outcome ?? ""}
                  onChange={(outcome) => updateDeliberation(index, item, { outcome: (outcome || null) as Deliberation["outcome"] })}
                  options={OUTCOME_OPTIONS}
                  placeholder="À choisir"
                />
                {(["participants", "for", "against", "abstention"] as const).map((key) => (
                  <TextField
                    key={key}
                    id={`s${index}-d${item}-${key}`}
                    label={{ participants: "Votants", for: "Pour", against: "Contre", abstention: "Abstentions" }[key]}
                    value={figure(deliberation[key] as number | null)}
                    onChange={(value) => updateDeliberation(index, item, { [key]: figureOrNull(value) })}
                  />
                ))}
              </div>
              <CheckboxField id={`s${index}-d${item}-unanimous`} label="À l'unanimité" checked={deliberation.unanimous} onChange={(unanimous) => updateDeliberation(index, item, { unanimous })} />
            </fieldset>
          ))}
        </fieldset>
      ))}
      <button
        type="button"
        disabled={pending}
        aria-disabled={pending}
        onClick={() => void submit()}
        className="self-start rounded bg-brand px-5 py-2 font-medium text-white hover:bg-brand-hover disabled:opacity-70"
      >
        {pending ? "Import en cours…" : "Importer la proposition relue"}
      </button>
    </section>
  );
}

/** "reviewed.sittings.0.deliberations.1.number" → "Séance 1, délibération 2, identifiant". */
function fieldLabel(path: string): string {
  const words: Record<string, string> = { number: "identifiant", subject: "objet", outcome: "sort", date: "date", hour: "heure", for: "pour", against: "contre", abstention: "abstentions", participants: "votants", membersInOffice: "membres en exercice" };
  const parts = path.split(".");
  const out: string[] = [];
  for (let at = 0; at < parts.length; at += 1) {
    const part = parts[at]!;
    if (part === "sittings") out.push(`séance ${Number(parts[++at]) + 1}`);
    else if (part === "deliberations") out.push(`délibération ${Number(parts[++at]) + 1}`);
    else if (part === "attendance") out.push(`présence ${Number(parts[++at]) + 1}`);
    else if (words[part]) out.push(words[part]);
  }
  return out.length ? out.join(", ").replace(/^./, (first) => first.toUpperCase()) : "Proposition";
}
