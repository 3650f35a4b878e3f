import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { instantAt } from "@/lib/domain/calendar";
import {
  escapeText,
  foldLine,
  formatOffset,
  offsetChanges,
  offsetMinutesAt,
  renderCalendar,
  type CalendarEvent,
} from "@/lib/domain/icalendar";

const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: "seance-0b6c2f5e-6d43-4c1d-9a31-000000000001@registre",
  sequence: 0,
  changedAt: new Date("2026-11-20T08:00:00Z"),
  start: instantAt("2026-12-10", "18:30", "Europe/Paris"),
  durationMinutes: 180,
  summary: "Conseil municipal, séance ordinaire",
  location: "Salle du conseil, Hôtel de ville; 1 place de la Mairie, 13100 Aix-en-Provence",
  description: "Ordre du jour :\n1. Budget primitif, exercice 2027\n2. Questions orales",
  url: "https://deliberations.example.fr/seances/2026-12-10",
  status: "CONFIRMED",
  ...overrides,
});

/** Parses with ical.js, registering the calendar's own VTIMEZONE so TZID is read from it, not from a built-in table. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component)) };
}

describe("iCalendar", () => {
  it("[ics]: text values escape backslash, semicolon, comma and line breaks", () => {
    expect(escapeText("a\\b; c, d\ne")).toBe("a\\\\b\\; c\\, d\\ne");
  });

  it("[ics]: lines fold at 75 octets without cutting a UTF-8 character", () => {
    const line = `SUMMARY:${"é".repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(" "))).toBe(true);
    expect(parts.map((part, index) => (index ? part.slice(1) : part)).join("")).toBe(line);
  });

  it("[ics]: Paris changes offset twice a year, on the last Sundays of March and October at 01:00 UTC", () => {
    const changes = offsetChanges("Europe/Paris", 2026, 2026);
    expect(changes.map((change) => [change.at.toISOString(), change.from, change.to])).toEqual([
      ["2026-03-29T01:00:00.000Z", 60, 120],
      ["2026-10-25T01:00:00.000Z", 120, 60],
    ]);
    expect(offsetChanges("America/Martinique", 2020, 2027)).toEqual([]);
    expect(offsetMinutesAt(new Date("2026-07-01T00:00:00Z"), "Indian/Reunion")).toBe(240);
    expect(formatOffset(-240)).toBe("-0400");
    expect(formatOffset(330)).toBe("+0530");
  });

  it("[ics]: ical.js reads the event at the hour of the town hall's clock, with its UID, sequence and status", () => {
    const summer = event({ uid: "summer@registre", start: instantAt("2026-06-25", "18:00", "Europe/Paris") });
    const text = renderCalendar({ productId: "-//Registre//FR", name: "Séances", zone: "Europe/Paris", events: [event(), summer] });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(events).toHaveLength(2);
    const [winter, june] = events as [ICAL.Event, ICAL.Event];
    expect(winter.uid).toBe(event().uid);
    expect(winter.sequence).toBe(0);
    expect(winter.startDate.zone?.tzid).toBe("Europe/Paris");
    expect(winter.startDate.toJSDate().toISOString()).toBe("2026-12-10T17:30:00.000Z");
    expect(winter.endDate.toJSDate().toISOString()).toBe("2026-12-10T20:30:00.000Z");
    expect(june.startDate.toJSDate().toISOString()).toBe("2026-06-25T16:00:00.000Z");
    expect(winter.location).toBe(event().location);
    expect(winter.description).toBe(event().description);
    expect(winter.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
  });

  it("[ics]: a cancelled sitting keeps its UID with a higher sequence and STATUS:CANCELLED", () => {
    const text = renderCalendar({
      productId: "-//Registre//FR",
      name: "Séances",
      zone: "America/Martinique",
      events: [event({ sequence: 3, status: "CANCELLED", start: instantAt("2026-12-10", "18:30", "America/Martinique") })],
    });
    const { events } = parse(text);
    const [cancelled] = events as [ICAL.Event];
    expect(cancelled.uid).toBe(event().uid);
    expect(cancelled.sequence).toBe(3);
    expect(cancelled.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelled.startDate.toJSDate().toISOString()).toBe("2026-12-10T22:30:00.000Z");
  });

  it("[ics]: a southern zone starts the year on summer time, as a DAYLIGHT component; durations keep their minutes", () => {
    const text = renderCalendar({
      productId: "-//Registre//FR",
      name: "Séances",
      zone: "Australia/Sydney",
      events: [event({ durationMinutes: 90, start: instantAt("2026-01-15", "19:00", "Australia/Sydney") })],
    });
    expect(text).toContain("BEGIN:DAYLIGHT\r\nDTSTART:20260101T000000\r\nTZOFFSETFROM:+1100");
    expect(text).toContain("DURATION:PT1H30M");
    const { events } = parse(text);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe("2026-01-15T08:00:00.000Z");
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe("2026-01-15T09:30:00.000Z");
  });

  it("[ics]: a calendar without sittings is still a valid calendar with its time zone", () => {
    const text = renderCalendar({ productId: "-//Registre//FR", name: "Séances", zone: "Europe/Paris", events: [] });
    const { calendar, events } = parse(text);
    expect(events).toHaveLength(0);
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Paris");
  });
});
