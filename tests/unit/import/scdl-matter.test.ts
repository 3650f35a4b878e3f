import { describe, expect, it } from "vitest";
import { matterOfName, parseMatter } from "@/lib/import/scdl/matter";

const code = (codeCell: string, name = "") => parseMatter(codeCell, name);

describe("SCDL matters", () => {
  it("[scdl]: the code decides, levels 2 to 5, a French decimal comma tolerated", () => {
    expect(code("7.10")).toEqual({ ok: true, value: "7.10" });
    expect(code("5.1.2")).toEqual({ ok: true, value: "5.1.2" });
    expect(code("7,10")).toEqual({ ok: true, value: "7.10" });
    expect(code("", "")).toEqual({ ok: true, value: null });
  });

  it("[scdl]: an unknown code is refused with the nomenclature's reason", () => {
    expect(code("7.11")).toMatchObject({ ok: false, reason: expect.stringMatching(/n'existe pas dans la nomenclature/) });
    expect(code("7")).toMatchObject({ ok: false, reason: expect.stringMatching(/niveau 2/) });
  });

  it("[scdl]: the name, in any case, with or without accents, is read against the nomenclature", () => {
    for (const name of [
      "finances locales/divers",
      "Finances locales/Divers",
      "FINANCES LOCALES / DIVERS",
      "Finances Locales/Divers ",
    ]) {
      expect(matterOfName(name), name).toMatchObject({ family: { code: "7" }, level2Code: "7.10" });
    }
    expect(matterOfName("Finances locales/Prise de participation (SEM, etc...)").level2Code).toBe("7.9");
    expect(matterOfName("finances locales/prise de participation sem etc.").level2Code).toBe("7.9");
    expect(matterOfName("Fonction publique/Personnels titulaires et stagiaires de la F.P.T.").level2Code).toBe("4.1");
    expect(matterOfName("domaines de compétences par thèmes/aménagement du territoire").level2Code).toBe("8.4");
    // Shortened, or longer, labels of the ACTES platforms.
    expect(matterOfName("Finances locales/Interventions economiques").level2Code).toBe("7.4");
    expect(matterOfName("Libertes publiques et pouvoirs de police/Actes pris au nom de l Etat et soumis au controle hierarchique").level2Code).toBe("6.5");
    // Without the "/" (Tours Métropole), a level-3 label after the level 2.
    expect(matterOfName("Institutions et vie politique Election executif Fixation du nombre des adjoints")).toMatchObject({ family: { code: "5" }, level2Code: "5.1" });
    // A label shared by several level-2 matters names none of them.
    expect(matterOfName("Autres domaines de compétences/autres")).toMatchObject({ family: { code: "9" }, level2Code: null });
    expect(matterOfName("Culture et patrimoine")).toEqual({ family: null, level2Code: null });
  });

  it("[scdl]: without a code, a name gives its code; a local theme gives none", () => {
    expect(code("", "Finances locales/Subventions")).toEqual({ ok: true, value: "7.5" });
    expect(code("", "Vie associative")).toEqual({ ok: true, value: null });
    expect(code("", "Finances locales")).toMatchObject({ ok: false, reason: expect.stringMatching(/sans préciser sa sous-matière/) });
  });

  it("[scdl]: a name of another matter than the code is refused (a spreadsheet's 7.10 turned 7.1)", () => {
    expect(code("7.1", "finances locales/divers")).toMatchObject({ ok: false, reason: expect.stringMatching(/7\.10 devenu 7\.1/) });
    expect(code("7.10", "urbanisme/documents d'urbanisme")).toMatchObject({ ok: false, reason: expect.stringMatching(/matière 2 Urbanisme/) });
    // A local theme or a misspelt family: the code alone decides.
    expect(code("5.2", "Libertes publiques et pourvoirs de police")).toEqual({ ok: true, value: "5.2" });
    expect(code("7.10", "Vie associative")).toEqual({ ok: true, value: "7.10" });
    // A local level 3 under its level 2.
    expect(code("7.10.2", "Finances locales/Divers")).toEqual({ ok: true, value: "7.10.2" });
  });
});
