import { localDateTime, localYear } from "./calendar";

// iCalendar (RFC 5545) for the council's public sittings: the text format,
// escaping and line folding, and the VTIMEZONE of the municipality's zone
// written from the runtime's own time-zone data (its real changes of offset
// over the years the events span), so a calendar client reads each sitting at
// the hour the town hall's clock shows.

export type CalendarEventStatus = "CONFIRMED" | "CANCELLED";

export type CalendarEvent = {
  /** Never changes for a sitting: a changed or cancelled sitting updates the same event. */
  uid: string;
  /** RFC 5545 SEQUENCE: bumped on every change of what the event shows. */
  sequence: number;
  /** When this version of the event was last changed (DTSTAMP, LAST-MODIFIED). */
  changedAt: Date;
  start: Date;
  durationMinutes: number;
  summary: string;
  location: string;
  description: string;
  url: string;
  status: CalendarEventStatus;
};

export type Calendar = {
  /** PRODID: who made the calendar. */
  productId: string;
  name: string;
  zone: string;
  events: readonly CalendarEvent[];
};

const CRLF = "\r\n";
const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // The first line holds 75 octets; each continuation starts with a space, leaving 74.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** "20220407T120000Z" */
export function formatUtcDateTime(instant: Date): string {
  return (
    `${pad(instant.getUTCFullYear(), 4)}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}

/** "20220407T140000", the clock of `zone` at `instant` (a DTSTART with TZID). */
export function formatLocalDateTime(instant: Date, zone: string): string {
  const local = localDateTime(instant, zone);
  return `${pad(local.year, 4)}${pad(local.month)}${pad(local.day)}T${pad(local.hour)}${pad(local.minute)}00`;
}

/** The offset from UTC of `zone` at `instant`, in minutes (+60 for Paris in winter). */
export function offsetMinutesAt(instant: Date, zone: string): number {
  const minute = Math.floor(instant.getTime() / 60_000) * 60_000;
  const local = localDateTime(new Date(minute), zone);
  return Math.round((Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) - minute) / 60_000);
}

export type OffsetChange = { at: Date; from: number; to: number };

/** Every change of offset of `zone` from 1 January of `fromYear` to the end of `toYear` (UTC). */
export function offsetChanges(zone: string, fromYear: number, toYear: number): OffsetChange[] {
  const changes: OffsetChange[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  const hour = 3_600_000;
  let previous = Date.UTC(fromYear, 0, 1);
  let previousOffset = offsetMinutesAt(new Date(previous), zone);
  // Offsets hold for months: step by twelve hours, then narrow each change to the minute.
  for (let probe = previous + 12 * hour; probe <= end; probe += 12 * hour) {
    const offset = offsetMinutesAt(new Date(probe), zone);
    if (offset !== previousOffset) {
      let low = previous;
      let high = probe;
      while (high - low > 60_000) {
        const middle = Math.floor((low + high) / 120_000) * 60_000;
        if (offsetMinutesAt(new Date(middle), zone) === previousOffset) low = middle;
        else high = middle;
      }
      changes.push({ at: new Date(high), from: previousOffset, to: offset });
      previousOffset = offset;
    }
    previous = probe;
  }
  return changes;
}

/** "+0100", "-0400" */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}${pad(absolute % 60)}`;
}

/** The wall-clock time, on the old offset, at which a change happens: a VTIMEZONE DTSTART. */
function onsetOf(change: OffsetChange): string {
  return formatUtcDateTime(new Date(change.at.getTime() + change.from * 60_000)).slice(0, -1);
}

/** The VTIMEZONE of `zone` for events from `fromYear` to `toYear`, as content lines. */
export function vtimezoneLines(zone: string, fromYear: number, toYear: number): string[] {
  const changes = offsetChanges(zone, fromYear, toYear);
  const january = offsetMinutesAt(new Date(Date.UTC(fromYear, 0, 1)), zone);
  const july = offsetMinutesAt(new Date(Date.UTC(fromYear, 6, 1)), zone);
  // The standard offset is the smaller one of the year (winter time, north or south).
  const standard = Math.min(january, july);
  const first = offsetMinutesAt(new Date(Date.UTC(fromYear, 0, 1)), zone);
  const component = (kind: "STANDARD" | "DAYLIGHT", onset: string, from: number, to: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${onset}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    `END:${kind}`,
  ];
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${zone}`,
    ...component(first > standard ? "DAYLIGHT" : "STANDARD", `${pad(fromYear, 4)}0101T000000`, first, first),
    ...changes.flatMap((change) => component(change.to > standard ? "DAYLIGHT" : "STANDARD", onsetOf(change), change.from, change.to)),
    "END:VTIMEZONE",
  ];
}

function eventLines(event: CalendarEvent, zone: string): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${formatUtcDateTime(event.changedAt)}`,
    `LAST-MODIFIED:${formatUtcDateTime(event.changedAt)}`,
    `DTSTART;TZID=${zone}:${formatLocalDateTime(event.start, zone)}`,
    `DURATION:PT${Math.floor(event.durationMinutes / 60)}H${event.durationMinutes % 60 ? `${event.durationMinutes % 60}M` : ""}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `URL:${event.url}`,
    `STATUS:${event.status}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

/** The whole calendar as RFC 5545 text: CRLF line ends, folded lines. */
export function renderCalendar(calendar: Calendar): string {
  const years = calendar.events.map((event) => localYear(event.start, calendar.zone));
  const now = new Date();
  const fromYear = Math.min(...years, localYear(now, calendar.zone));
  const toYear = Math.max(...years, localYear(now, calendar.zone));
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${calendar.productId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${calendar.zone}`,
    ...vtimezoneLines(calendar.zone, fromYear, toYear),
    ...calendar.events.flatMap((event) => eventLines(event, calendar.zone)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
