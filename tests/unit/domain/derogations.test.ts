import { describe, expect, it } from "vitest";
import { DEFAULT_DEROGATION_WINDOWS, DomainError, findDerogation } from "@/lib/domain";
import type { DerogationWindow } from "@/lib/domain";

describe("DEFAULT_DEROGATION_WINDOWS", () => {
  it("[derogations]: every window is a well-formed, ordered, non-overlapping range of real days", () => {
    let previousEnd = "";
    for (const window of DEFAULT_DEROGATION_WINDOWS) {
      expect(window.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(window.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${window.to}T00:00:00Z`).toISOString().slice(0, 10)).toBe(window.to);
      expect(window.from <= window.to).toBe(true);
      expect(window.from > previousEnd).toBe(true);
      previousEnd = window.to;
    }
  });

  it("[derogations]: every default window sets a one-third quorum and two proxies, with its legal basis", () => {
    expect(DEFAULT_DEROGATION_WINDOWS.length).toBeGreaterThanOrEqual(3);
    for (const window of DEFAULT_DEROGATION_WINDOWS) {
      expect(window.quorumFraction).toEqual({ numerator: 1, denominator: 3 });
      expect(window.maxProxiesPerHolder).toBe(2);
      expect(window.legalBasis).toMatch(/^Loi n° 20\d\d-\d+/);
    }
  });

  it("[derogations]: the last window is loi 2021-1465 art. 10, from 11 November 2021 to 31 July 2022", () => {
    expect(DEFAULT_DEROGATION_WINDOWS.at(-1)).toMatchObject({
      from: "2021-11-11",
      to: "2022-07-31",
      legalBasis: "Loi n° 2021-1465 du 10 novembre 2021, art. 10",
    });
  });
});

describe("findDerogation", () => {
  it("[derogations]: the reference sitting, 7 April 2022, falls under loi 2021-1465", () => {
    expect(findDerogation("2022-04-07")?.legalBasis).toContain("2021-1465");
  });

  it("[derogations]: 15 September 2022 is back to the ordinary rules", () => {
    expect(findDerogation("2022-09-15")).toBeNull();
  });

  it("[derogations]: window bounds are inclusive on both ends", () => {
    expect(findDerogation("2022-07-31")).not.toBeNull();
    expect(findDerogation("2022-08-01")).toBeNull();
    expect(findDerogation("2021-11-11")).not.toBeNull();
    expect(findDerogation("2021-11-10")).toBeNull();
  });

  it.each([
    ["2020-04-15", "2020-290"],
    ["2020-08-30", "2020-760"],
    ["2020-12-10", "2020-1379"],
    ["2021-09-30", "2021-689"],
  ])("[derogations]: %s falls under the window of loi %s", (day, law) => {
    expect(findDerogation(day)?.legalBasis).toContain(law);
  });

  it.each(["2020-03-23", "2020-08-31", "2020-10-20", "2020-11-14", "2021-10-01", "2023-01-01"])(
    "[derogations]: %s, outside every window, has no derogation",
    (day) => {
      expect(findDerogation(day)).toBeNull();
    },
  );

  it("[derogations]: a Date is read as its Paris calendar day, not its UTC day", () => {
    // 31 July 2022, 22:30 UTC is already 1 August in Paris (UTC+2).
    expect(findDerogation(new Date("2022-07-31T22:30:00Z"))).toBeNull();
    // 10 November 2021, 23:30 UTC is 11 November in Paris (UTC+1).
    expect(findDerogation(new Date("2021-11-10T23:30:00Z"))?.to).toBe("2022-07-31");
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
    expect(() => findDerogation("2022-02-30")).toThrow(DomainError);
  });
});
