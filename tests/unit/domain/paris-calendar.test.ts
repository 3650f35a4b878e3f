import { describe, expect, it } from "vitest";
import { DomainError, toParisCalendarDate } from "@/lib/domain";
import { isCalendarDate, isoDate, toParisDateTime, weekdayOf } from "@/lib/domain/paris-calendar";

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
