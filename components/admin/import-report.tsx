import type { ArchiveImportReport } from "@/lib/import/import-archive";

// The report of an import or a dry run, as the back office shows it: the
// counts, each refused row with its line, field and reason, each conflict
// with the facts that differ, and what the reader noticed in the file.

export type ImportReportData = ArchiveImportReport;

const number = (value: number) => value.toLocaleString("fr-FR");

function shown(value: unknown): string {
  if (value === null || value === undefined) return "(vide)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

type Notes = { extraColumns?: string[]; missingColumns?: string[]; municipality?: { name: string } };

export function ImportReportView({ report }: { report: ImportReportData }) {
  const { totals } = report;
  const notes = report.notes as Notes;
  const written = report.importId !== null;
  return (
    <section aria-labelledby="import-report" className="flex flex-col gap-3 rounded border border-line p-4">
      <h2 id="import-report" className="text-xl font-bold">
        {written ? "Rapport d'import" : report.refused ? "Import refusé" : "Rapport de l'essai à blanc"} : {report.fileName}
      </h2>
      <p className="text-sm text-muted">
        Empreinte SHA-256 <code className="break-all">{report.sha256}</code>
        {written ? "" : " · rien n'a été enregistré"}
      </p>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Lignes lues</dt>
        <dd>{number(totals.rowsRead)}</dd>
        <dt className="font-semibold">{written ? "Actes créés" : "Actes à créer"}</dt>
        <dd data-testid="import-created">{number(totals.created)}</dd>
        <dt className="font-semibold">Déjà présents à l&apos;identique</dt>
        <dd>{number(totals.unchanged)}</dd>
        <dt className="font-semibold">En conflit avec un acte publié</dt>
        <dd>{number(totals.conflicts)}</dd>
        <dt className="font-semibold">Lignes écartées</dt>
        <dd>{number(totals.skipped)}</dd>
      </dl>
      {notes.extraColumns?.length ? <p>Colonnes hors du schéma SCDL, ignorées : {notes.extraColumns.join(", ")}.</p> : null}
      {notes.missingColumns?.length ? <p>Colonnes du schéma absentes du fichier : {notes.missingColumns.join(", ")}.</p> : null}
      {report.invalid.length ? (
        <table className="w-full text-left text-sm">
          <caption className="text-left font-semibold">Lignes refusées</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Champ</th>
              <th scope="col">Motif</th>
            </tr>
          </thead>
          <tbody>
            {report.invalid.map((issue, index) => (
              <tr key={`${issue.line}-${index}`} className="border-t border-line">
                <td>{issue.line}</td>
                <td>{issue.field ?? "—"}</td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.conflicts.length ? (
        <table className="w-full text-left text-sm">
          <caption className="text-left font-semibold">Conflits : la ligne diffère de l&apos;acte publié, qui reste tel quel</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Acte</th>
              <th scope="col">Différences (publié → fichier)</th>
            </tr>
          </thead>
          <tbody>
            {report.conflicts.map((conflict) => (
              <tr key={`${conflict.line}-${conflict.number}`} className="border-t border-line">
                <td>{conflict.line}</td>
                <td>{conflict.number}</td>
                <td>{conflict.fields.map((field) => `${field.field} : ${shown(field.stored)} → ${shown(field.given)}`).join(" ; ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
