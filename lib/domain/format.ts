import { assertNever } from "./assert-never";
import { localDateTime } from "./calendar";
import type { Civility, CouncillorRole } from "./types";

// Our own month and day names: the output must not depend on the ICU data of the host.
const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
] as const;

const WEEKDAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"] as const;

function twoDigits(value: number): string {
  return String(value).padStart(2, "0");
}

/**
 * Reads what a formatter is given: a calendar day ("YYYY-MM-DD", as `isoDay`
 * gives a DATE column), or an instant on the clock of `zone`. An instant
 * without a zone is a programming error: the day it falls on depends on it.
 */
function readDate(value: Date | string, zone: string | undefined) {
  if (zone === undefined && (value instanceof Date || value.includes("T"))) {
    throw new Error(`formatting the instant ${String(value)} needs the municipality's time zone`);
  }
  return localDateTime(value, zone ?? "UTC");
}

/** "7 avril 2022", "1er avril 2022": a day, or an instant read on the clock of `zone`. */
export function formatDateFr(day: string): string;
export function formatDateFr(instant: Date | string, zone: string): string;
export function formatDateFr(date: Date | string, zone?: string): string {
  const { year, month, day } = readDate(date, zone);
  return `${day === 1 ? "1er" : day} ${MONTHS[month - 1]} ${year}`;
}

/** "12/04/2022" */
export function formatDateShortFr(day: string): string;
export function formatDateShortFr(instant: Date | string, zone: string): string;
export function formatDateShortFr(date: Date | string, zone?: string): string {
  const { year, month, day } = readDate(date, zone);
  return `${twoDigits(day)}/${twoDigits(month)}/${year}`;
}

/** "lundi 11 avril 2022" */
export function formatWeekdayDateFr(day: string): string;
export function formatWeekdayDateFr(instant: Date | string, zone: string): string;
export function formatWeekdayDateFr(date: Date | string, zone?: string): string {
  const seen = readDate(date, zone);
  return `${WEEKDAYS[seen.weekday]} ${seen.day === 1 ? "1er" : seen.day} ${MONTHS[seen.month - 1]} ${seen.year}`;
}

/** "14h00", "9h05": an instant read on the clock of `zone`. */
export function formatTimeFr(instant: Date | string, zone: string): string {
  const { hour, minute } = localDateTime(instant, zone);
  return `${hour}h${twoDigits(minute)}`;
}

export function civilityLabel(civility: Civility): string {
  switch (civility) {
    case "MONSIEUR":
      return "Monsieur";
    case "MADAME":
      return "Madame";
    default:
      return assertNever(civility);
  }
}

export type CouncillorName = { civility: Civility; firstName: string; lastName: string };

/** "Madame Sophie JOISSAINS": last name in capitals, accents and hyphens kept ("BRAMOULLÉ"). */
export function formatCouncillorName(
  { civility, firstName, lastName }: CouncillorName,
  { withCivility = true }: { withCivility?: boolean } = {},
): string {
  const name = `${firstName.trim()} ${lastName.trim().toLocaleUpperCase("fr-FR")}`;
  return withCivility ? `${civilityLabel(civility)} ${name}` : name;
}

/** The role as printed after a name, agreed with the civility ("Conseillère municipale déléguée"). */
export function roleLabel(role: CouncillorRole, civility: Civility): string {
  const feminine = civility === "MADAME";
  switch (role) {
    case "MAYOR":
      return "Maire";
    case "DEPUTY_MAYOR":
      return feminine ? "Adjointe" : "Adjoint";
    case "DELEGATED_COUNCILLOR":
      return feminine ? "Conseillère municipale déléguée" : "Conseiller municipal délégué";
    case "COUNCILLOR":
      return feminine ? "Conseillère municipale" : "Conseiller municipal";
    default:
      return assertNever(role);
  }
}

/** "Madame Laurence ANGELETTI à Monsieur Pierre-Paul CALENDINI", as the extract lists proxies. */
export function formatProxy(giverName: string, holderName: string): string {
  return `${giverName} à ${holderName}`;
}

/**
 * A title or label followed by the punctuation the layout puts after it,
 * whatever the clerk typed at its end: "L'adjoint ou le conseiller municipal
 * délégué," typed with its comma still gives one comma, not ",,".
 */
export function withClosingPunctuation(text: string, mark: "," | "."): string {
  return `${text.trim().replace(/[\s,;:.]+$/u, "")}${mark}`;
}
