import { describe, expect, it } from "vitest";
import { readHeader } from "@/lib/import/scdl/header";
import { parseScdlRow, type ScdlRowContext } from "@/lib/import/scdl/row";
import { SCDL_COLUMNS, type ScdlColumn } from "@/lib/opendata/scdl-columns";

const read = readHeader([...SCDL_COLUMNS]);
if (!read.ok) throw new Error(read.reason);
const header = read.header;
const AIX: ScdlRowContext = { timeZone: "Europe/Paris", departmentCode: "013", municipality: { siren: "211300017", name: "Ville d'Aix-en-Provence" } };

const VALID: Record<ScdlColumn, string> = {
  COLL_NOM: "Ville d'Aix-en-Provence",
  COLL_SIRET: "21130001700011",
  DELIB_ID: "AP D 21-07-1",
  DELIB_DATE: "2021/07/02 00:00:00+00",
  DELIB_MATIERE_CODE: "7.5",
  DELIB_MATIERE_NOM: "Finances locales/Subventions",
  DELIB_OBJET: "Subvention à l'association « Les Amis du Vieux Aix »",
  BUDGET_ANNEE: "2021",
  BUDGET_NOM: "Budget principal",
  PREF_ID: "PREF013",
  PREF_DATE: "05/07/2021",
  VOTE_EFFECTIF: "55",
  VOTE_REEL: "50",
  VOTE_POUR: "45",
  VOTE_CONTRE: "3",
  VOTE_ABSTENTION: "2",
  DELIB_URL: "https://www.aixenprovence.fr/actes/AP-D-21-07-1.pdf",
};

const cells = (changes: Partial<Record<ScdlColumn, string>> = {}) => SCDL_COLUMNS.map((column) => changes[column] ?? VALID[column]);
const parse = (changes: Partial<Record<ScdlColumn, string>> = {}, context = AIX) => parseScdlRow(cells(changes), 12, header, context);
const issues = (changes: Partial<Record<ScdlColumn, string>>, context = AIX) => {
  const parsed = parse(changes, context);
  return parsed.ok ? [] : parsed.issues;
};

describe("SCDL rows", () => {
  it("[scdl]: a full row gives every fact the row states, and nothing else", () => {
    const parsed = parse();
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.row.act).toMatchObject({
      identifier: "AP D 21-07-1",
      sitting: { day: "2021-07-02", hour: null, place: null, presidentId: null, secretaryId: null, membersInOffice: 55, attendance: null },
      matterCode: "7.5",
      outcome: "ADOPTED",
      vote: { unanimous: false, participants: 50, votesFor: 45, votesAgainst: 3, abstentions: 2 },
      receipt: { actesId: null, authority: "PREF013", receivedAt: "2021-07-05" },
      budgetYear: "2021",
      budgetName: "Budget principal",
    });
  });

  it("[scdl]: missing optional cells stay unknown; a tally of zeros says nothing", () => {
    const parsed = parse({ DELIB_MATIERE_CODE: "", DELIB_MATIERE_NOM: "", BUDGET_ANNEE: "", BUDGET_NOM: "", PREF_ID: "", PREF_DATE: "", VOTE_EFFECTIF: "0", VOTE_REEL: "0", VOTE_POUR: "0", VOTE_CONTRE: "0", VOTE_ABSTENTION: "", DELIB_URL: "" });
    expect(parsed).toMatchObject({ ok: true, row: { act: { matterCode: null, vote: null, receipt: null, budgetYear: null, budgetName: null, sourceUrl: null, sitting: { membersInOffice: null } } } });
    // A header without those columns at all.
    const short = readHeader(["DELIB_ID", "DELIB_DATE", "DELIB_OBJET", "COLL_SIRET"]);
    if (!short.ok) throw new Error(short.reason);
    expect(parseScdlRow(["X-1", "2021-07-02", "Objet", "21130001700011"], 3, short.header, AIX)).toMatchObject({ ok: true, row: { municipalityName: null, act: { vote: null, receipt: null } } });
  });

  it("[scdl]: every unreadable cell of a row is reported with its line and column, in French", () => {
    expect(
      issues({ COLL_SIRET: "2113000170001", DELIB_DATE: "31/06/2021", DELIB_MATIERE_CODE: "7.11", PREF_ID: "PREF075", VOTE_POUR: "beaucoup", DELIB_URL: "aix.fr", BUDGET_ANNEE: "BP" }).map(
        (issue) => [issue.line, issue.field],
      ),
    ).toEqual([
      [12, "COLL_SIRET"],
      [12, "DELIB_DATE"],
      [12, "DELIB_MATIERE_CODE"],
      [12, "BUDGET_ANNEE"],
      [12, "PREF_ID"],
      [12, "VOTE_POUR"],
      [12, "DELIB_URL"],
    ]);
    expect(issues({ DELIB_ID: " ", DELIB_DATE: "", DELIB_OBJET: "" })).toEqual([
      { line: 12, field: "DELIB_ID", message: "L'identifiant de la délibération manque." },
      { line: 12, field: "DELIB_DATE", message: "La date d'adoption manque." },
      { line: 12, field: "DELIB_OBJET", message: "L'objet de la délibération manque." },
    ]);
  });

  it("[scdl]: a row of another SIREN than the municipality's is refused; a SIRET of the same SIREN is its own", () => {
    expect(issues({ COLL_SIRET: "21860194600013", COLL_NOM: "Ville de Poitiers" })).toEqual([
      {
        line: 12,
        field: "COLL_SIRET",
        message: "Le SIREN 218601946 (SIRET 21860194600013, Ville de Poitiers) n'est pas celui de Ville d'Aix-en-Provence (211300017) : cette délibération est d'une autre collectivité.",
      },
    ]);
    expect(parse({ COLL_SIRET: "21130001700029" }).ok).toBe(true);
    expect(parse({ COLL_SIRET: "21860194600013" }, { ...AIX, municipality: null, departmentCode: null }).ok).toBe(true);
  });

  it("[scdl]: a row with more or fewer cells than the header is refused as a whole", () => {
    expect(parseScdlRow([...cells(), "de trop"], 7, header, AIX)).toEqual({
      ok: false,
      issues: [{ line: 7, field: null, message: expect.stringMatching(/18 champs, l'en-tête 17 : un texte contient sans doute le séparateur/) }],
    });
    expect(parseScdlRow(cells().slice(0, 10), 7, header, AIX)).toMatchObject({ ok: false, issues: [{ field: null, message: expect.stringMatching(/un champ manque/) }] });
  });

  it("[scdl]: the portal's spreadsheet file gets its neutralised formulas back", () => {
    const spreadsheet = { ...header, spreadsheet: true };
    const parsed = parseScdlRow(cells({ DELIB_OBJET: "'=SOMME(A1)" }), 2, spreadsheet, AIX);
    expect(parsed).toMatchObject({ ok: true, row: { act: { subject: "=SOMME(A1)" } } });
    expect(parseScdlRow(cells({ DELIB_OBJET: "'=SOMME(A1)" }), 2, header, AIX)).toMatchObject({ ok: true, row: { act: { subject: "'=SOMME(A1)" } } });
  });
});
