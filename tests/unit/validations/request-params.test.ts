import { describe, expect, it } from "vitest";
import { calendarDayParam, firstValue, identifierParam, isCalendarDay, MAX_IDENTIFIER_LENGTH, pageIdentifierParam, pageParam, textParam } from "@/lib/validations/request-params";

describe("request parameters", () => {
  it("[params]: a calendar day exists in the calendar and lies between 1790 and 2999", () => {
    expect(isCalendarDay("2022-04-07")).toBe(true);
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2022-02-29")).toBe(false);
    expect(isCalendarDay("2022-02-31")).toBe(false);
    expect(isCalendarDay("2022-04-31")).toBe(false);
    expect(isCalendarDay("2022-13-45")).toBe(false);
    expect(isCalendarDay("2022-00-10")).toBe(false);
    expect(isCalendarDay("2022-01-00")).toBe(false);
    expect(isCalendarDay("0000-01-01")).toBe(false);
    expect(isCalendarDay("3000-01-01")).toBe(false);
    expect(isCalendarDay("2022-4-7")).toBe(false);
    expect(isCalendarDay("2022-04-07T00:00")).toBe(false);
  });

  it("[params]: a repeated parameter reads as its first value; a malformed day as none", () => {
    expect(firstValue(["a", "b"])).toBe("a");
    expect(firstValue(undefined)).toBeUndefined();
    expect(calendarDayParam(["2022-02-31", "2022-02-01"])).toBeUndefined();
    expect(calendarDayParam(" 2022-02-01 ")).toBe("2022-02-01");
  });

  it("[params]: a page number is a small whole number, else page 1; it is capped", () => {
    expect(pageParam("3", 10)).toBe(3);
    expect(pageParam("1e300", 10)).toBe(1);
    expect(pageParam("-5", 10)).toBe(1);
    expect(pageParam("abc", 10)).toBe(1);
    expect(pageParam("0", 10)).toBe(1);
    expect(pageParam("99", 10)).toBe(10);
    expect(pageParam(["2", "3"], 10)).toBe(2);
  });

  it("[params]: free text loses its control characters and is cut", () => {
    expect(textParam("a\u0000b\tc", 10)).toBe("a b c");
    expect(textParam(["  x  ", "y"], 10)).toBe("x");
    expect(textParam("abcdef", 3)).toBe("abc");
    expect(textParam(undefined, 3)).toBe("");
  });

  it("[params]: a path identifier of any reasonable shape passes, never decoded again", () => {
    for (const id of ["DL.2022-91", "2011-02-007", "AP D 21-07-1", "DEL_2019_045", "délibération-é"]) expect(identifierParam(id)).toBe(id);
  });

  it("[params]: what cannot be an identifier is refused", () => {
    expect(identifierParam("")).toBeNull();
    expect(identifierParam("x".repeat(MAX_IDENTIFIER_LENGTH + 1))).toBeNull();
    expect(identifierParam("a\u0000b")).toBeNull();
    expect(identifierParam("a\u0085b")).toBeNull();
    expect(identifierParam("\ufffd")).toBeNull();
    expect(identifierParam("\ud800")).toBeNull();
    expect(identifierParam("DL%2E2022-91")).toBeNull();
    expect(identifierParam("%")).toBe("%");
  });

  it("[params]: a page's segment, as the address wrote it, is decoded once and checked the same way", () => {
    expect(pageIdentifierParam("AP%20D%2021-07-1")).toBe("AP D 21-07-1");
    expect(pageIdentifierParam("d%C3%A9lib%C3%A9ration-%C3%A9")).toBe("délibération-é");
    expect(pageIdentifierParam("DL.2022-91")).toBe("DL.2022-91");
    expect(pageIdentifierParam("50%25")).toBe("50%");
    // Doubly encoded: a second address of DL.2022-91, refused.
    expect(pageIdentifierParam("DL%252E2022-91")).toBeNull();
    expect(pageIdentifierParam("%E9")).toBeNull();
    expect(pageIdentifierParam("a%00b")).toBeNull();
  });
});
