import { describe, expect, it } from "vitest";
import { DomainError, formatDeliberationNumber, nextDeliberationNumber, parseDeliberationNumber } from "@/lib/domain";

describe("parseDeliberationNumber", () => {
  it("[numbering]: DL.2022-91 is year 2022, sequence 91", () => {
    expect(parseDeliberationNumber("DL.2022-91")).toEqual({ year: 2022, sequence: 91 });
    expect(parseDeliberationNumber(" DL.2022-1 ")).toEqual({ year: 2022, sequence: 1 });
  });

  it.each(["", "DL2022-91", "DL.22-91", "dl.2022-91", "DL.2022-091", "DL.2022-0", "DL.2022-", "DL.2022-91a", "DL.2022-1234567", "DE.2022-91"])(
    "[numbering]: « %s » is malformed",
    (value) => {
      expect(parseDeliberationNumber(value)).toBeNull();
    },
  );
});

describe("formatDeliberationNumber", () => {
  it("[numbering]: formats as DL.<year>-<sequence>, and parses back", () => {
    expect(formatDeliberationNumber(2022, 91)).toBe("DL.2022-91");
    expect(parseDeliberationNumber(formatDeliberationNumber(2023, 999_999))).toEqual({ year: 2023, sequence: 999_999 });
  });

  it.each([
    [999, 1],
    [10_000, 1],
    [2022.5, 1],
    [2022, 0],
    [2022, -3],
    [2022, 1.5],
    [2022, 1_000_000],
  ])("[numbering]: year %d, sequence %d is refused", (year, sequence) => {
    expect(() => formatDeliberationNumber(year, sequence)).toThrow(DomainError);
  });

  it("[numbering]: the refusal names the faulty part in French", () => {
    expect(() => formatDeliberationNumber(22, 1)).toThrow("L'année 22 doit compter quatre chiffres.");
    expect(() => formatDeliberationNumber(2022, 0)).toThrow("Le numéro d'ordre 0 doit être un entier de 1 à 999999.");
  });
});

describe("nextDeliberationNumber", () => {
  it("[numbering]: the first number of a year is DL.<year>-1", () => {
    expect(nextDeliberationNumber(2022, [])).toBe("DL.2022-1");
  });

  it("[numbering]: follows the highest sequence of the year, not the count or the last listed", () => {
    expect(nextDeliberationNumber(2022, ["DL.2022-91", "DL.2022-3", "DL.2022-90"])).toBe("DL.2022-92");
  });

  it("[numbering]: numbers are compared as numbers, not strings (9 < 10)", () => {
    expect(nextDeliberationNumber(2022, ["DL.2022-9", "DL.2022-10"])).toBe("DL.2022-11");
  });

  it("[numbering]: other years and malformed numbers are ignored", () => {
    expect(nextDeliberationNumber(2022, ["DL.2021-400", "DL.2023-5", "garbage", "DL.2022-091"])).toBe("DL.2022-1");
    expect(nextDeliberationNumber(2023, ["DL.2021-400", "DL.2023-5", "DL.2022-91"])).toBe("DL.2023-6");
  });
});
