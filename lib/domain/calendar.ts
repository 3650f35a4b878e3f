import { DomainError } from "./errors";

// Local days and instants, in the municipality's time zone (an IANA name:
// "Europe/Paris" by default, "America/Martinique", "Indian/Reunion"…): a
// sitting opens at a local hour, a vote falls on a local day. DATE columns
// hold a day as midnight UTC (`dateColumn`, `isoDay`), whatever the zone.

/** The zone of a municipality that says nothing else (metropolitan France). */
export const DEFAULT_TIME_ZONE = "Europe/Paris";

// How a seal or a notice names the clock it reads: the zones of the French
// Republic by their usual French name, any other by its IANA name.
const ZONE_LABELS: Record<string, string> = {
  "Europe/Paris": "heure de Paris",
  "America/Guadeloupe": "heure de la Guadeloupe",
  "America/Martinique": "heure de la Martinique",
  "America/Cayenne": "heure de la Guyane",
  "Indian/Reunion": "heure de La Réunion",
  "Indian/Mayotte": "heure de Mayotte",
  "America/Miquelon": "heure de Saint-Pierre-et-Miquelon",
  "America/St_Barthelemy": "heure de Saint-Barthélemy",
  "America/Marigot": "heure de Saint-Martin",
  "Pacific/Noumea": "heure de la Nouvelle-Calédonie",
  "Pacific/Tahiti": "heure de Tahiti",
  "Pacific/Wallis": "heure de Wallis-et-Futuna",
};

/** "heure de Paris", "heure de la Martinique"; "heure locale (Asia/Tokyo)" for a zone without a French name. */
export function timeZoneLabel(zone: string): string {
  return ZONE_LABELS[zone] ?? `heure locale (${zone})`;
}

/** A moment as read on a clock in a time zone. `weekday`: 0 = Sunday … 6 = Saturday. */
export type LocalDateTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
};

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An instant must say its offset: without one, JavaScript would read it in the server's zone.
const DATE_TIME_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const clocks = new Map<string, Intl.DateTimeFormat>();

/** Whether `zone` is a time zone the runtime knows (an IANA name such as "America/Martinique"). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    clockOf(zone);
    return true;
  } catch {
    return false;
  }
}

function clockOf(zone: string): Intl.DateTimeFormat {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23" });
    clocks.set(zone, clock);
  }
  return clock;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/** Whether year-month-day names a day of the Gregorian calendar (month 1–12). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function weekdayOf(year: number, month: number, day: number): number {
  const noon = new Date(0);
  noon.setUTCFullYear(year, month - 1, day);
  return noon.getUTCDay();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function invalidDate(value: string): DomainError {
  return new DomainError("INVALID_DATE", `La date « ${value} » n'est pas valide.`);
}

function localTimeOfInstant(instant: Date, zone: string): LocalDateTime {
  const fields = Object.fromEntries(clockOf(zone).formatToParts(instant).map((part) => [part.type, part.value]));
  const year = Number(fields["year"]);
  const month = Number(fields["month"]);
  const day = Number(fields["day"]);
  return { year, month, day, hour: Number(fields["hour"]), minute: Number(fields["minute"]), weekday: weekdayOf(year, month, day) };
}

/**
 * Reads a Date (an instant) or a string on the clock of `zone`.
 * A plain "YYYY-MM-DD" means that calendar day, at midnight; other strings must be
 * ISO 8601 instants with "Z" or an offset.
 */
export function localDateTime(value: Date | string, zone: string): LocalDateTime {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new DomainError("INVALID_DATE", "La date fournie n'est pas valide.");
    return localTimeOfInstant(value, zone);
  }
  const plain = PLAIN_DATE.exec(value);
  if (plain) {
    const [year, month, day] = [Number(plain[1]), Number(plain[2]), Number(plain[3])];
    if (!isCalendarDate(year, month, day)) throw invalidDate(value);
    return { year, month, day, hour: 0, minute: 0, weekday: weekdayOf(year, month, day) };
  }
  const instant = DATE_TIME_WITH_OFFSET.exec(value);
  // JavaScript rolls 31 February over to 3 March: check the written day first.
  if (!instant || !isCalendarDate(Number(instant[1]), Number(instant[2]), Number(instant[3]))) throw invalidDate(value);
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw invalidDate(value);
  return localTimeOfInstant(parsed, zone);
}

/** The calendar day ("YYYY-MM-DD") a Date or string falls on in `zone`. */
export function localDay(value: Date | string, zone: string): string {
  const { year, month, day } = localDateTime(value, zone);
  return isoDate(year, month, day);
}

/** The year the clock of `zone` shows at `instant`: a sitting's year, hence its acts' numbering year. */
export function localYear(value: Date | string, zone: string): number {
  return localDateTime(value, zone).year;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** The day and hour the clock of `zone` shows at `instant`: { date: "2022-04-07", time: "14:00" }. */
export function localDateAndTime(instant: Date, zone: string): { date: string; time: string } {
  const seen = localDateTime(instant, zone);
  return { date: isoDate(seen.year, seen.month, seen.day), time: `${pad(seen.hour)}:${pad(seen.minute)}` };
}

/**
 * The instant a clock of `zone` shows `date` ("2022-04-07") at `time` ("14:00"),
 * with the offset in force that day (CET or CEST in Paris). An hour the clock
 * skips (spring forward) is read with the offset before the change.
 */
export function instantAt(date: string, time: string, zone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wanted;
  // Two passes settle the offset, the second one across a change of time.
  for (let pass = 0; pass < 2; pass += 1) {
    const seen = localTimeOfInstant(new Date(instant), zone);
    instant += wanted - Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
  }
  return new Date(instant);
}

/** The instants of a local day in `zone`: from its midnight (included) to the next (excluded). */
export function localDayBounds(date: string, zone: string): { gte: Date; lt: Date } {
  const next = isoDay(new Date(dateColumn(date).getTime() + 86_400_000));
  return { gte: instantAt(date, "00:00", zone), lt: instantAt(next, "00:00", zone) };
}

/** A day as a DATE column takes it: midnight UTC of that day. */
export function dateColumn(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** A DATE column's day as "YYYY-MM-DD" (empty for none). */
export function isoDay(value: Date | null): string {
  return value ? value.toISOString().slice(0, 10) : "";
}
