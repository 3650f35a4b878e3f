import { describe, expect, it } from "vitest";
import {
  ACTES_NATURE_LABELS,
  ACTES_NATURES,
  checkActesId,
  DomainError,
  isValidSiren,
  parseActesId,
  requireActesId,
} from "@/lib/domain";
import type { ActesId } from "@/lib/domain";

const REFERENCE_ID = "013-211300017-20220407-lmc1210471-DE-1-1";

function reasonFor(value: string): string {
  const parsed = parseActesId(value);
  if (parsed.ok) throw new Error(`« ${value} » was accepted`);
  return parsed.reason;
}

function parsedValue(value: string): ActesId {
  const parsed = parseActesId(value);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

describe("parseActesId", () => {
  it("[actes]: the reference identifier parses into its parts", () => {
    expect(parseActesId(REFERENCE_ID)).toEqual({
      ok: true,
      value: {
        department: "013",
        siren: "211300017",
        date: "2022-04-07",
        internalNumber: "lmc1210471",
        nature: "DE",
        suffix: "-1-1",
        actId: "013-211300017-20220407-lmc1210471-DE",
      },
    });
  });

  it("[actes]: the act identifier alone, without message suffix, is accepted", () => {
    expect(parsedValue("013-211300017-20220407-lmc1210471-DE")).toMatchObject({
      suffix: null,
      actId: "013-211300017-20220407-lmc1210471-DE",
    });
  });

  it("[actes]: the receipt suffix -1-2 and longer message numbers are accepted", () => {
    expect(parsedValue("013-211300017-20220407-lmc1210471-DE-1-2").suffix).toBe("-1-2");
    expect(parsedValue("013-211300017-20220407-lmc1210471-DE-12-345").suffix).toBe("-12-345");
  });

  it("[actes]: surrounding spaces are trimmed", () => {
    expect(parsedValue(`  ${REFERENCE_ID}\n`).actId).toBe("013-211300017-20220407-lmc1210471-DE");
  });

  it("[actes]: a space inside, as in the printed extract, is refused", () => {
    expect(reasonFor("013-211300017-20220407- lmc1210471-DE-1-1")).toBe(
      "L'identifiant ACTES « 013-211300017-20220407- lmc1210471-DE-1-1 » ne doit pas contenir d'espace.",
    );
  });

  it("[actes]: an empty or blank value is refused", () => {
    expect(reasonFor("")).toBe("L'identifiant ACTES est vide.");
    expect(reasonFor("   ")).toBe("L'identifiant ACTES est vide.");
  });

  it("[actes]: a 10,000-character value is refused at once, without echoing it", () => {
    const reason = reasonFor(`${REFERENCE_ID}${"9".repeat(10_000 - REFERENCE_ID.length)}`);
    expect(reason).toBe("L'identifiant ACTES est trop long (10000 caractères, 80 au plus).");
    expect(reasonFor("-".repeat(10_000))).toMatch(/trop long/);
  });

  it("[actes]: the number of dash-separated parts must be 5 or 7", () => {
    expect(reasonFor("013-211300017-20220407-lmc1210471")).toMatch(/il en compte 4\.$/);
    expect(reasonFor("013-211300017-20220407-lmc1210471-DE-1")).toMatch(/il en compte 6\.$/);
    expect(reasonFor("013-211300017-20220407-lmc1210471-DE-1-1-1")).toMatch(/il en compte 8\.$/);
    expect(reasonFor("013-211300017-20220407-lmc-1210471-DE")).toMatch(/il en compte 6\.$/);
  });

  it.each(["001", "013", "095", "02A", "02B", "971", "974", "976"])("[actes]: department %s exists", (department) => {
    expect(parsedValue(`${department}-211300017-20220407-lmc1210471-DE`).department).toBe(department);
  });

  it.each([
    ["099", "Le département « 099 » n'existe pas."],
    ["000", "Le département « 000 » n'existe pas."],
    ["096", "Le département « 096 » n'existe pas."],
    ["970", "Le département « 970 » n'existe pas."],
    ["977", "Le département « 977 » n'existe pas."],
    ["020", "Le département « 020 » n'existe pas : la Corse s'écrit 02A ou 02B."],
    ["13", "Le département « 13 » doit s'écrire sur trois caractères (001 à 095, 02A, 02B, 971 à 976)."],
    ["2A", "Le département « 2A » doit s'écrire sur trois caractères (001 à 095, 02A, 02B, 971 à 976)."],
    ["02a", "Le département « 02a » doit s'écrire sur trois caractères (001 à 095, 02A, 02B, 971 à 976)."],
    ["0013", "Le département « 0013 » doit s'écrire sur trois caractères (001 à 095, 02A, 02B, 971 à 976)."],
  ])("[actes]: department « %s » is refused", (department, reason) => {
    expect(reasonFor(`${department}-211300017-20220407-lmc1210471-DE`)).toBe(reason);
  });

  it("[actes]: the SIREN must have 9 digits", () => {
    expect(reasonFor("013-21130001-20220407-lmc1210471-DE")).toBe("Le SIREN « 21130001 » doit compter 9 chiffres.");
    expect(reasonFor("013-21130001A-20220407-lmc1210471-DE")).toBe("Le SIREN « 21130001A » doit compter 9 chiffres.");
  });

  it("[actes]: the SIREN check key must be right", () => {
    expect(reasonFor("013-211300018-20220407-lmc1210471-DE")).toBe(
      "Le SIREN « 211300018 » n'est pas valide (clé de contrôle erronée).",
    );
  });

  it("[actes]: the date must be written YYYYMMDD", () => {
    expect(reasonFor("013-211300017-2022047-lmc1210471-DE")).toBe("La date « 2022047 » doit s'écrire AAAAMMJJ.");
    // Dashes split the date into parts: the first one read is "2022".
    expect(reasonFor("013-211300017-2022-04-07-lmc1210471-DE")).toBe("La date « 2022 » doit s'écrire AAAAMMJJ.");
  });

  it.each(["20220231", "20221301", "20220400", "20210229"])("[actes]: « %s » is not a real date", (date) => {
    expect(reasonFor(`013-211300017-${date}-lmc1210471-DE`)).toBe(`La date « ${date} » n'est pas une date valide.`);
  });

  it("[actes]: a leap day is a real date", () => {
    expect(parsedValue("013-211300017-20240229-X-DE").date).toBe("2024-02-29");
  });

  it("[actes]: the internal number has 1 to 15 of letters, digits and underscores", () => {
    expect(parsedValue("013-211300017-20220407-A_b9-DE").internalNumber).toBe("A_b9");
    expect(parsedValue("013-211300017-20220407-123456789012345-DE").internalNumber).toHaveLength(15);
    expect(reasonFor("013-211300017-20220407--DE")).toBe("Le numéro interne de l'acte est vide.");
    expect(reasonFor("013-211300017-20220407-1234567890123456-DE")).toBe(
      "Le numéro interne « 1234567890123456 » dépasse 15 caractères.",
    );
    expect(reasonFor("013-211300017-20220407-lmc.121-DE")).toBe(
      "Le numéro interne « lmc.121 » ne doit contenir que des lettres non accentuées, des chiffres et « _ ».",
    );
    expect(reasonFor("013-211300017-20220407-délib1-DE")).toMatch(/ne doit contenir que/);
  });

  it.each(ACTES_NATURES)("[actes]: nature %s is accepted", (nature) => {
    expect(parsedValue(`013-211300017-20220407-lmc1210471-${nature}`).nature).toBe(nature);
  });

  it("[actes]: an unknown or lower-case nature is refused", () => {
    expect(reasonFor("013-211300017-20220407-lmc1210471-XX")).toBe(
      "La nature « XX » est inconnue (attendu : DE, AR, AI, CC, BF, AU).",
    );
    expect(reasonFor("013-211300017-20220407-lmc1210471-de")).toMatch(/La nature « de » est inconnue/);
  });

  it("[actes]: the message suffix must be two numbers", () => {
    expect(reasonFor("013-211300017-20220407-lmc1210471-DE-1-a")).toBe(
      "Le suffixe « -1-a » doit être formé de deux nombres (par exemple -1-1).",
    );
    expect(reasonFor("013-211300017-20220407-lmc1210471-DE--1")).toMatch(/Le suffixe « --1 »/);
  });

  it("[actes]: the first problem found is the one reported, in reading order", () => {
    expect(reasonFor("099-123-2022-x.y-ZZ")).toBe("Le département « 099 » n'existe pas.");
  });
});

describe("isValidSiren", () => {
  it("[actes]: Aix-en-Provence's SIREN 211300017 passes the Luhn check", () => {
    expect(isValidSiren("211300017")).toBe(true);
  });

  it("[actes]: other real SIRENs pass and altered ones fail", () => {
    expect(isValidSiren("217500016")).toBe(true); // Ville de Paris
    expect(isValidSiren("732829320")).toBe(true);
    expect(isValidSiren("211300016")).toBe(false);
    expect(isValidSiren("121300017")).toBe(false);
  });

  it("[actes]: anything but 9 digits fails", () => {
    expect(isValidSiren("21130001")).toBe(false);
    expect(isValidSiren("2113000170")).toBe(false);
    expect(isValidSiren("21130001x")).toBe(false);
  });
});

describe("requireActesId", () => {
  it("[actes]: returns the parsed identifier or throws INVALID_ACTES_ID with the reason", () => {
    expect(requireActesId(REFERENCE_ID).siren).toBe("211300017");
    expect(() => requireActesId("099-211300017-20220407-x-DE")).toThrow(
      new DomainError("INVALID_ACTES_ID", "Le département « 099 » n'existe pas."),
    );
  });
});

describe("checkActesId", () => {
  const reference = parsedValue(REFERENCE_ID);
  const expected = { departmentCode: "013", siren: "211300017", sittingDate: "2022-04-07" };

  it("[actes]: the reference identifier matches the municipality and the sitting", () => {
    expect(checkActesId(reference, { ...expected, nature: "DE" })).toEqual([]);
  });

  it("[actes]: a sitting date given as a Date is compared on its day in the municipality's zone", () => {
    expect(checkActesId(reference, { ...expected, sittingDate: new Date("2022-04-07T12:00:00Z"), timeZone: "Europe/Paris" })).toEqual([]);
    expect(checkActesId(reference, { ...expected, sittingDate: new Date("2022-04-06T22:30:00Z"), timeZone: "Europe/Paris" })).toEqual([]);
    // 8 April 01:00 UTC is still 7 April in Martinique (UTC-4), already 8 April in Paris.
    expect(checkActesId(reference, { ...expected, sittingDate: new Date("2022-04-08T01:00:00Z"), timeZone: "America/Martinique" })).toEqual([]);
    expect(checkActesId(reference, { ...expected, sittingDate: new Date("2022-04-08T01:00:00Z"), timeZone: "Europe/Paris" }).map((issue) => issue.code)).toEqual(["ACTES_DATE_MISMATCH"]);
    expect(() => checkActesId(reference, { ...expected, sittingDate: new Date("2022-04-07T12:00:00Z") })).toThrow(/time zone/);
  });

  it("[actes]: the department code of the municipality may be stored unpadded", () => {
    expect(checkActesId(reference, { ...expected, departmentCode: "13" })).toEqual([]);
    const corsican = parsedValue("02A-211300017-20220407-x-DE");
    expect(checkActesId(corsican, { ...expected, departmentCode: "2a" })).toEqual([]);
  });

  it("[actes]: each mismatch is reported in French with both values", () => {
    expect(
      checkActesId(reference, {
        departmentCode: "084",
        siren: "218400075",
        sittingDate: "2022-04-08",
        nature: "AR",
      }),
    ).toEqual([
      {
        code: "ACTES_DEPARTMENT_MISMATCH",
        message: "Le département de l'identifiant (013) n'est pas celui de la collectivité (084).",
      },
      {
        code: "ACTES_SIREN_MISMATCH",
        message: "Le SIREN de l'identifiant (211300017) n'est pas celui de la collectivité (218400075).",
      },
      {
        code: "ACTES_DATE_MISMATCH",
        message: "La date de l'identifiant (7 avril 2022) n'est pas celle de la séance (8 avril 2022).",
      },
      {
        code: "ACTES_NATURE_MISMATCH",
        message:
          "La nature de l'identifiant (DE, délibérations) n'est pas celle attendue (AR, arrêtés réglementaires).",
      },
    ]);
  });

  it("[actes]: without an expected nature, any nature is accepted", () => {
    const contract = parsedValue("013-211300017-20220407-C12-CC");
    expect(checkActesId(contract, expected)).toEqual([]);
  });
});

describe("ACTES_NATURE_LABELS", () => {
  it("[actes]: every nature code has its French label", () => {
    expect(Object.keys(ACTES_NATURE_LABELS).sort()).toEqual([...ACTES_NATURES].sort());
    expect(ACTES_NATURE_LABELS.DE).toBe("Délibérations");
    expect(ACTES_NATURE_LABELS.BF).toBe("Documents budgétaires et financiers");
  });
});
