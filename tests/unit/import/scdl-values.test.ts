import { describe, expect, it } from "vitest";
import { parseBudgetYear, parseCount, parsePrefectureId, parseScdlDay, parseSiret, parseText, parseWebAddress } from "@/lib/import/scdl/values";

const day = (text: string, zone = "Europe/Paris") => parseScdlDay(text, zone);
const reason = (parsed: { ok: boolean; reason?: string }) => (parsed.ok ? null : parsed.reason);

describe("SCDL days", () => {
  it("[scdl]: the schema's form, the slashes of database exports and the French order read as the same day", () => {
    for (const text of ["2021-07-02", "2021/07/02", "02/07/2021", "2/7/2021", "02-07-2021", "02.07.2021", "20210702", " 2021-07-02 "]) {
      expect(day(text), text).toEqual({ ok: true, value: "2021-07-02" });
    }
  });

  it("[scdl]: a dummy midnight after the day keeps the day, whatever its offset and the municipality's zone", () => {
    for (const text of ["2021/07/02 00:00:00+00", "2021-07-02T00:00:00Z", "2021-07-02T00:00:00.000+00:00", "02/07/2021 00:00", "2021-07-02 00:00:00"]) {
      expect(day(text), text).toEqual({ ok: true, value: "2021-07-02" });
      expect(day(text, "America/Martinique"), text).toEqual({ ok: true, value: "2021-07-02" });
    }
  });

  it("[scdl]: an instant with its offset falls on the municipality's local day", () => {
    expect(day("2021-07-01T22:00:00Z")).toEqual({ ok: true, value: "2021-07-02" });
    expect(day("2021-07-01T22:00:00+00:00", "America/Martinique")).toEqual({ ok: true, value: "2021-07-01" });
    expect(day("2021-07-02 20:30:00+0200")).toEqual({ ok: true, value: "2021-07-02" });
    // A local time without an offset is that day's.
    expect(day("2021-07-02 23:30")).toEqual({ ok: true, value: "2021-07-02" });
  });

  it("[scdl]: an impossible day is refused, saying why", () => {
    expect(reason(day("31/06/2021"))).toMatch(/ce jour n'existe pas/);
    expect(reason(day("2021-02-29"))).toMatch(/ce jour n'existe pas/);
    expect(day("2020-02-29")).toEqual({ ok: true, value: "2020-02-29" });
    expect(reason(day("07/23/2021"))).toMatch(/pas de mois 23/);
    expect(reason(day("02/07/21"))).toMatch(/année sur deux chiffres/);
    expect(reason(day("44379"))).toMatch(/numéro de jour de tableur/);
    expect(reason(day("juillet 2021"))).toMatch(/n'est pas une date/);
    expect(reason(day("0021-07-02"))).toMatch(/antérieure à 1790/);
    expect(reason(day("2021-07-02 25:00:00"))).toMatch(/n'existe pas/);
    expect(reason(day("2021-07-02 midi"))).toMatch(/n'est pas lisible/);
  });
});

describe("SCDL cells", () => {
  it("[scdl]: counts are whole numbers, empty when unknown", () => {
    expect(parseCount("47")).toEqual({ ok: true, value: 47 });
    expect(parseCount(" 1 043 ")).toEqual({ ok: true, value: 1043 });
    expect(parseCount("")).toEqual({ ok: true, value: null });
    expect(reason(parseCount("-2"))).toMatch(/nombre entier positif/);
    expect(reason(parseCount("12.5"))).toMatch(/nombre entier positif/);
    expect(reason(parseCount("1000000"))).toMatch(/trop grand/);
  });

  it("[scdl]: a SIRET has 14 digits and a SIREN whose key holds", () => {
    expect(parseSiret("21130001700011")).toEqual({ ok: true, value: { siret: "21130001700011", siren: "211300017" } });
    expect(parseSiret("211 300 017 00011")).toEqual({ ok: true, value: { siret: "21130001700011", siren: "211300017" } });
    expect(reason(parseSiret("2,113E+13"))).toMatch(/notation scientifique/);
    expect(reason(parseSiret("2113000170001"))).toMatch(/14 chiffres/);
    expect(reason(parseSiret("21130001800011"))).toMatch(/clé de contrôle/);
    expect(reason(parseSiret(" "))).toMatch(/manque/);
  });

  it("[scdl]: PREF_ID is a prefecture, a sub-prefecture or a SGAR of the municipality's department", () => {
    expect(parsePrefectureId("PREF013", "013")).toEqual({ ok: true, value: "PREF013" });
    expect(parsePrefectureId(" spref0372 ", "037")).toEqual({ ok: true, value: "SPREF0372" });
    expect(parsePrefectureId("PREF02A", "02A")).toEqual({ ok: true, value: "PREF02A" });
    expect(parsePrefectureId("PREF974", null)).toEqual({ ok: true, value: "PREF974" });
    expect(parsePrefectureId("SGAR069", "013")).toEqual({ ok: true, value: "SGAR069" });
    expect(parsePrefectureId("", "013")).toEqual({ ok: true, value: null });
    expect(reason(parsePrefectureId("PREF075", "013"))).toMatch(/département 075, la collectivité est du 013/);
    expect(reason(parsePrefectureId("PREF13", "013"))).toMatch(/n'est pas un identifiant du contrôle de légalité/);
    expect(reason(parsePrefectureId("SPREF013", "013"))).toMatch(/arrondissement/);
    expect(reason(parsePrefectureId("PREF0131", "013"))).toMatch(/n'est pas un identifiant/);
    expect(reason(parsePrefectureId("Préfecture des Bouches-du-Rhône", "013"))).toMatch(/n'est pas un identifiant/);
  });

  it("[scdl]: a budget year is one year or two that follow", () => {
    expect(parseBudgetYear("2021")).toEqual({ ok: true, value: "2021" });
    expect(parseBudgetYear("2017 / 2018")).toEqual({ ok: true, value: "2017/2018" });
    expect(parseBudgetYear("")).toEqual({ ok: true, value: null });
    expect(reason(parseBudgetYear("2018/2017"))).toMatch(/doit suivre/);
    expect(reason(parseBudgetYear("BP 2021"))).toMatch(/n'est pas une année budgétaire/);
  });

  it("[scdl]: DELIB_URL is a web address, kept as written, spaces encoded", () => {
    expect(parseWebAddress("https://www.ville.fr/délib.pdf")).toEqual({ ok: true, value: "https://www.ville.fr/délib.pdf" });
    expect(parseWebAddress("https://www.ville.fr/actes/DL 2021 45.pdf")).toEqual({ ok: true, value: "https://www.ville.fr/actes/DL%202021%2045.pdf" });
    expect(parseWebAddress("")).toEqual({ ok: true, value: null });
    expect(reason(parseWebAddress("www.ville.fr/x.pdf"))).toMatch(/adresse web complète/);
    expect(reason(parseWebAddress("ftp://ville.fr/x.pdf"))).toMatch(/http:\/\/ ou https:\/\//);
  });

  it("[scdl]: a text keeps its line breaks as \\n, trimmed", () => {
    expect(parseText("  Sub\r\nvention\rx ")).toBe("Sub\nvention\nx");
    expect(parseText(" \r\n ")).toBeNull();
  });
});
