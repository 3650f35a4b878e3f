import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/domain";
import {
  dateColumn,
  DEFAULT_TIME_ZONE,
  instantAt,
  isCalendarDate,
  isoDate,
  isoDay,
  isTimeZone,
  localDateAndTime,
  localDateTime,
  localDay,
  localDayBounds,
  weekdayOf,
} from "@/lib/domain/calendar";

const toParisCalendarDate = (value: Date | string) => localDay(value, "Europe/Paris");
const toParisDateTime = (value: Date | string) => localDateTime(value, "Europe/Paris");

describe("toParisCalendarDate", () => {
  it("[calendar]: 2022-04-06T22:30:00Z is 7 April 2022 in Paris (summer time, UTC+2)", () => {
    expect(toParisCalendarDate(new Date("2022-04-06T22:30:00Z"))).toBe("2022-04-07");
  });

  it("[calendar]: 2022-01-06T22:30:00Z is still 6 January in Paris (winter time, UTC+1)", () => {
    expect(toParisCalendarDate(new Date("2022-01-06T22:30:00Z"))).toBe("2022-01-06");
    expect(toParisCalendarDate(new Date("2022-01-06T23:00:00Z"))).toBe("2022-01-07");
  });

  it("[calendar]: a plain YYYY-MM-DD string means that calendar day, whatever the zone", () => {
    expect(toParisCalendarDate("2022-04-07")).toBe("2022-04-07");
    expect(toParisCalendarDate("2024-02-29")).toBe("2024-02-29");
  });

  it("[calendar]: an ISO instant with an offset is read in Paris", () => {
    expect(toParisCalendarDate("2022-04-06T22:30:00Z")).toBe("2022-04-07");
    expect(toParisCalendarDate("2022-04-07T01:00:00+05:00")).toBe("2022-04-06");
    expect(toParisCalendarDate("2022-04-07T12:00:00.123Z")).toBe("2022-04-07");
    expect(toParisCalendarDate("2022-04-07T12:00Z")).toBe("2022-04-07");
  });

  it.each([
    "2022-02-29",
    "2022-13-01",
    "2022-00-10",
    "2022-04-31",
    "2022-04-00",
    "07/04/2022",
    "2022-04-07T14:00:00",
    "2022-02-31T10:00:00Z",
    "2022-04-07T25:00:00Z",
    "",
    " 2022-04-07",
  ])("[calendar]: « %s » is refused with INVALID_DATE", (value) => {
    expect(() => toParisCalendarDate(value)).toThrow(DomainError);
    expect(() => toParisCalendarDate(value)).toThrow(`La date « ${value} » n'est pas valide.`);
  });

  it("[calendar]: an invalid Date object is refused", () => {
    expect(() => toParisCalendarDate(new Date("nope"))).toThrow("La date fournie n'est pas valide.");
  });
});

describe("toParisDateTime", () => {
  it("[calendar]: gives the Paris wall-clock hour across the spring change of time", () => {
    expect(toParisDateTime(new Date("2022-03-27T00:30:00Z"))).toMatchObject({ hour: 1, minute: 30 });
    expect(toParisDateTime(new Date("2022-03-27T01:30:00Z"))).toMatchObject({ hour: 3, minute: 30 });
  });

  it("[calendar]: midnight in Paris is hour 0, not 24", () => {
    expect(toParisDateTime(new Date("2022-04-06T22:00:00Z"))).toMatchObject({ day: 7, hour: 0, minute: 0 });
  });

  it("[calendar]: a plain date is midnight of that day, with its weekday", () => {
    expect(toParisDateTime("2022-04-11")).toEqual({ year: 2022, month: 4, day: 11, hour: 0, minute: 0, weekday: 1 });
  });
});

describe("calendar helpers", () => {
  it("[calendar]: leap years follow the Gregorian rule", () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2022, 2, 28)).toBe(true);
  });

  it("[calendar]: months have 30 or 31 days as they should", () => {
    expect(isCalendarDate(2022, 4, 30)).toBe(true);
    expect(isCalendarDate(2022, 4, 31)).toBe(false);
    expect(isCalendarDate(2022, 12, 31)).toBe(true);
    expect(isCalendarDate(2022, 12, 32)).toBe(false);
  });

  it("[calendar]: non-integer parts are not a date", () => {
    expect(isCalendarDate(2022, 4.5, 1)).toBe(false);
    expect(isCalendarDate(Number.NaN, 4, 1)).toBe(false);
    expect(isCalendarDate(2022, 4, 1.5)).toBe(false);
  });

  it("[calendar]: weekdays are right, including for years before 100", () => {
    expect(weekdayOf(2022, 4, 7)).toBe(4);
    expect(weekdayOf(2000, 1, 1)).toBe(6);
    expect(isoDate(50, 1, 2)).toBe("0050-01-02");
    expect(weekdayOf(50, 1, 1)).toBe(new Date("0050-01-01T00:00:00Z").getUTCDay());
  });
});

describe("local days and instants in the municipality's zone", () => {
  it("[calendar]: Paris is the default zone; a zone is an IANA name the runtime knows", () => {
    expect(DEFAULT_TIME_ZONE).toBe("Europe/Paris");
    expect(isTimeZone("America/Martinique")).toBe(true);
    expect(isTimeZone("Indian/Reunion")).toBe(true);
    expect(isTimeZone("Europe/Paname")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone("Europe/Paris; DROP")).toBe(false);
  });

  it("[calendar]: a Paris hour becomes the instant with the offset of that day, either side of both changes of time", () => {
    // Spring forward on 27 March 2022 at 2:00, fall back on 30 October 2022 at 3:00.
    expect(instantAt("2022-03-26", "14:00", "Europe/Paris").toISOString()).toBe("2022-03-26T13:00:00.000Z");
    expect(instantAt("2022-03-27", "14:00", "Europe/Paris").toISOString()).toBe("2022-03-27T12:00:00.000Z");
    expect(instantAt("2022-10-29", "18:30", "Europe/Paris").toISOString()).toBe("2022-10-29T16:30:00.000Z");
    expect(instantAt("2022-10-30", "18:30", "Europe/Paris").toISOString()).toBe("2022-10-30T17:30:00.000Z");
    // An hour the clock skips is read with the offset before the change.
    expect(instantAt("2022-03-27", "02:30", "Europe/Paris").toISOString()).toBe("2022-03-27T01:30:00.000Z");
  });

  it("[calendar]: an evening sitting in Martinique (UTC−4, no summer time) is on its own day, the next one in Paris", () => {
    const opening = instantAt("2022-04-07", "21:00", "America/Martinique");
    expect(opening.toISOString()).toBe("2022-04-08T01:00:00.000Z");
    expect(localDay(opening, "America/Martinique")).toBe("2022-04-07");
    expect(localDay(opening, "Europe/Paris")).toBe("2022-04-08");
    expect(localDateAndTime(opening, "America/Martinique")).toEqual({ date: "2022-04-07", time: "21:00" });
  });

  it("[calendar]: a morning sitting in La Réunion (UTC+4) is the previous day in UTC and round-trips", () => {
    const opening = instantAt("2023-01-05", "02:15", "Indian/Reunion");
    expect(opening.toISOString()).toBe("2023-01-04T22:15:00.000Z");
    expect(localDateAndTime(opening, "Indian/Reunion")).toEqual({ date: "2023-01-05", time: "02:15" });
    expect(localDateAndTime(opening, "Europe/Paris")).toEqual({ date: "2023-01-04", time: "23:15" });
  });

  it("[calendar]: a local day's bounds run from its midnight to the next, 23 or 25 hours on a change of time", () => {
    const spring = localDayBounds("2022-03-27", "Europe/Paris");
    expect([spring.gte.toISOString(), spring.lt.toISOString()]).toEqual(["2022-03-26T23:00:00.000Z", "2022-03-27T22:00:00.000Z"]);
    const autumn = localDayBounds("2022-10-30", "Europe/Paris");
    expect((autumn.lt.getTime() - autumn.gte.getTime()) / 3_600_000).toBe(25);
    const reunion = localDayBounds("2022-12-31", "Indian/Reunion");
    expect([reunion.gte.toISOString(), reunion.lt.toISOString()]).toEqual(["2022-12-30T20:00:00.000Z", "2022-12-31T20:00:00.000Z"]);
  });

  it("[calendar]: a DATE column holds a day at midnight UTC, whatever the zone", () => {
    expect(dateColumn("2022-04-07").toISOString()).toBe("2022-04-07T00:00:00.000Z");
    expect(isoDay(dateColumn("2022-04-07"))).toBe("2022-04-07");
    expect(isoDay(null)).toBe("");
  });
});
