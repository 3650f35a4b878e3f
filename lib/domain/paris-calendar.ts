import { DomainError } from "./errors";

/** A moment as read on a clock in Paris. `weekday`: 0 = Sunday … 6 = Saturday. */
export type ParisDateTime = {
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

const parisClock = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

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

function parisTimeOfInstant(instant: Date): ParisDateTime {
  const fields = Object.fromEntries(parisClock.formatToParts(instant).map((part) => [part.type, part.value]));
  const year = Number(fields["year"]);
  const month = Number(fields["month"]);
  const day = Number(fields["day"]);
  return { year, month, day, hour: Number(fields["hour"]), minute: Number(fields["minute"]), weekday: weekdayOf(year, month, day) };
}

/**
 * Reads a Date (an instant) or a string in Paris time.
 * A plain "YYYY-MM-DD" means that calendar day, at midnight; other strings must be
 * ISO 8601 instants with "Z" or an offset.
 */
export function toParisDateTime(value: Date | string): ParisDateTime {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new DomainError("INVALID_DATE", "La date fournie n'est pas valide.");
    return parisTimeOfInstant(value);
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
  return parisTimeOfInstant(parsed);
}

/** The calendar day ("YYYY-MM-DD") a Date or string falls on in Paris. */
export function toParisCalendarDate(value: Date | string): string {
  const { year, month, day } = toParisDateTime(value);
  return isoDate(year, month, day);
}
