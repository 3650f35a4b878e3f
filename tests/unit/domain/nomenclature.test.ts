import { describe, expect, it } from "vitest";
import {
  DomainError,
  listMatters,
  matterCaption,
  matterLabel,
  statedMatterLabel,
  NOMENCLATURE,
  parseMatterCode,
  scdlMatterCode,
  scdlMatterName,
} from "@/lib/domain";

describe("NOMENCLATURE", () => {
  it("[nomenclature]: nine level-1 matters, 1 to 9, with the counts DOMAIN.md lists", () => {
    expect(NOMENCLATURE.map((family) => family.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(NOMENCLATURE.map((family) => family.matters.length)).toEqual([7, 3, 6, 5, 8, 5, 10, 9, 4]);
  });

  it("[nomenclature]: level-2 codes are numbered in order under their level 1", () => {
    for (const family of NOMENCLATURE) {
      family.matters.forEach((matter, index) => expect(matter.code).toBe(`${family.code}.${index + 1}`));
    }
  });

  it("[nomenclature]: labels are verbatim, 9.2 and 9.3 written in full", () => {
    expect(matterLabel("1.5")).toBe("Transactions (protocole d'accord transactionnel)");
    expect(matterLabel("1.6")).toBe("Maîtrise d'oeuvre");
    expect(matterLabel("4.1")).toBe("Personnels titulaires et stagiaires de la F.P.T.");
    expect(matterLabel("6.5")).toBe("Actes pris au nom de l'Etat");
    expect(matterLabel("7.9")).toBe("Prise de participation (SEM, etc.)");
    expect(matterLabel("9.2")).toBe("Autres domaines de compétences des départements");
    expect(matterLabel("9.3")).toBe("Autres domaines de compétences des régions");
    expect(matterLabel("9.4")).toBe("Voeux et motions");
  });
});

describe("parseMatterCode", () => {
  it("[nomenclature]: 7.10 is Finances locales / Divers", () => {
    expect(parseMatterCode("7.10")).toEqual({
      ok: true,
      level1: { code: "7", label: "Finances locales" },
      level2: { code: "7.10", label: "Divers" },
      code: "7.10",
    });
  });

  it("[nomenclature]: local codes of levels 3 to 5 are accepted and labelled by level 2", () => {
    expect(parseMatterCode("7.10.2")).toMatchObject({ ok: true, level2: { code: "7.10", label: "Divers" }, code: "7.10.2" });
    expect(parseMatterCode("1.1.12.3.4")).toMatchObject({ ok: true, level2: { code: "1.1" }, code: "1.1.12.3.4" });
  });

  it("[nomenclature]: 7.1 and 7.10 are different matters", () => {
    expect(matterLabel("7.1")).toBe("Décisions budgétaires");
    expect(matterLabel("7.10")).toBe("Divers");
  });

  it("[nomenclature]: surrounding spaces are trimmed", () => {
    expect(parseMatterCode(" 7.10 ")).toMatchObject({ ok: true, code: "7.10" });
  });

  it.each([
    ["", "Le code matière est vide."],
    ["  ", "Le code matière est vide."],
    ["7", "Le code matière « 7 » doit préciser le niveau 2 (par exemple 7.1)."],
    ["7,10", "Le code matière « 7,10 » doit s'écrire en nombres séparés par des points, comme 7.10 ou 7.10.2."],
    ["7.", "Le code matière « 7. » doit s'écrire en nombres séparés par des points, comme 7.10 ou 7.10.2."],
    ["7.10.2.1.1.1", "Le code matière « 7.10.2.1.1.1 » doit s'écrire en nombres séparés par des points, comme 7.10 ou 7.10.2."],
    ["0.1", "La matière « 0 » n'existe pas dans la nomenclature ACTES (1 à 9)."],
    ["10.1", "La matière « 10 » n'existe pas dans la nomenclature ACTES (1 à 9)."],
    ["7.11", "La sous-matière « 7.11 » n'existe pas dans la nomenclature ACTES (7 Finances locales : 7.1 à 7.10)."],
    ["9.5.1", "La sous-matière « 9.5 » n'existe pas dans la nomenclature ACTES (9 Autres domaines de compétences : 9.1 à 9.4)."],
    ["7.01", "La sous-matière « 7.01 » n'existe pas dans la nomenclature ACTES (7 Finances locales : 7.1 à 7.10)."],
  ])("[nomenclature]: « %s » is refused with a precise reason", (code, reason) => {
    expect(parseMatterCode(code)).toEqual({ ok: false, reason });
  });
});

describe("matterLabel", () => {
  it("[nomenclature]: an unknown code throws INVALID_MATTER_CODE with the reason", () => {
    expect(() => matterLabel("7.11")).toThrow(DomainError);
    expect(() => matterLabel("x")).toThrow(/doit s'écrire en nombres séparés par des points/);
  });
});

describe("listMatters", () => {
  it("[nomenclature]: lists all 57 level-2 matters in order, each with its level 1", () => {
    const matters = listMatters();
    expect(matters).toHaveLength(57);
    expect(matters[0]).toEqual({ code: "1.1", label: "Marchés publics", level1Code: "1", level1Label: "Commande publique" });
    expect(matters.at(-1)).toEqual({
      code: "9.4",
      label: "Voeux et motions",
      level1Code: "9",
      level1Label: "Autres domaines de compétences",
    });
    expect(new Set(matters.map((matter) => matter.code)).size).toBe(57);
  });
});

describe("scdlMatterName", () => {
  it.each([
    ["7.10", "finances locales/divers"],
    ["7.10.2", "finances locales/divers"],
    ["1.5", "commande publique/transactions protocole d'accord transactionnel"],
    ["7.9", "finances locales/prise de participation sem etc."],
    ["8.5", "domaines de compétences par thèmes/politique de la ville habitat logement"],
    ["4.1", "fonction publique/personnels titulaires et stagiaires de la f.p.t."],
    ["5.1", "institutions et vie politique/election exécutif"],
  ])("[scdl]: matter %s is named « %s »", (code, name) => {
    expect(scdlMatterName(code)).toBe(name);
  });

  it("[scdl]: no SCDL matter name holds a comma, a parenthesis, a capital or a double space", () => {
    for (const { code } of listMatters()) {
      const name = scdlMatterName(code);
      expect(name).not.toMatch(/[,()A-ZÀ-Ý]| {2}/);
      expect(name.split("/")).toHaveLength(2);
    }
  });

  it("[scdl]: an unknown code throws rather than producing an invalid row", () => {
    expect(() => scdlMatterName("7.11")).toThrow(DomainError);
  });
});

describe("scdlMatterCode", () => {
  it("[scdl]: the SCDL code is the level-2 code, matching ^\\d\\.\\d{1,2}$", () => {
    expect(scdlMatterCode("7.10.2")).toBe("7.10");
    expect(scdlMatterCode("1.1")).toBe("1.1");
    for (const { code } of listMatters()) expect(scdlMatterCode(code)).toMatch(/^\d\.\d{1,2}$/);
  });
});

describe("a matter as a list shows it, an archived act's perhaps unknown", () => {
  it("labels a known code, keeps an unknown one as written, says when there is none", () => {
    expect(statedMatterLabel("7.10.2")).toBe("Divers");
    expect(statedMatterLabel("12.4")).toBeNull();
    expect(statedMatterLabel(null)).toBeNull();
    expect(matterCaption("7.10")).toBe("7.10 Divers");
    expect(matterCaption("12.4")).toBe("12.4");
    expect(matterCaption(null)).toBe("Matière non indiquée");
  });
});
