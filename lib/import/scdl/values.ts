import { isCalendarDate, isoDate, localDay } from "@/lib/domain/calendar";
import { isValidSiren } from "@/lib/domain/actes";

// The values of one SCDL cell, as real files write them. Each reader returns
// the value or the French reason it cannot be read; the caller names the line
// and the column. Pure: no I/O.

export type ValueParse<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): ValueParse<T> => ({ ok: true, value });
const refuse = (reason: string): ValueParse<never> => ({ ok: false, reason });

/** The first year a commune's council can have deliberated (the communes date from 1789–1790). */
const FIRST_YEAR = 1790;

// The day, in the orders real files use: 2021-07-02 (the schema's), 2021/07/02,
// 20210702, and the French 02/07/2021, 2/7/2021, 02-07-2021, 02.07.2021.
const YEAR_FIRST = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;
// A time after the day, as exports from databases and spreadsheets add it:
// "2021/07/02 00:00:00+00", "2021-07-02T00:00:00Z", "02/07/2021 14:30", "2021-07-01T22:00:00.000+00:00".
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

type WrittenDay = { year: number; month: number; day: number; twoDigitYear: boolean };

function writtenDay(text: string): WrittenDay | null {
  const yearFirst = YEAR_FIRST.exec(text) ?? COMPACT.exec(text);
  if (yearFirst) {
    const [year, month, day] = yearFirst.length === 5 ? [yearFirst[1], yearFirst[3], yearFirst[4]] : [yearFirst[1], yearFirst[2], yearFirst[3]];
    return { year: Number(year), month: Number(month), day: Number(day), twoDigitYear: false };
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (!dayFirst) return null;
  return { year: Number(dayFirst[4]), month: Number(dayFirst[3]), day: Number(dayFirst[1]), twoDigitYear: dayFirst[4]!.length === 2 };
}

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === "Z") return 0;
  const digits = offset.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
  return offset.startsWith("-") ? -minutes : minutes;
}

/**
 * A day of the file, as "YYYY-MM-DD". A time after it is read as real files
 * mean it: midnight (whatever the offset) is a date written with a dummy
 * time, and stays that day; another time with an offset is an instant, whose
 * day is read on the municipality's clock (`timeZone`): 2021-07-01T22:00:00Z
 * is 2 July in Paris. A day that does not exist (31/06/2021) is refused, and
 * so is a two-digit year (02/07/21: 1921 or 2021?) or a spreadsheet's serial
 * number (44379).
 */
export function parseScdlDay(raw: string, timeZone: string): ValueParse<string> {
  const text = raw.trim();
  const [datePart = "", ...rest] = text.split(/[T\s]+/i);
  const timePart = rest.join(" ");
  const written = writtenDay(datePart);
  if (!written) {
    if (/^\d{5}(?:[.,]\d+)?$/.test(text)) {
      return refuse(`« ${text} » est un numéro de jour de tableur, pas une date : enregistrez la colonne au format date (AAAA-MM-JJ).`);
    }
    return refuse(`« ${text} » n'est pas une date : écrivez-la AAAA-MM-JJ (2021-07-02) ou JJ/MM/AAAA (02/07/2021).`);
  }
  if (written.twoDigitYear) {
    return refuse(`« ${text} » donne l'année sur deux chiffres : écrivez-la en entier (02/07/2021).`);
  }
  const { year, month, day } = written;
  if (month > 12) {
    return refuse(`« ${text} » n'est pas une date : il n'y a pas de mois ${month} (les dates s'écrivent JJ/MM/AAAA ou AAAA-MM-JJ).`);
  }
  if (!isCalendarDate(year, month, day)) return refuse(`« ${text} » n'est pas une date : ce jour n'existe pas.`);
  if (year < FIRST_YEAR) return refuse(`« ${text} » est antérieure à ${FIRST_YEAR} : vérifiez l'année.`);
  const dayOfText = isoDate(year, month, day);
  if (timePart === "") return ok(dayOfText);
  const time = TIME.exec(timePart);
  if (!time) return refuse(`« ${text} » : l'heure « ${timePart} » n'est pas lisible (attendu par exemple 00:00:00+00).`);
  const [hour, minute, second] = [Number(time[1]), Number(time[2]), Number(time[3] ?? "0")];
  if (hour > 23 || minute > 59 || second > 59) return refuse(`« ${text} » : l'heure « ${timePart} » n'existe pas.`);
  const offset = time[4];
  if (offset === undefined || (hour === 0 && minute === 0 && second === 0)) return ok(dayOfText);
  const instant = new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes(offset) * 60_000);
  return ok(localDay(instant, timeZone));
}

/** A count of members or votes: digits only (spaces as thousands separators allowed). Empty: unknown (null). */
export function parseCount(raw: string): ValueParse<number | null> {
  const text = raw.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (text === "") return ok(null);
  if (!/^\d+$/.test(text)) {
    return refuse(`« ${raw.trim()} » n'est pas un nombre entier positif ou nul.`);
  }
  const value = Number(text);
  if (value > 100_000) return refuse(`« ${raw.trim()} » est bien trop grand pour un nombre de membres ou de voix.`);
  return ok(value);
}

export type Siret = { siret: string; siren: string };

/** COLL_SIRET: 14 digits (spaces allowed, as spreadsheets print them); its first 9, the SIREN, must have a valid key. */
export function parseSiret(raw: string): ValueParse<Siret> {
  const text = raw.trim();
  if (text === "") return refuse("Le SIRET de la collectivité manque (14 chiffres).");
  if (/^\d(?:[.,]\d+)?E\+?\d+$/i.test(text)) {
    return refuse(`« ${text} » : le tableur a écrit le SIRET en notation scientifique ; enregistrez la colonne en texte (14 chiffres).`);
  }
  const digits = text.replace(/[\s\u00a0\u202f.]/g, "");
  if (!/^\d{14}$/.test(digits)) return refuse(`« ${text} » n'est pas un SIRET : il compte 14 chiffres (SIREN puis NIC).`);
  const siren = digits.slice(0, 9);
  if (!isValidSiren(siren)) return refuse(`« ${text} » : le SIREN ${siren} n'est pas valide (clé de contrôle erronée).`);
  return ok({ siret: digits, siren });
}

const PREFECTURE = /^(PREF|SPREF|SGAR)(\d{2}[\dAB])(\d{1,2})?$/;

/**
 * PREF_ID: the office of the legality control, "PREF013" (a prefecture),
 * "SPREF0131" (a sub-prefecture: department and district), "SGAR013". A
 * prefecture or sub-prefecture is the municipality's department's.
 */
export function parsePrefectureId(raw: string, departmentCode: string | null): ValueParse<string | null> {
  const text = raw.trim().toUpperCase().replace(/\s+/g, "");
  if (text === "") return ok(null);
  const match = PREFECTURE.exec(text);
  const [, office, department, district] = match ?? [];
  if (!match || (office === "SPREF") !== (district !== undefined)) {
    return refuse(
      `« ${raw.trim()} » n'est pas un identifiant du contrôle de légalité : PREF suivi du département sur 3 caractères (PREF013, PREF02A), SPREF suivi du département et de l'arrondissement (SPREF0131), ou SGAR suivi du département (SGAR013).`,
    );
  }
  if (office !== "SGAR" && departmentCode !== null && department !== departmentCode) {
    return refuse(`« ${text} » est le contrôle de légalité du département ${department}, la collectivité est du ${departmentCode}.`);
  }
  return ok(text);
}

/** BUDGET_ANNEE: "2021" or "2021/2022". Empty: none. */
export function parseBudgetYear(raw: string): ValueParse<string | null> {
  const text = raw.trim();
  if (text === "") return ok(null);
  const match = /^(\d{4})(?:\s*\/\s*(\d{4}))?$/.exec(text);
  if (!match) return refuse(`« ${text} » n'est pas une année budgétaire : AAAA (2021) ou AAAA/AAAA (2021/2022).`);
  if (match[2] !== undefined && Number(match[2]) <= Number(match[1])) {
    return refuse(`« ${text} » : la seconde année doit suivre la première (2021/2022).`);
  }
  return ok(match[2] === undefined ? match[1]! : `${match[1]}/${match[2]}`);
}

/**
 * DELIB_URL: an http or https address. Kept as written; an address with
 * spaces (real files leave them unencoded) is kept percent-encoded, the same
 * address in the form a link needs.
 */
export function parseWebAddress(raw: string): ValueParse<string | null> {
  const text = raw.trim();
  if (text === "") return ok(null);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse(`« ${text} » n'est pas une adresse web complète (commençant par https://).`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return refuse(`« ${text} » n'est pas une adresse web (http:// ou https://).`);
  }
  if (url.hostname === "") return refuse(`« ${text} » n'a pas de nom de site.`);
  return ok(/\s/.test(text) ? url.href : text);
}

/** A text cell: trimmed, line breaks as \n, empty as null. */
export function parseText(raw: string): string | null {
  const text = raw.replace(/\r\n?/g, "\n").trim();
  return text === "" ? null : text;
}
