import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NotUtf8Error, openScdlFile, unwrapLooseQuotes, type TextEncodingName } from "@/lib/import/scdl/read-scdl-file";
import { parseScdlRow, type ScdlRowContext } from "@/lib/import/scdl/row";

const fixtures = path.resolve(import.meta.dirname, "../../fixtures/scdl");
const scratch = mkdtempSync(path.join(os.tmpdir(), "registre-scdl-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let written = 0;
function file(content: string | Buffer): string {
  written += 1;
  const name = path.join(scratch, `file-${written}.csv`);
  writeFileSync(name, content);
  return name;
}

async function records(name: string, encoding?: TextEncodingName, validUtf8 = false) {
  const opened = await openScdlFile(name, { encoding, validUtf8 });
  const all = [];
  for await (const record of opened.records) all.push(record);
  return { ...opened, all };
}

const HEADER = ["COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_OBJET"];

describe("SCDL files: dialects", () => {
  it("[scdl]: UTF-8 with its byte order mark, `;`, CRLF, quoted fields holding the separator, quotes and line breaks", async () => {
    const content = `\uFEFF${HEADER.join(";")}\r\nVille;21130001700011;A1;2021-07-02;"Subvention ; association\r\n« Les Amis »"\r\nVille;21130001700011;A2;2021-07-02;"Dit ""le Cours"""\r\n`;
    const read = await records(file(content));
    expect(read.delimiter).toBe(";");
    expect(read.encoding).toBe("utf-8");
    expect(read.header.positions.COLL_NOM).toBe(0);
    expect(read.all).toEqual([
      { line: 2, cells: ["Ville", "21130001700011", "A1", "2021-07-02", "Subvention ; association\r\n« Les Amis »"] },
      { line: 4, cells: ["Ville", "21130001700011", "A2", "2021-07-02", 'Dit "le Cours"'] },
    ]);
  });

  it("[scdl]: a file known to be UTF-8 goes to the parser as bytes, with the same records (byte order mark dropped)", async () => {
    const name = file(`\uFEFF${HEADER.join(";")}\r\nVille;21130001700011;A1;2021-07-02;"Subvention ; é\r\n« Les Amis »"\r\n`);
    const decoded = await records(name);
    const direct = await records(name, "utf-8", true);
    expect(direct.all).toEqual(decoded.all);
    expect(direct.header).toEqual(decoded.header);
    expect(direct.header.positions.COLL_NOM).toBe(0);
  });

  it("[scdl]: `,` and LF without byte order mark, a last line without its line end", async () => {
    const read = await records(file(`${HEADER.join(",")}\nVille,21130001700011,A1,2021-07-02,"Un, deux"\nVille,21130001700011,A2,2021-07-02,Trois`));
    expect(read.delimiter).toBe(",");
    expect(read.all.map((record) => [record.line, record.cells[4]])).toEqual([
      [2, "Un, deux"],
      [3, "Trois"],
    ]);
  });

  it("[scdl]: a record's line is the file's physical line where it starts, after multi-line fields and blank lines (CR, LF, CRLF)", async () => {
    for (const end of ["\r\n", "\n", "\r"]) {
      const content = [HEADER.join(";"), 'V;21130001700011;A1;2021-07-02;"un', "deux", 'trois"', "", ";;;;", "V;21130001700011;A2;2021-07-02;quatre", ""].join(end);
      const read = await records(file(content));
      expect(read.all.map((record) => record.line), JSON.stringify(end)).toEqual([2, 7]);
      expect(read.all[0]!.cells[4]).toBe(["un", "deux", "trois"].join(end));
      // The empty line and the `;;;;` one.
      expect(read.blankRecords()).toBe(2);
    }
  });

  it("[scdl]: a file that is not UTF-8 says so, and reads as Windows-1252", async () => {
    const name = path.join(fixtures, "plessis-trevise-2017.csv");
    await expect(records(name)).rejects.toBeInstanceOf(NotUtf8Error);
    const read = await records(name, "windows-1252");
    expect(read.header.extraColumns).toEqual(["colonne 18 (sans titre)", "colonne 19 (sans titre)"]);
    expect(read.header.positions).toMatchObject({ VOTE_EFFECTIF: 11, VOTE_ABSTENTION: 15 });
    expect(read.blankRecords()).toBe(1);
    expect(read.all).toHaveLength(1);
    expect(read.all[0]).toMatchObject({ line: 3, cells: expect.arrayContaining(["Le Plessis-Trévise", "PREF094"]) });
  });

  it("[scdl]: quotes a generator forgot to double are recovered", async () => {
    expect(unwrapLooseQuotes('"Convention "Petites villes" - avenant"')).toBe('Convention "Petites villes" - avenant');
    expect(unwrapLooseQuotes('"tout"')).toBe('"tout"');
    expect(unwrapLooseQuotes('2021-07-02"')).toBe('2021-07-02"');
    const read = await records(path.join(fixtures, "megalis-format.csv"));
    expect(read.all.map((record) => record.cells[6])).toEqual([
      "CAF - CONVENTION TERRITORIALE GLOBALE DE SERVICE AUX FAMILLES 2022-2026",
      'Convention "Petites villes de demain" - avenant n° 1',
    ]);
  });

  it("[scdl]: a file that is no SCDL file, empty, or whose quotes never close is refused, naming the line", async () => {
    await expect(records(file(""))).rejects.toThrow(/vide/);
    await expect(records(file("\n\nCOLL_SIRET"))).rejects.toThrow(/ligne vide/);
    await expect(records(file("nom;prenom\nDupont;Jean\n"))).rejects.toThrow(/Ligne 1 : L'en-tête n'a pas les colonnes COLL_SIRET, DELIB_ID, DELIB_DATE, DELIB_OBJET/);
    await expect(records(file("x".repeat(70_000)))).rejects.toThrow(/64 Kio/);
    const unclosed = file(`${HEADER.join(";")}\nV;21130001700011;A1;2021-07-02;ok\nV;21130001700011;A2;2021-07-02;"jamais fermé\nsuite\n`);
    await expect(records(unclosed)).rejects.toThrow(/Ligne 3 : un champ ouvert par des guillemets n'est jamais refermé/);
  });
});

const AIX: ScdlRowContext = { timeZone: "Europe/Paris", departmentCode: "013", municipality: { siren: "211300017", name: "Ville d'Aix-en-Provence" } };

async function rows(name: string, context: ScdlRowContext, encoding?: TextEncodingName) {
  const read = await records(name, encoding);
  return read.all.map((record) => parseScdlRow(record.cells, record.line, read.header, context));
}

describe("SCDL files: rows to archived acts", () => {
  it("[scdl]: the schema's example becomes an adopted act with its vote, receipt, budget and address", async () => {
    const [parsed] = await rows(path.join(fixtures, "schema-example.csv"), {
      timeZone: "Europe/Paris",
      departmentCode: "038",
      municipality: { siren: "218601946", name: "Ville de Poitiers" },
    });
    expect(parsed).toEqual({
      ok: true,
      row: {
        siret: { siret: "21860194600013", siren: "218601946" },
        municipalityName: "Ville de Poitiers",
        act: {
          source: { line: 2, label: "1DL15494" },
          identifier: "1DL15494",
          sitting: { day: "2017-10-15", hour: null, place: null, extraordinary: false, presidentId: null, secretaryId: null, membersInOffice: 43, attendance: null },
          orderInSitting: null,
          subject: "Lancement d'une démarche partenariale de définition d'une politique montagne et adhésion à l'association nationale des élus de la montagne",
          matterCode: "8.4",
          outcome: "ADOPTED",
          vote: { unanimous: false, participants: 40, votesFor: 25, votesAgainst: 10, abstentions: 5 },
          receipt: { actesId: null, authority: "PREF038", receivedAt: "2017-02-03" },
          budgetYear: "2017/2018",
          budgetName: "Budget annexe déchets-collecte et traitement",
          sourceUrl: "https://data.maville.fr/deliberations/files/200417_1.pdf",
        },
      },
    });
  });

  it("[scdl]: Tours Métropole's row: lower-case names, its own columns, a level-3 code and a name without « / »", async () => {
    const [parsed] = await rows(path.join(fixtures, "tours-metropole-2021.csv"), {
      timeZone: "Europe/Paris",
      departmentCode: "037",
      municipality: { siren: "243700754", name: "Tours Métropole Val de Loire" },
    });
    expect(parsed).toMatchObject({
      ok: true,
      row: {
        act: {
          identifier: "C_21_07_11_002",
          matterCode: "5.1.2",
          sitting: { day: "2021-07-21", membersInOffice: 87 },
          vote: { participants: 87, votesFor: 73, votesAgainst: 5, abstentions: 7 },
          receipt: { authority: "SPREF0372", receivedAt: "2021-07-21" },
          sourceUrl: null,
        },
      },
    });
  });

  it("[scdl]: the portal's spreadsheet export of DL.2022-91 reads back as the act", async () => {
    const [parsed] = await rows(path.join(fixtures, "aix-spreadsheet.csv"), AIX);
    expect(parsed).toMatchObject({
      ok: true,
      row: {
        act: {
          identifier: "DL.2022-91",
          subject: "CAF - CONVENTION TERRITORIALE GLOBALE DE SERVICE AUX FAMILLES 2022-2026",
          matterCode: "7.10",
          sitting: { day: "2022-04-07", membersInOffice: 55 },
          vote: { participants: 47, votesFor: 47, votesAgainst: 0, abstentions: 0 },
          receipt: { authority: "PREF013", receivedAt: "2022-04-11" },
        },
      },
    });
  });

  it("[scdl]: Le Plessis-Trévise's Windows-1252 file, with its misspelt columns", async () => {
    const [parsed] = await rows(
      path.join(fixtures, "plessis-trevise-2017.csv"),
      { timeZone: "Europe/Paris", departmentCode: "094", municipality: { siren: "219400595", name: "Ville du Plessis-Trévise" } },
      "windows-1252",
    );
    expect(parsed).toMatchObject({ ok: true, row: { municipalityName: "Le Plessis-Trévise", act: { matterCode: "5.2", sitting: { day: "2017-01-30", membersInOffice: 33 } } } });
  });

  it("[scdl]: the Mégalis file's rows, matter names without accents", async () => {
    const parsed = await rows(path.join(fixtures, "megalis-format.csv"), AIX);
    expect(parsed.map((row) => (row.ok ? [row.row.act.identifier, row.row.act.matterCode, row.row.act.vote, row.row.act.receipt] : row.issues))).toEqual([
      ["DL.2022-91", "7.10", null, null],
      ["ESSAI-2022-01", "8.1", null, null],
    ]);
  });
});
