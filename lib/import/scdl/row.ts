import type { ArchivedActInput, ArchivedReceiptInput, ArchivedVoteInput } from "@/lib/import/archived-act";
import type { ScdlColumn } from "@/lib/opendata/scdl-columns";
import type { ScdlHeader } from "./header";
import { parseMatter } from "./matter";
import { parseBudgetYear, parseCount, parsePrefectureId, parseScdlDay, parseSiret, parseText, parseWebAddress, type Siret, type ValueParse } from "./values";

// One SCDL row → one archived act (lib/import/archived-act.ts), or the
// reasons it cannot be read, each naming its column. What the row does not
// say stays null: SCDL has no hour, place, officers, roll call, report or
// ACTES identifier; its acts are adopted (DELIB_DATE is the day of adoption).
// The rules on what the facts must satisfy together (tally arithmetic,
// members in office, the identifier's shape) are the archive writer's, the
// same as manual entry's; this file reads cells.

/** A fact of the file that cannot be read: the physical line where its record starts, its column (null: the whole row), why. */
export type RowIssue = { line: number; field: string | null; message: string };

export type ScdlRowContext = {
  /** The municipality's clock, for a DELIB_DATE written as an instant. */
  timeZone: string;
  /** Its department ("013"), which a PREF_ID must name; null: not checked. */
  departmentCode: string | null;
  /** Whose acts the file must hold (the SIREN of COLL_SIRET); null: not decided yet. */
  municipality: { siren: string; name: string } | null;
};

export type ScdlRow = {
  act: ArchivedActInput;
  siret: Siret;
  /** COLL_NOM, as the row writes it. */
  municipalityName: string | null;
};

export type RowParse = { ok: true; row: ScdlRow } | { ok: false; issues: RowIssue[] };

/** The portal's spreadsheet file writes « '=… » for a text a spreadsheet would run as a formula: read back as typed. */
const NEUTRALISED_FORMULA = /^'(?=[=+\-@\t\r])/;

export function parseScdlRow(cells: readonly string[], line: number, header: ScdlHeader, context: ScdlRowContext): RowParse {
  const issues: RowIssue[] = [];
  if (cells.length !== header.width) {
    const more = cells.length > header.width;
    return {
      ok: false,
      issues: [
        {
          line,
          field: null,
          message: `La ligne compte ${cells.length} champs, l'en-tête ${header.width}${
            more ? " : un texte contient sans doute le séparateur sans être entre guillemets" : " : un champ manque, ou un texte contient un retour à la ligne sans être entre guillemets"
          }.`,
        },
      ],
    };
  }
  const cell = (column: ScdlColumn): string => {
    const position = header.positions[column];
    const value = position === undefined ? "" : cells[position]!;
    return header.spreadsheet ? value.replace(NEUTRALISED_FORMULA, "") : value;
  };
  const read = <T>(column: ScdlColumn, parsed: ValueParse<T>): T | undefined => {
    if (parsed.ok) return parsed.value;
    issues.push({ line, field: column, message: parsed.reason });
    return undefined;
  };
  const required = (column: ScdlColumn, what: string): string | undefined => {
    const text = parseText(cell(column));
    if (text === null) issues.push({ line, field: column, message: `${what} manque.` });
    return text ?? undefined;
  };

  const siret = read("COLL_SIRET", parseSiret(cell("COLL_SIRET")));
  const municipalityName = parseText(cell("COLL_NOM"));
  const target = context.municipality;
  const otherTown = siret !== undefined && target !== null && siret.siren !== target.siren;
  if (otherTown) {
    issues.push({
      line,
      field: "COLL_SIRET",
      message: `Le SIREN ${siret.siren} (SIRET ${siret.siret}${municipalityName ? `, ${municipalityName}` : ""}) n'est pas celui de ${target.name} (${target.siren}) : cette délibération est d'une autre collectivité.`,
    });
  }
  const identifier = required("DELIB_ID", "L'identifiant de la délibération");
  const readDay = (column: "DELIB_DATE" | "PREF_DATE"): string | null | undefined => {
    const text = cell(column);
    return text.trim() === "" ? null : read(column, parseScdlDay(text, context.timeZone));
  };
  const day = readDay("DELIB_DATE");
  if (day === null) issues.push({ line, field: "DELIB_DATE", message: "La date d'adoption manque." });
  const subject = required("DELIB_OBJET", "L'objet de la délibération");
  const matterCode = read("DELIB_MATIERE_CODE", parseMatter(cell("DELIB_MATIERE_CODE"), cell("DELIB_MATIERE_NOM")));
  const budgetYear = read("BUDGET_ANNEE", parseBudgetYear(cell("BUDGET_ANNEE")));
  // Another town's prefecture is its own department's: said once, by the SIREN.
  const authority = read("PREF_ID", parsePrefectureId(cell("PREF_ID"), otherTown ? null : context.departmentCode));
  const receivedAt = readDay("PREF_DATE");
  const membersInOffice = read("VOTE_EFFECTIF", parseCount(cell("VOTE_EFFECTIF")));
  const participants = read("VOTE_REEL", parseCount(cell("VOTE_REEL")));
  const votesFor = read("VOTE_POUR", parseCount(cell("VOTE_POUR")));
  const votesAgainst = read("VOTE_CONTRE", parseCount(cell("VOTE_CONTRE")));
  const abstentions = read("VOTE_ABSTENTION", parseCount(cell("VOTE_ABSTENTION")));
  const sourceUrl = read("DELIB_URL", parseWebAddress(cell("DELIB_URL")));

  if (issues.length > 0 || !siret || !identifier || !day || !subject) return { ok: false, issues };

  const figures = [participants, votesFor, votesAgainst, abstentions];
  // Files without the figures often write 0 in every column: no adopted act has a tally of zeros, so they say nothing.
  const vote: ArchivedVoteInput | null = figures.every((figure) => !figure)
    ? null
    : { unanimous: false, participants: participants ?? null, votesFor: votesFor ?? null, votesAgainst: votesAgainst ?? null, abstentions: abstentions ?? null };
  const receipt: ArchivedReceiptInput | null =
    authority || receivedAt ? { actesId: null, authority: authority ?? null, receivedAt: receivedAt ?? null } : null;
  const act: ArchivedActInput = {
    source: { line, label: identifier },
    identifier,
    sitting: {
      day,
      hour: null,
      place: null,
      extraordinary: false,
      presidentId: null,
      secretaryId: null,
      // Likewise a membership of 0: unknown.
      membersInOffice: membersInOffice || null,
      attendance: null,
    },
    orderInSitting: null,
    subject,
    matterCode: matterCode ?? null,
    outcome: "ADOPTED",
    vote,
    receipt,
    budgetYear: budgetYear ?? null,
    budgetName: parseText(cell("BUDGET_NOM")),
    sourceUrl: sourceUrl ?? null,
  };
  return { ok: true, row: { act, siret, municipalityName } };
}
