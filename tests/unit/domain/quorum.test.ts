import { describe, expect, it } from "vitest";
import { checkProxies, checkQuorum, DomainError, localDay, maxProxiesPerHolder } from "@/lib/domain";
import { NATIONAL_WINDOWS } from "./national-windows";
import type { AttendanceEntry, DerogationWindow } from "@/lib/domain";
import {
  REFERENCE_MEMBERS_IN_OFFICE,
  REFERENCE_SITTING_DATE,
  referenceAttendance,
  referenceId,
} from "./reference-attendance";

const ORDINARY_DAY = "2022-09-15";

function entry(
  councillorId: string,
  status: AttendanceEntry["status"],
  proxyHolderId: string | null = null,
): AttendanceEntry {
  return { councillorId, name: `Monsieur ${councillorId.toUpperCase()}`, status, proxyHolderId };
}

describe("checkQuorum", () => {
  it("[quorum]: the reference sitting reaches the derogation quorum of 19 (⌈55/3⌉)", () => {
    const result = checkQuorum({ membersInOffice: REFERENCE_MEMBERS_IN_OFFICE, present: 40, date: REFERENCE_SITTING_DATE, windows: NATIONAL_WINDOWS });
    expect(result).toEqual({
      required: 19,
      reached: true,
      rule: "DEROGATION",
      message:
        "Quorum atteint : 40 présents pour 19 requis (au moins un tiers des 55 membres en exercice ; régime dérogatoire : Loi n° 2021-1465 du 10 novembre 2021, art. 10).",
    });
  });

  it("[quorum]: in ordinary times 55 members in office need 28 present", () => {
    expect(checkQuorum({ membersInOffice: 55, present: 40, date: ORDINARY_DAY, windows: NATIONAL_WINDOWS })).toEqual({
      required: 28,
      reached: true,
      rule: "ORDINARY",
      message: "Quorum atteint : 40 présents pour 28 requis (plus de la moitié des 55 membres en exercice).",
    });
  });

  it("[quorum]: more than half means floor(n/2) + 1, for even and odd councils", () => {
    expect(checkQuorum({ membersInOffice: 54, present: 28, date: ORDINARY_DAY, windows: NATIONAL_WINDOWS }).required).toBe(28);
    expect(checkQuorum({ membersInOffice: 11, present: 6, date: ORDINARY_DAY, windows: NATIONAL_WINDOWS }).required).toBe(6);
    expect(checkQuorum({ membersInOffice: 1, present: 1, date: ORDINARY_DAY, windows: NATIONAL_WINDOWS }).required).toBe(1);
  });

  it("[quorum]: exactly half present is not enough in ordinary times", () => {
    const result = checkQuorum({ membersInOffice: 54, present: 27, date: ORDINARY_DAY, windows: NATIONAL_WINDOWS });
    expect(result.reached).toBe(false);
    expect(result.message).toBe(
      "Quorum non atteint : 27 présents pour 28 requis (plus de la moitié des 54 membres en exercice). Le conseil doit être reconvoqué à trois jours au moins d'intervalle ; il délibérera alors sans condition de quorum.",
    );
  });

  it("[quorum]: under the derogation exactly one third present is enough", () => {
    expect(checkQuorum({ membersInOffice: 54, present: 18, date: REFERENCE_SITTING_DATE, windows: NATIONAL_WINDOWS })).toMatchObject({
      required: 18,
      reached: true,
    });
    expect(checkQuorum({ membersInOffice: 55, present: 18, date: REFERENCE_SITTING_DATE, windows: NATIONAL_WINDOWS })).toMatchObject({
      required: 19,
      reached: false,
      rule: "DEROGATION",
    });
  });

  it("[quorum]: a reconvened sitting deliberates without quorum, even with one member present", () => {
    expect(checkQuorum({ membersInOffice: 55, present: 1, date: ORDINARY_DAY, reconvened: true, windows: NATIONAL_WINDOWS })).toEqual({
      required: 0,
      reached: true,
      rule: "RECONVENED",
      message:
        "Séance reconvoquée après défaut de quorum : le conseil délibère sans condition de quorum (1 présent).",
    });
  });

  it("[quorum]: a reconvened sitting takes precedence over a derogation window", () => {
    expect(checkQuorum({ membersInOffice: 55, present: 0, date: REFERENCE_SITTING_DATE, reconvened: true, windows: NATIONAL_WINDOWS }).rule).toBe(
      "RECONVENED",
    );
  });

  it("[quorum]: the sitting's date is read in Paris: 31 July 2022 22:30 UTC is 1 August, ordinary", () => {
    const result = checkQuorum({ membersInOffice: 55, present: 20, date: localDay(new Date("2022-07-31T22:30:00Z"), "Europe/Paris"), windows: NATIONAL_WINDOWS });
    expect(result).toMatchObject({ rule: "ORDINARY", required: 28, reached: false });
  });

  it("[quorum]: configured windows are used instead of the defaults, with their fraction", () => {
    const half: DerogationWindow = {
      from: "2030-01-01",
      to: "2030-12-31",
      quorumFraction: { numerator: 1, denominator: 2 },
      maxProxiesPerHolder: 1,
      legalBasis: "Texte A",
    };
    const twoFifths: DerogationWindow = { ...half, from: "2031-01-01", to: "2031-12-31", quorumFraction: { numerator: 2, denominator: 5 }, legalBasis: "Texte B" };
    const windows = [half, twoFifths];
    expect(checkQuorum({ membersInOffice: 55, present: 28, date: "2030-06-01", windows })).toMatchObject({
      required: 28,
      message: "Quorum atteint : 28 présents pour 28 requis (au moins la moitié des 55 membres en exercice ; régime dérogatoire : Texte A).",
    });
    expect(checkQuorum({ membersInOffice: 55, present: 22, date: "2031-06-01", windows })).toMatchObject({
      required: 22,
      reached: true,
      message: "Quorum atteint : 22 présents pour 22 requis (au moins 2/5 des 55 membres en exercice ; régime dérogatoire : Texte B).",
    });
    expect(checkQuorum({ membersInOffice: 55, present: 40, date: REFERENCE_SITTING_DATE, windows: [] }).rule).toBe(
      "ORDINARY",
    );
  });

  it("[quorum]: nobody present is reported with the singular « 0 présent »", () => {
    expect(checkQuorum({ membersInOffice: 5, present: 0, date: ORDINARY_DAY, windows: NATIONAL_WINDOWS }).message).toMatch(
      /^Quorum non atteint : 0 présent pour 3 requis/,
    );
  });

  it.each([
    [{ membersInOffice: 0, present: 0 }, "Le nombre de membres en exercice (0) doit être un nombre entier supérieur ou égal à 1."],
    [{ membersInOffice: 55.5, present: 0 }, "Le nombre de membres en exercice (55.5) doit être un nombre entier supérieur ou égal à 1."],
    [{ membersInOffice: 55, present: -1 }, "Le nombre de présents (-1) doit être un nombre entier supérieur ou égal à 0."],
    [{ membersInOffice: 55, present: 56 }, "Le nombre de présents (56) dépasse le nombre de membres en exercice (55)."],
  ])("[quorum]: impossible counts %o are refused", (counts, message) => {
    expect(() => checkQuorum({ ...counts, date: ORDINARY_DAY, windows: NATIONAL_WINDOWS })).toThrow(new DomainError("INVALID_COUNT", message));
  });

  it("[quorum]: an impossible date is refused", () => {
    expect(() => checkQuorum({ membersInOffice: 55, present: 40, date: "2022-04-31", windows: NATIONAL_WINDOWS })).toThrow(DomainError);
  });
});

describe("maxProxiesPerHolder", () => {
  it("[proxies]: one proxy per holder in ordinary times, two under the COVID derogation", () => {
    expect(maxProxiesPerHolder(ORDINARY_DAY, NATIONAL_WINDOWS)).toBe(1);
    expect(maxProxiesPerHolder(REFERENCE_SITTING_DATE, NATIONAL_WINDOWS)).toBe(2);
    expect(maxProxiesPerHolder(localDay(new Date("2022-04-07T12:00:00Z"), "Europe/Paris"), NATIONAL_WINDOWS)).toBe(2);
  });

  it("[proxies]: the limit follows configured windows", () => {
    const windows: DerogationWindow[] = [
      { from: "2022-09-01", to: "2022-09-30", quorumFraction: { numerator: 1, denominator: 3 }, maxProxiesPerHolder: 3, legalBasis: "X" },
    ];
    expect(maxProxiesPerHolder(ORDINARY_DAY, windows)).toBe(3);
    expect(maxProxiesPerHolder(REFERENCE_SITTING_DATE, windows)).toBe(1);
  });
});

describe("checkProxies", () => {
  it("[proxies]: the reference attendance is valid on 7 April 2022", () => {
    expect(checkProxies({ attendance: referenceAttendance(), date: REFERENCE_SITTING_DATE, windows: NATIONAL_WINDOWS })).toEqual([]);
  });

  it("[proxies]: the same attendance on 15 September 2022 breaks exactly the two double proxies", () => {
    expect(checkProxies({ attendance: referenceAttendance(), date: ORDINARY_DAY, windows: NATIONAL_WINDOWS })).toEqual([
      {
        code: "PROXY_LIMIT_EXCEEDED",
        message: "Monsieur Pierre-Paul CALENDINI porte déjà 2 pouvoirs (maximum 1 à cette date).",
        councillorId: referenceId("Monsieur Pierre-Paul CALENDINI"),
      },
      {
        code: "PROXY_LIMIT_EXCEEDED",
        message: "Madame Dominique AUGÉY porte déjà 2 pouvoirs (maximum 1 à cette date).",
        councillorId: referenceId("Madame Dominique AUGÉY"),
      },
    ]);
  });

  it("[proxies]: a third proxy is too many even under the derogation", () => {
    const attendance = [
      ...referenceAttendance().filter((member) => member.councillorId !== referenceId("Madame Josy PIGNATEL")),
      { ...entry("josy-pignatel", "REPRESENTED", referenceId("Madame Dominique AUGÉY")), name: "Madame Josy PIGNATEL" },
    ];
    expect(checkProxies({ attendance, date: REFERENCE_SITTING_DATE, windows: NATIONAL_WINDOWS })).toEqual([
      {
        code: "PROXY_LIMIT_EXCEEDED",
        message: "Madame Dominique AUGÉY porte déjà 3 pouvoirs (maximum 2 à cette date).",
        councillorId: referenceId("Madame Dominique AUGÉY"),
      },
    ]);
  });

  it("[proxies]: a represented member must name a holder", () => {
    expect(checkProxies({ attendance: [entry("a", "PRESENT"), entry("b", "REPRESENTED")], date: ORDINARY_DAY, windows: NATIONAL_WINDOWS })).toEqual([
      {
        code: "PROXY_HOLDER_MISSING",
        message: "Monsieur B a donné pouvoir, mais aucun mandataire n'est indiqué.",
        councillorId: "b",
      },
    ]);
  });

  it.each(["PRESENT", "EXCUSED", "ABSENT"] as const)(
    "[proxies]: a holder may be named only for a represented member, not for one %s",
    (status) => {
      const attendance = [entry("a", "PRESENT"), entry("b", status, "a")];
      expect(checkProxies({ attendance, date: ORDINARY_DAY, windows: NATIONAL_WINDOWS })).toEqual([
        {
          code: "PROXY_WITHOUT_REPRESENTATION",
          message: "Un mandataire est indiqué pour Monsieur B, dont le statut n'est pas « représenté ».",
          councillorId: "b",
        },
      ]);
    },
  );

  it("[proxies]: a member cannot hold their own proxy", () => {
    expect(checkProxies({ attendance: [entry("a", "REPRESENTED", "a")], date: ORDINARY_DAY, windows: NATIONAL_WINDOWS })).toEqual([
      { code: "PROXY_TO_SELF", message: "Monsieur A ne peut pas être son propre mandataire.", councillorId: "a" },
    ]);
  });

  it("[proxies]: the holder must be on the attendance list", () => {
    expect(checkProxies({ attendance: [entry("a", "REPRESENTED", "ghost")], date: ORDINARY_DAY, windows: NATIONAL_WINDOWS })).toEqual([
      {
        code: "PROXY_HOLDER_UNKNOWN",
        message: "Le mandataire de Monsieur A (identifiant « ghost ») ne figure pas sur la liste de présence.",
        councillorId: "a",
      },
    ]);
  });

  it.each(["REPRESENTED", "EXCUSED", "ABSENT"] as const)("[proxies]: a holder who is %s cannot carry a proxy", (status) => {
    const attendance = [entry("a", "REPRESENTED", "b"), entry("b", status, status === "REPRESENTED" ? "c" : null), entry("c", "PRESENT")];
    const issues = checkProxies({ attendance, date: ORDINARY_DAY, windows: NATIONAL_WINDOWS });
    expect(issues).toEqual([
      {
        code: "PROXY_HOLDER_NOT_PRESENT",
        message: "Monsieur B, mandataire de Monsieur A, ne figure pas parmi les présents et ne peut donc pas porter de pouvoir.",
        councillorId: "a",
      },
    ]);
  });

  it("[proxies]: a councillor listed twice is reported, and the first entry is the one checked", () => {
    const attendance = [entry("a", "PRESENT"), entry("b", "REPRESENTED", "a"), entry("a", "EXCUSED")];
    expect(checkProxies({ attendance, date: ORDINARY_DAY, windows: NATIONAL_WINDOWS })).toEqual([
      {
        code: "DUPLICATE_ATTENDANCE",
        message: "Monsieur A figure plusieurs fois sur la liste de présence.",
        councillorId: "a",
      },
    ]);
  });

  it("[proxies]: one proxy per holder is fine in ordinary times; the limit counts per holder", () => {
    const attendance = [
      entry("a", "PRESENT"),
      entry("b", "PRESENT"),
      entry("c", "REPRESENTED", "a"),
      entry("d", "REPRESENTED", "b"),
    ];
    expect(checkProxies({ attendance, date: ORDINARY_DAY, windows: NATIONAL_WINDOWS })).toEqual([]);
  });

  it("[proxies]: an empty attendance has no issue", () => {
    expect(checkProxies({ attendance: [], date: ORDINARY_DAY, windows: NATIONAL_WINDOWS })).toEqual([]);
  });
});
