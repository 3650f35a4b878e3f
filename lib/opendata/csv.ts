type Cell = string | number | null | undefined;

/** One RFC 4180 field: quoted when it holds the separator, a quote or a line break; quotes doubled. */
export function csvField(value: Cell, separator: "," | ";" = ","): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export function csvRecord(values: Cell[], separator: "," | ";" = ","): string {
  return `${values.map((value) => csvField(value, separator)).join(separator)}\r\n`;
}

/** What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet will not run: one starting as a formula would
 * (=, +, -, @, tab, carriage return) gets a leading single quote, as OWASP
 * advises; the text is otherwise kept. Numbers are left alone.
 */
export function spreadsheetText(value: Cell): Cell {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/** UTF-8's byte order mark: what tells Excel that the file is UTF-8 (its default is the local code page). */
export const UTF8_BOM = "\uFEFF";

/** One record of a spreadsheet-friendly CSV: `;` separated (the French locale's list separator), text cells neutralised. */
export function spreadsheetRecord(values: Cell[]): string {
  return csvRecord(values.map(spreadsheetText), ";");
}
