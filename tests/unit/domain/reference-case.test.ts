import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkActesId,
  checkChoices,
  checkProxies,
  checkQuorum,
  checkTally,
  decideOutcome,
  deriveTally,
  describeOutcome,
  formatDateFr,
  formatProxy,
  formatWeekdayDateFr,
  matterLabel,
  parseActesId,
  parseDeliberationNumber,
  scdlMatterName,
} from "@/lib/domain";
import { NATIONAL_WINDOWS } from "./national-windows";
import {
  REFERENCE_EXCUSED,
  REFERENCE_MEMBERS_IN_OFFICE,
  REFERENCE_PRESENT,
  REFERENCE_PROXIES,
  REFERENCE_SITTING_DATE,
  referenceAttendance,
} from "./reference-attendance";

describe("reference case fixture", () => {
  it("[reference]: 40 present, 7 proxies and 8 excused make the 55 members in office, each once", () => {
    const attendance = referenceAttendance();
    expect([REFERENCE_PRESENT.length, REFERENCE_PROXIES.length, REFERENCE_EXCUSED.length]).toEqual([40, 7, 8]);
    expect(attendance).toHaveLength(REFERENCE_MEMBERS_IN_OFFICE);
    expect(new Set(attendance.map((entry) => entry.councillorId)).size).toBe(55);
    expect(new Set(attendance.map((entry) => entry.name)).size).toBe(55);
  });

  it("[reference]: every proxy holder of the extract is among the present", () => {
    const present = new Set<string>(REFERENCE_PRESENT);
    for (const [, holder] of REFERENCE_PROXIES) expect(present.has(holder)).toBe(true);
  });

  it("[reference]: the proxies print as on the extract", () => {
    const [giver, holder] = REFERENCE_PROXIES[0];
    expect(formatProxy(giver, holder)).toBe("Madame Laurence ANGELETTI à Monsieur Pierre-Paul CALENDINI");
  });
});

describe("reference case, DL.2022-91 of 7 April 2022", () => {
  const attendance = referenceAttendance();
  const tally = deriveTally({ attendance, choices: [] });

  it("[reference]: attendance, proxies and choices raise no issue on the sitting's date", () => {
    expect(checkProxies({ attendance, date: REFERENCE_SITTING_DATE, windows: NATIONAL_WINDOWS })).toEqual([]);
    expect(checkChoices({ attendance, choices: [] })).toEqual([]);
  });

  it("[reference]: the tally is 47/40/0/0/47/47/0 and adds up", () => {
    expect([
      tally.presentAndRepresented,
      tally.present,
      tally.abstentions,
      tally.nonParticipation,
      tally.expressed,
      tally.votesFor,
      tally.votesAgainst,
    ]).toEqual([47, 40, 0, 0, 47, 47, 0]);
    expect(checkTally(tally, { membersInOffice: REFERENCE_MEMBERS_IN_OFFICE })).toEqual([]);
  });

  it("[reference]: the quorum is reached: 19 required under the derogation, 28 in ordinary times", () => {
    const onTheDay = checkQuorum({ membersInOffice: 55, present: tally.present, date: REFERENCE_SITTING_DATE, windows: NATIONAL_WINDOWS });
    expect(onTheDay).toMatchObject({ rule: "DEROGATION", required: 19, reached: true });
    expect(checkQuorum({ membersInOffice: 55, present: tally.present, date: "2022-09-15", windows: NATIONAL_WINDOWS })).toMatchObject({
      rule: "ORDINARY",
      required: 28,
      reached: true,
    });
  });

  it("[reference]: the result reads « Adopté à l'unanimité »", () => {
    const { outcome } = decideOutcome({ tally, secret: false });
    expect(describeOutcome({ outcome, tally })).toBe("Adopté à l'unanimité");
  });

  it("[reference]: dated 15 September 2022, the same attendance breaks exactly the two double proxies", () => {
    const issues = checkProxies({ attendance, date: "2022-09-15", windows: NATIONAL_WINDOWS });
    expect(issues.map((issue) => issue.message)).toEqual([
      "Monsieur Pierre-Paul CALENDINI porte déjà 2 pouvoirs (maximum 1 à cette date).",
      "Madame Dominique AUGÉY porte déjà 2 pouvoirs (maximum 1 à cette date).",
    ]);
  });

  it("[reference]: the ACTES identifier matches Aix-en-Provence (013, 211300017) and the sitting's date", () => {
    const parsed = parseActesId("013-211300017-20220407-lmc1210471-DE-1-1");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(
      checkActesId(parsed.value, { departmentCode: "013", siren: "211300017", sittingDate: REFERENCE_SITTING_DATE, nature: "DE" }),
    ).toEqual([]);
  });

  it("[reference]: matter 7.10 is « Divers », « finances locales/divers » in SCDL", () => {
    expect(matterLabel("7.10")).toBe("Divers");
    expect(scdlMatterName("7.10")).toBe("finances locales/divers");
  });

  it("[reference]: number, sitting, convocation and reception dates print as on the extract", () => {
    expect(parseDeliberationNumber("DL.2022-91")).toEqual({ year: 2022, sequence: 91 });
    expect(formatDateFr(REFERENCE_SITTING_DATE)).toBe("7 avril 2022");
    expect(formatDateFr("2022-04-01")).toBe("1er avril 2022");
    expect(formatWeekdayDateFr("2022-04-11")).toBe("lundi 11 avril 2022");
  });
});

describe("lib/domain purity", () => {
  it("[domain]: lib/domain imports nothing outside itself (no I/O, no Prisma, no React)", () => {
    const directory = join(process.cwd(), "lib", "domain");
    const sources = readdirSync(directory).filter((file) => file.endsWith(".ts"));
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) {
      const source = readFileSync(join(directory, file), "utf8");
      const specifiers = [...source.matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']|\brequire\s*\(\s*["']([^"']+)["']/g)].map(
        (match) => match[1] ?? match[2] ?? match[3],
      );
      for (const specifier of specifiers) expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\/[a-z-]+$/);
    }
  });
});
