import { SCDL_COLUMNS, SPREADSHEET_HEADINGS, type ScdlColumn } from "@/lib/opendata/scdl-columns";

// The header line of an SCDL file, as towns write it: the schema's names in
// any case, with spaces around or inside them ("delib_id ", "Delib Date"), the
// misspellings found in published files, and the French headings of the
// portal's own spreadsheet-friendly export (lib/opendata/scdl-columns.ts), so
// that a file edited in a spreadsheet comes back. Columns the schema does not
// have are ignored and listed in the report; optional columns may be missing.

export type Delimiter = "," | ";" | "\t";

/** "Delib Date " → "DELIB_DATE", "Adresse de l'acte" → "ADRESSE_DE_L_ACTE": upper case, no accents, words joined by "_". */
export function normalizeColumnName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/**
 * Other names of the schema's columns in published files. VOTE_EFFFECTIF and
 * VOTE_ABST: the council deliberations of Le Plessis-Trévise (2017–2019), on
 * data.gouv.fr (see tests/fixtures/scdl/SOURCE.md).
 */
const ALIASES: ReadonlyMap<string, ScdlColumn> = new Map<string, ScdlColumn>([
  ["VOTE_EFFFECTIF", "VOTE_EFFECTIF"],
  ["VOTE_ABST", "VOTE_ABSTENTION"],
  ...SPREADSHEET_HEADINGS.map((heading, index) => [normalizeColumnName(heading), SCDL_COLUMNS[index]!] as const),
]);

const KNOWN: ReadonlySet<string> = new Set<string>(SCDL_COLUMNS);
const SPREADSHEET: ReadonlySet<string> = new Set<string>(SPREADSHEET_HEADINGS.map(normalizeColumnName));

/** The schema's column a header cell names, or null for a column of its own. */
export function scdlColumnOf(name: string): ScdlColumn | null {
  const normalized = normalizeColumnName(name);
  if (KNOWN.has(normalized)) return normalized as ScdlColumn;
  return ALIASES.get(normalized) ?? null;
}

/** What an import cannot do without: whose acts, which act, which day, about what. */
export const REQUIRED_COLUMNS: readonly ScdlColumn[] = ["COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_OBJET"];

export type ScdlHeader = {
  /** The position of each of the schema's columns the file has. */
  positions: Partial<Record<ScdlColumn, number>>;
  /** Cells in a row: the header's. */
  width: number;
  /** The file's own columns, as its header writes them ("PUBLICATION_DATE", "colonne 18 (sans titre)"). */
  extraColumns: string[];
  /** The schema's columns the file does not have (all optional for an import). */
  missingColumns: ScdlColumn[];
  /** Headed as the portal's spreadsheet-friendly export ("Numéro", "Objet"…), which neutralises formulas. */
  spreadsheet: boolean;
};

export type HeaderParse = { ok: true; header: ScdlHeader } | { ok: false; reason: string };

export function readHeader(cells: readonly string[]): HeaderParse {
  const positions: Partial<Record<ScdlColumn, number>> = {};
  const extraColumns: string[] = [];
  for (const [index, cell] of cells.entries()) {
    const name = cell.trim();
    const column = scdlColumnOf(name);
    if (column === null) {
      extraColumns.push(name === "" ? `colonne ${index + 1} (sans titre)` : name);
      continue;
    }
    const earlier = positions[column];
    if (earlier !== undefined) {
      return { ok: false, reason: `L'en-tête nomme deux fois la colonne ${column} (colonnes ${earlier + 1} et ${index + 1}) : laquelle lire ?` };
    }
    positions[column] = index;
  }
  const lacking = REQUIRED_COLUMNS.filter((column) => positions[column] === undefined);
  if (lacking.length > 0) {
    const found = cells.slice(0, 6).map((cell) => `« ${cell.trim()} »`).join(", ");
    return {
      ok: false,
      reason: `L'en-tête n'a pas ${lacking.length > 1 ? "les colonnes" : "la colonne"} ${lacking.join(", ")} du schéma SCDL « Délibérations » (il commence par ${found}${cells.length > 6 ? "…" : ""}).`,
    };
  }
  return {
    ok: true,
    header: {
      positions,
      width: cells.length,
      extraColumns,
      missingColumns: SCDL_COLUMNS.filter((column) => positions[column] === undefined),
      spreadsheet: cells.some((cell) => SPREADSHEET.has(normalizeColumnName(cell))),
    },
  };
}

/** A header line's cells for a delimiter, quotes honoured (a header cell may be quoted). */
function splitLine(line: string, delimiter: Delimiter): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index]!;
    if (character === '"') {
      if (quoted && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else {
        quoted = !quoted;
      }
    } else if (character === delimiter && !quoted) {
      cells.push(cell);
      cell = "";
    } else {
      cell += character;
    }
  }
  cells.push(cell);
  return cells;
}

const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

/**
 * The separator of a file, read from its header line: the one that splits it
 * into the most columns of the schema (`;` in files made by French
 * spreadsheets, `,` in the schema's). Without any known column, the most
 * frequent of `,`, `;` and tab.
 */
export function detectDelimiter(headerLine: string): Delimiter {
  let best: { delimiter: Delimiter; known: number; cells: number } = { delimiter: ",", known: -1, cells: 0 };
  for (const delimiter of DELIMITERS) {
    const cells = splitLine(headerLine, delimiter);
    const known = cells.filter((cell) => scdlColumnOf(cell.trim()) !== null).length;
    if (known > best.known || (known === best.known && cells.length > best.cells)) best = { delimiter, known, cells: cells.length };
  }
  return best.delimiter;
}

/** Whether a file's first line is an SCDL « Délibérations » header (for guessing a file's format). */
export function looksLikeScdlHeader(firstLine: string): boolean {
  const cells = splitLine(firstLine, detectDelimiter(firstLine));
  const columns = new Set(cells.map((cell) => scdlColumnOf(cell.trim())));
  return columns.has("DELIB_ID") && columns.has("COLL_SIRET");
}
