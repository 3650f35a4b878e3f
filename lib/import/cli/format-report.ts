import type { ArchiveImportReport } from "@/lib/import/import-archive";

// The import report as the terminal shows it, in French: what was read, what
// was written or would be, every refused row with its line, its column and
// why, every conflict with the facts that differ.

const number = (value: number) => value.toLocaleString("fr-FR");
const plural = (count: number, singular: string, pluralForm = `${singular}s`) => `${number(count)} ${count > 1 ? pluralForm : singular}`;

function shown(value: unknown): string {
  if (value === null || value === undefined) return "(vide)";
  if (typeof value === "string") return `« ${value} »`;
  return JSON.stringify(value);
}

function bytes(size: number): string {
  if (size < 1024 * 1024) return `${(size / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Kio`;
  return `${(size / 1024 / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mio`;
}

type Notes = {
  encoding?: string;
  delimiter?: string;
  extraColumns?: string[];
  missingColumns?: string[];
  blankRows?: number;
  municipality?: { slug: string; name: string; siren: string; created: boolean; defaults: string[] };
};

const DELIMITER_NAMES: Record<string, string> = { ",": "virgule", ";": "point-virgule", "\t": "tabulation" };

/** At most this many refused rows and conflicts are printed (the JSON report carries up to the writer's limit). */
const PRINTED = 50;

export function formatImportReport(report: ArchiveImportReport, file: { size: number }): string {
  const notes = report.notes as Notes;
  const lines: string[] = [];
  const dialect = [notes.encoding === "windows-1252" ? "Windows-1252 (pas en UTF-8)" : notes.encoding ? "UTF-8" : null, notes.delimiter ? `séparateur ${DELIMITER_NAMES[notes.delimiter] ?? notes.delimiter}` : null]
    .filter(Boolean)
    .join(", ");
  lines.push(`Fichier ${report.fileName} (${bytes(file.size)}${dialect ? `, ${dialect}` : ""}), SHA-256 ${report.sha256}`);
  if (notes.municipality) {
    const { name, slug, siren, created, defaults } = notes.municipality;
    lines.push(`Collectivité : ${name} (« ${slug} », SIREN ${siren})${created ? (report.importId ? ", créée par cet import" : ", à créer") : ""}`);
    if (created) for (const value of defaults) lines.push(`  - ${value}`);
  }
  const { totals } = report;
  const verb = report.importId ? "" : " (rien n'est écrit)";
  lines.push(
    `Lignes lues : ${number(totals.rowsRead)} ; actes créés : ${number(totals.created)} ; déjà présents à l'identique : ${number(totals.unchanged)} ; en conflit : ${number(totals.conflicts)} ; lignes écartées : ${number(totals.skipped)}${verb}`,
  );
  if (notes.blankRows) lines.push(`Lignes vides ignorées : ${number(notes.blankRows)}`);
  if (notes.extraColumns?.length) lines.push(`Colonnes hors du schéma SCDL, ignorées : ${notes.extraColumns.join(", ")}`);
  if (notes.missingColumns?.length) lines.push(`Colonnes du schéma absentes du fichier : ${notes.missingColumns.join(", ")}`);
  if (report.invalid.length) {
    lines.push(`Lignes refusées :`);
    for (const issue of report.invalid.slice(0, PRINTED)) lines.push(`  ligne ${issue.line}${issue.field ? `, ${issue.field}` : ""} : ${issue.message}`);
    if (report.invalid.length > PRINTED) lines.push(`  … et ${plural(report.invalid.length - PRINTED, "autre refus", "autres refus")} (--json pour la liste).`);
  }
  if (report.conflicts.length) {
    lines.push(`Conflits (l'acte enregistré n'est jamais modifié) :`);
    for (const conflict of report.conflicts.slice(0, PRINTED)) {
      const fields = conflict.fields.map((field) => `${field.field} ${shown(field.stored)} enregistré, ${shown(field.given)} dans le fichier`).join(" ; ");
      lines.push(`  ligne ${conflict.line}, ${conflict.identifier} du ${conflict.day} (acte ${conflict.number}) : ${fields}`);
    }
    if (report.conflicts.length > PRINTED) lines.push(`  … et ${plural(report.conflicts.length - PRINTED, "autre conflit")} (--json pour la liste).`);
  }
  lines.push(outcomeOf(report));
  return lines.join("\n");
}

export function outcomeOf(report: ArchiveImportReport): string {
  if (report.refused) {
    return `Import refusé : rien n'a été écrit. Corrigez ${report.invalid.length + report.conflicts.length > 1 ? "ces lignes" : "cette ligne"}, ou relancez avec --skip-invalid pour écrire les autres.`;
  }
  if (report.dryRun) return `Essai (--dry-run) : l'import passerait ; rien n'a été écrit.`;
  return `Import enregistré (${report.importId}) : ${plural(report.totals.created, "acte créé", "actes créés")}, publiés à leur date.`;
}
