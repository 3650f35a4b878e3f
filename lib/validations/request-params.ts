// What a URL may carry into a page or a route handler. Query parameters are
// read leniently (anything malformed is dropped, and the page shows its
// default), path identifiers strictly (anything that cannot be an identifier
// is refused before a single query runs, so no made-up address reaches the
// database or Next's route cache).

type QueryValue = string | string[] | undefined | null;

/** Acts and sittings are dated from the Revolution on; PostgreSQL has no year 0. */
const FIRST_YEAR = 1790;
const LAST_YEAR = 2999;
/** Longer than any act number, SCDL identifier or UUID a town has used. */
export const MAX_IDENTIFIER_LENGTH = 120;

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// C0 and C1 controls, U+FFFD (what a lossy decoder leaves of invalid UTF-8), lone surrogates.
const NOT_IN_AN_IDENTIFIER = /[\u0000-\u001f\u007f-\u009f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// A percent sign followed by two hex digits: a value that is still (or doubly) percent-encoded.
const STILL_ENCODED = /%[0-9a-f]{2}/i;

/** The first value of a repeated query parameter (`?q=a&q=b` reads as "a"). */
export function firstValue(value: QueryValue): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : undefined;
}

/** True for a day that exists in the calendar ("2022-02-31" and "0000-01-01" do not), between 1790 and 2999. */
export function isCalendarDay(value: string): boolean {
  const match = CALENDAR_DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar day from a query parameter, or undefined. */
export function calendarDayParam(value: QueryValue): string | undefined {
  const text = firstValue(value)?.trim();
  return text && isCalendarDay(text) ? text : undefined;
}

/** A page number from a query parameter: a whole number from 1 to `max`, else 1 ("1e300", "-1", "abc" read as 1). */
export function pageParam(value: QueryValue, max: number): number {
  const text = firstValue(value)?.trim() ?? "";
  if (!/^[1-9]\d{0,5}$/.test(text)) return 1;
  return Math.min(Number(text), max);
}

/** Free text from a query parameter: control characters become spaces, cut at `max` characters. */
export function textParam(value: QueryValue, max: number): string {
  return (firstValue(value) ?? "")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max);
}

/**
 * A path segment as Next gives it (already decoded once), if it can be an
 * identifier at all: not empty, not absurdly long, no control character, no
 * trace of invalid UTF-8, not still percent-encoded (which would make
 * `DL%252E2022-91` a second address of DL.2022-91). It is never decoded again.
 */
export function identifierParam(value: string): string | null {
  if (!value || value.length > MAX_IDENTIFIER_LENGTH) return null;
  if (NOT_IN_AN_IDENTIFIER.test(value) || STILL_ENCODED.test(value)) return null;
  return value;
}

/**
 * An identifier from a page component's own `params`. Next 16 gives a page
 * its segment as the address wrote it ("AP%20D%2021-07-1", unreserved
 * characters aside) while generateMetadata and route handlers get it decoded:
 * the page's is decoded once here, then checked as identifierParam, so both
 * read one act and a doubly encoded address stays refused.
 */
export function pageIdentifierParam(value: string): string | null {
  try {
    return identifierParam(decodeURIComponent(value));
  } catch {
    return null;
  }
}
