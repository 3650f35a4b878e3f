import { DomainError } from "./errors";

export type DeliberationNumber = { year: number; sequence: number };

// No leading zero in the sequence: "DL.2022-091" and "DL.2022-91" must not both exist.
const DELIBERATION_NUMBER = /^DL\.(\d{4})-([1-9]\d{0,5})$/;

/** "DL.2022-91" → { year: 2022, sequence: 91 }; null when malformed. */
export function parseDeliberationNumber(value: string): DeliberationNumber | null {
  const match = DELIBERATION_NUMBER.exec(value.trim());
  if (!match) return null;
  return { year: Number(match[1]), sequence: Number(match[2]) };
}

export function formatDeliberationNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new DomainError("INVALID_DELIBERATION_NUMBER", `L'année ${String(year)} doit compter quatre chiffres.`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new DomainError(
      "INVALID_DELIBERATION_NUMBER",
      `Le numéro d'ordre ${String(sequence)} doit être un entier de 1 à 999999.`,
    );
  }
  return `DL.${year}-${sequence}`;
}

/** The number after the highest of that year ("DL.2022-1" for the first); other years and malformed numbers are ignored. */
export function nextDeliberationNumber(year: number, existing: string[]): string {
  let highest = 0;
  for (const number of existing) {
    const parsed = parseDeliberationNumber(number);
    if (parsed && parsed.year === year && parsed.sequence > highest) highest = parsed.sequence;
  }
  return formatDeliberationNumber(year, highest + 1);
}
