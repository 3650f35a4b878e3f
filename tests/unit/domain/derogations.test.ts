import { describe, expect, it } from "vitest";
import { checkDerogationWindows, DomainError, findDerogation, localDay } from "@/lib/domain";
import { NATIONAL_WINDOWS } from "./national-windows";
import type { DerogationWindow } from "@/lib/domain";

describe("NATIONAL_WINDOWS", () => {
  it("[derogations]: every window is a well-formed, ordered, non-overlapping range of real days", () => {
    let previousEnd = "";
    for (const window of NATIONAL_WINDOWS) {
      expect(window.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(window.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${window.to}T00:00:00Z`).toISOString().slice(0, 10)).toBe(window.to);
      expect(window.from <= window.to).toBe(true);
      expect(window.from > previousEnd).toBe(true);
      previousEnd = window.to;
    }
  });

  it("[derogations]: every default window sets a one-third quorum and two proxies, with its legal basis", () => {
    expect(NATIONAL_WINDOWS.length).toBeGreaterThanOrEqual(3);
    for (const window of NATIONAL_WINDOWS) {
      expect(window.quorumFraction).toEqual({ numerator: 1, denominator: 3 });
      expect(window.maxProxiesPerHolder).toBe(2);
      expect(window.legalBasis).toMatch(/^Loi n° 20\d\d-\d+/);
    }
  });

  it("[derogations]: the last window is loi 2021-1465 art. 10, from 11 November 2021 to 31 July 2022", () => {
    expect(NATIONAL_WINDOWS.at(-1)).toMatchObject({
      from: "2021-11-11",
      to: "2022-07-31",
      legalBasis: "Loi n° 2021-1465 du 10 novembre 2021, art. 10",
    });
  });
});

describe("findDerogation", () => {
  it("[derogations]: the reference sitting, 7 April 2022, falls under loi 2021-1465", () => {
    expect(findDerogation("2022-04-07", NATIONAL_WINDOWS)?.legalBasis).toContain("2021-1465");
  });

  it("[derogations]: 15 September 2022 is back to the ordinary rules", () => {
    expect(findDerogation("2022-09-15", NATIONAL_WINDOWS)).toBeNull();
  });

  it("[derogations]: window bounds are inclusive on both ends", () => {
    expect(findDerogation("2022-07-31", NATIONAL_WINDOWS)).not.toBeNull();
    expect(findDerogation("2022-08-01", NATIONAL_WINDOWS)).toBeNull();
    expect(findDerogation("2021-11-11", NATIONAL_WINDOWS)).not.toBeNull();
    expect(findDerogation("2021-11-10", NATIONAL_WINDOWS)).toBeNull();
  });

  it.each([
    ["2020-04-15", "2020-290"],
    ["2020-08-30", "2020-760"],
    ["2020-12-10", "2020-1379"],
    ["2021-09-30", "2021-689"],
  ])("[derogations]: %s falls under the window of loi %s", (day, law) => {
    expect(findDerogation(day, NATIONAL_WINDOWS)?.legalBasis).toContain(law);
  });

  it.each(["2020-03-23", "2020-08-31", "2020-10-20", "2020-11-14", "2021-10-01", "2023-01-01"])(
    "[derogations]: %s, outside every window, has no derogation",
    (day) => {
      expect(findDerogation(day, NATIONAL_WINDOWS)).toBeNull();
    },
  );

  it("[derogations]: an instant counts by its calendar day in the municipality's zone, not its UTC day", () => {
    // 31 July 2022, 22:30 UTC is already 1 August in Paris (UTC+2), still 31 July in Martinique (UTC-4).
    expect(findDerogation(localDay(new Date("2022-07-31T22:30:00Z"), "Europe/Paris"), NATIONAL_WINDOWS)).toBeNull();
    expect(findDerogation(localDay(new Date("2022-07-31T22:30:00Z"), "America/Martinique"), NATIONAL_WINDOWS)?.to).toBe("2022-07-31");
    // 10 November 2021, 23:30 UTC is 11 November in Paris (UTC+1).
    expect(findDerogation(localDay(new Date("2021-11-10T23:30:00Z"), "Europe/Paris"), NATIONAL_WINDOWS)?.to).toBe("2022-07-31");
  });

  it("[derogations]: only a day is accepted: an instant's text would compare wrongly with the windows' days", () => {
    expect(() => findDerogation("2022-07-31T22:30:00.000Z", NATIONAL_WINDOWS)).toThrow(DomainError);
  });

  it("[derogations]: windows are data: a configured list replaces the defaults", () => {
    const custom: DerogationWindow[] = [
      {
        from: "2030-01-01",
        to: "2030-01-31",
        quorumFraction: { numerator: 1, denominator: 4 },
        maxProxiesPerHolder: 3,
        legalBasis: "Loi imaginaire",
      },
    ];
    expect(findDerogation("2030-01-15", custom)?.maxProxiesPerHolder).toBe(3);
    expect(findDerogation("2022-04-07", custom)).toBeNull();
    expect(findDerogation("2022-04-07", [])).toBeNull();
  });

  it("[derogations]: an impossible date is refused, not silently compared", () => {
    expect(() => findDerogation("2022-02-30", NATIONAL_WINDOWS)).toThrow(DomainError);
  });
});

describe("checkDerogationWindows", () => {
  const window = (overrides: Partial<DerogationWindow> = {}): DerogationWindow => ({
    from: "2030-01-01",
    to: "2030-06-30",
    quorumFraction: { numerator: 1, denominator: 3 },
    maxProxiesPerHolder: 2,
    legalBasis: "Loi n° 2029-1 du 2 janvier 2029, art. 1",
    ...overrides,
  });

  it("[derogations]: the national windows and a later one of the municipality's are accepted", () => {
    expect(checkDerogationWindows([...NATIONAL_WINDOWS, window()])).toEqual([]);
  });

  it("[derogations]: an overlap is reported on the window, naming the other one's days", () => {
    expect(checkDerogationWindows([...NATIONAL_WINDOWS, window({ from: "2022-07-31", to: "2022-09-30" })])).toEqual([
      { index: 3, field: "from", message: "Cette période chevauche celle du 31 juillet 2022 au 30 septembre 2022 : une date ne relève que d'une période." },
      { index: 4, field: "from", message: "Cette période chevauche celle du 11 novembre 2021 au 31 juillet 2022 : une date ne relève que d'une période." },
    ]);
  });

  it("[derogations]: impossible days, reversed days, fractions, proxy counts and an empty basis are each reported by field", () => {
    expect(checkDerogationWindows([window({ from: "2030-02-30", to: "30/06/2030" })])).toEqual([
      { index: 0, field: "from", message: "Indiquez le premier jour de la période (jj/mm/aaaa)." },
      { index: 0, field: "to", message: "Indiquez le dernier jour de la période (jj/mm/aaaa)." },
    ]);
    expect(checkDerogationWindows([window({ from: "2030-06-30", to: "2030-01-01" })])).toEqual([
      { index: 0, field: "to", message: "Le dernier jour précède le premier jour de la période." },
    ]);
    for (const quorumFraction of [{ numerator: 0, denominator: 3 }, { numerator: 3, denominator: 3 }, { numerator: 1.5, denominator: 3 }, { numerator: 1, denominator: 2.5 }]) {
      expect(checkDerogationWindows([window({ quorumFraction })]).map((issue) => issue.field)).toEqual(["quorumFraction"]);
    }
    for (const maxProxiesPerHolder of [0, 10, 1.5]) {
      expect(checkDerogationWindows([window({ maxProxiesPerHolder })]).map((issue) => issue.field)).toEqual(["maxProxiesPerHolder"]);
    }
    expect(checkDerogationWindows([window({ legalBasis: "  " })])).toEqual([{ index: 0, field: "legalBasis", message: "Citez le texte qui fonde la dérogation." }]);
  });

  it("[derogations]: a window whose days are unreadable is not compared with the others", () => {
    expect(checkDerogationWindows([window({ to: "" }), window()]).map((issue) => [issue.index, issue.field])).toEqual([[0, "to"]]);
  });
});
