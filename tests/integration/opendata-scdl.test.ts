import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { csvRecord } from "@/lib/opendata/csv";
import {
  SCDL_COLUMNS,
  SPREADSHEET_HEADINGS,
  listScdlYears,
  scdlDeliberationsCsv,
  scdlDeliberationsStream,
  spreadsheetDeliberationsCsv,
} from "@/lib/opendata/scdl-deliberations";
import { connect, createDatabase } from "./support/database";
import { insertMunicipality } from "./support/factories";

/** RFC 4180 as SCDL files are read, by csv-parse: a stray quote or a ragged row fails; every record ends with CRLF, the last one too. */
function parseCsv(text: string): string[][] {
  if (text !== "" && !text.endsWith("\r\n")) throw new Error("last record not terminated by CRLF");
  return parse(text, { record_delimiter: "\r\n", relax_quotes: false, relax_column_count: false }) as string[][];
}

// The schema's constraints (DOMAIN.md, SCDL Délibérations 2.1.5).
const REQUIRED = ["COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM", "DELIB_OBJET"];
const PATTERNS: Record<string, RegExp> = {
  COLL_SIRET: /^\d{14}$/,
  DELIB_DATE: /^\d{4}-\d{2}-\d{2}$/,
  DELIB_MATIERE_CODE: /^[1-9]\.\d{1,2}$/,
  DELIB_MATIERE_NOM: /^[^,()A-Z]+\/[^,()A-Z]+$/,
  BUDGET_ANNEE: /^[0-9]{4}(\/[0-9]{4})?$/,
  PREF_ID: /^(PREF\d{2}[0-9AB]|SPREF\d{3}[0-9]|SGAR\d{3})$/,
  PREF_DATE: /^\d{4}-\d{2}-\d{2}$/,
  VOTE_EFFECTIF: /^\d+$/,
  VOTE_REEL: /^\d+$/,
  VOTE_POUR: /^\d+$/,
  VOTE_CONTRE: /^\d+$/,
  VOTE_ABSTENTION: /^\d+$/,
  DELIB_URL: /^https?:\/\/\S+$/,
};

describe("open data: SCDL export", () => {
  let client: pg.Client;
  let db: Db;
  let municipalityId: string;

  const exportCsv = async (year?: number) => {
    let text = "";
    for await (const chunk of scdlDeliberationsCsv({ municipalityId, year, baseUrl: "https://deliberations.example.fr", db })) text += chunk;
    return text;
  };

  beforeAll(async () => {
    const url = await createDatabase("registre_opendata_scdl", { seeded: "demo" });
    client = await connect(url);
    db = createPrismaClient(url);
    municipalityId = (await client.query(`SELECT id FROM municipality WHERE slug = 'aix-en-provence'`)).rows[0].id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await client.end();
  });

  it("[scdl]: the header is exactly the schema's 17 columns in order", async () => {
    const [header] = parseCsv(await exportCsv());
    expect(header).toEqual([...SCDL_COLUMNS]);
    expect(header).toHaveLength(17);
  });

  it("[scdl]: every row has its required fields and matches the schema's patterns", async () => {
    const [header, ...rows] = parseCsv(await exportCsv());
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toHaveLength(17);
      const record = Object.fromEntries(header!.map((column, index) => [column, row[index]!]));
      for (const column of REQUIRED) expect(record[column], `${record.DELIB_ID} ${column}`).not.toBe("");
      for (const [column, pattern] of Object.entries(PATTERNS)) {
        if (record[column] !== "") expect(record[column], `${record.DELIB_ID} ${column}`).toMatch(pattern);
      }
    }
  });

  it("[scdl]: only published, non-demo deliberations are exported, the reference case with its figures", async () => {
    const [, ...rows] = parseCsv(await exportCsv());
    const published = await client.query(
      `SELECT count(*)::int AS n FROM deliberation d WHERE d.municipality_id = $1 AND d.status = 'PUBLISHED' AND NOT d.is_demo
         AND NOT EXISTS (SELECT 1 FROM deliberation n WHERE n.previous_version_id = d.id AND n.status = 'PUBLISHED')`,
      [municipalityId],
    );
    expect(rows).toHaveLength(published.rows[0].n);
    const reference = rows.find((row) => row[2] === "DL.2022-91");
    expect(reference).toEqual([
      "Ville d'Aix-en-Provence",
      "21130001700011",
      "DL.2022-91",
      "2022-04-07",
      "7.10",
      "finances locales/divers",
      "CAF - CONVENTION TERRITORIALE GLOBALE DE SERVICE AUX FAMILLES 2022-2026",
      "",
      "",
      "PREF013",
      expect.stringMatching(/^2022-04-\d{2}$/),
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^\d+$/),
      "https://deliberations.example.fr/deliberations/DL.2022-91",
    ]);
    const demo = await client.query(`SELECT number FROM deliberation WHERE is_demo AND status = 'PUBLISHED' LIMIT 1`);
    if (demo.rows[0]) expect(rows.map((row) => row[2])).not.toContain(demo.rows[0].number);
  });

  it("[scdl]: the export of one year holds that year's deliberations only", async () => {
    expect(await listScdlYears({ municipalityId, db })).toContain(2022);
    // Exactly the years holding a published real act, newest first (walked down the year index, one probe each).
    const { rows: expectedYears } = await client.query<{ year: number }>(
      `SELECT DISTINCT year FROM deliberation d WHERE municipality_id = $1 AND status = 'PUBLISHED' AND published_at IS NOT NULL AND NOT is_demo
         AND NOT EXISTS (SELECT 1 FROM deliberation n WHERE n.previous_version_id = d.id AND n.status = 'PUBLISHED') ORDER BY year DESC`,
      [municipalityId],
    );
    const { rows: allYears } = await client.query<{ year: number }>(`SELECT DISTINCT year FROM deliberation WHERE municipality_id = $1`, [municipalityId]);
    expect(allYears.length).toBeGreaterThan(expectedYears.length);
    expect(await listScdlYears({ municipalityId, db })).toEqual(expectedYears.map((row) => row.year));
    const [, ...rows] = parseCsv(await exportCsv(2022));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row[2]).toMatch(/^DL\.2022-/);
    const [, ...none] = parseCsv(await exportCsv(1999));
    expect(none).toEqual([]);
  });

  it("[scdl]: the stream reads the next batch only when its reader asks for more, by keyset, in number order", async () => {
    const other = await insertMunicipality(client, { members: 5 });
    for (const sequence of [1, 2, 3, 4, 5]) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO deliberation (id, municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject,
           matter_code, report, proposals, status, outcome)
         VALUES ($1, $2, $3, $4, 2022, $5, $5, $6, '7.10', 'Rapport.', 'APPROUVER.', 'TRANSMITTED', 'ADOPTED')`,
        [id, other.municipalityId, other.sittingId, `DL.2022-${sequence}`, sequence, `OBJET ${sequence}`],
      );
      await client.query(`UPDATE deliberation SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [id]);
    }
    // Every query of the export, counted on the real database.
    let batches = 0;
    const counting = db.$extends({
      query: {
        $queryRaw({ args, query }) {
          batches += 1;
          return query(args);
        },
      },
    }) as unknown as Db;
    const reader = scdlDeliberationsStream({ municipalityId: other.municipalityId, baseUrl: "https://deliberations.example.fr", db: counting, batchSize: 2 }).getReader();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    const decoder = new TextDecoder();
    const texts: string[] = [];
    const read = async () => {
      const chunk = await reader.read();
      if (!chunk.done) texts.push(decoder.decode(chunk.value));
      await settle();
      return chunk.done;
    };
    await settle();
    expect(batches).toBe(0);
    expect(await read()).toBe(false); // the header
    expect(batches).toBe(0);
    expect(await read()).toBe(false); // DL.2022-1 and 2
    expect(batches).toBe(1);
    expect(await read()).toBe(false); // DL.2022-3 and 4
    expect(batches).toBe(2);
    expect(await read()).toBe(false); // DL.2022-5, a short batch: the last
    expect(batches).toBe(3);
    expect(await read()).toBe(true);
    expect(batches).toBe(3);
    const [header, ...rows] = parseCsv(texts.join(""));
    expect(header).toEqual([...SCDL_COLUMNS]);
    expect(rows.map((row) => row[2])).toEqual(["DL.2022-1", "DL.2022-2", "DL.2022-3", "DL.2022-4", "DL.2022-5"]);
  });

  it("[scdl]: fields with commas, quotes or line breaks are quoted as RFC 4180 says", () => {
    const line = csvRecord(['CONVENTION "CTG", AVENANT', "a\nb", 3, null]);
    expect(line).toBe('"CONVENTION ""CTG"", AVENANT","a\nb",3,\r\n');
    expect(parseCsv(line)).toEqual([['CONVENTION "CTG", AVENANT', "a\nb", "3", ""]]);
  });

  it("[spreadsheet]: beside the SCDL file, the same rows open in a French spreadsheet: BOM, `;`, CRLF, French headings, JJ/MM/AAAA", async () => {
    let text = "";
    for await (const chunk of spreadsheetDeliberationsCsv({ municipalityId, baseUrl: "https://deliberations.example.fr", db })) text += chunk;
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.slice(1).split("\r\n")[0]).toBe(SPREADSHEET_HEADINGS.join(";"));
    // Every line ends with CRLF (no field of the reference case holds a line break).
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const records = parse(text, { delimiter: ";", bom: true, record_delimiter: "\r\n" }) as string[][];
    expect(records[0]).toEqual([...SPREADSHEET_HEADINGS]);
    const [, ...scdlRows] = parseCsv(await exportCsv());
    expect(records).toHaveLength(scdlRows.length + 1);
    const reference = records.find((row) => row[2] === "DL.2022-91");
    expect(reference?.slice(0, 7)).toEqual([
      "Ville d'Aix-en-Provence",
      "21130001700011",
      "DL.2022-91",
      "07/04/2022",
      "7.10",
      "finances locales/divers",
      "CAF - CONVENTION TERRITORIALE GLOBALE DE SERVICE AUX FAMILLES 2022-2026",
    ]);
    expect(reference?.[10]).toMatch(/^\d{2}\/04\/2022$/);
  });

  it("[spreadsheet]: a subject that a spreadsheet would run as a formula is neutralised there, and kept as typed in the SCDL file", async () => {
    const other = await insertMunicipality(client, { members: 5 });
    const subjects = [
      '=HYPERLINK("https://example.com/x";"Cliquez")',
      "+33 CONVENTION DE PARTENARIAT",
      "-2 % SUR LES TARIFS",
      "@SUM(A1:A9)",
      "\tTABULATION EN TÊTE",
      "\rRETOUR CHARIOT EN TÊTE",
      "SUBVENTION = 3 000 € ; AVENANT - 2",
    ];
    for (const [index, subject] of subjects.entries()) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO deliberation (id, municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject,
           matter_code, report, proposals, status, outcome)
         VALUES ($1, $2, $3, $4, 2022, $5, $5, $6, '7.10', 'Rapport.', 'APPROUVER.', 'TRANSMITTED', 'ADOPTED')`,
        [id, other.municipalityId, other.sittingId, `DL.2022-${index + 1}`, index + 1, subject],
      );
      await client.query(`UPDATE deliberation SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [id]);
    }
    const options = { municipalityId: other.municipalityId, baseUrl: "https://deliberations.example.fr", db };
    let scdl = "";
    for await (const chunk of scdlDeliberationsCsv(options)) scdl += chunk;
    let spreadsheet = "";
    for await (const chunk of spreadsheetDeliberationsCsv(options)) spreadsheet += chunk;

    const scdlSubjects = (parse(scdl, { columns: true }) as Record<string, string>[]).map((row) => row.DELIB_OBJET);
    expect(scdlSubjects).toEqual(subjects);
    const sheetRows = parse(spreadsheet, { delimiter: ";", bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];
    expect(sheetRows.map((row) => row.Objet)).toEqual([
      '\'=HYPERLINK("https://example.com/x";"Cliquez")',
      "'+33 CONVENTION DE PARTENARIAT",
      "'-2 % SUR LES TARIFS",
      "'@SUM(A1:A9)",
      "'\tTABULATION EN TÊTE",
      "'\rRETOUR CHARIOT EN TÊTE",
      // Only the start of a cell makes a formula: the rest is kept.
      "SUBVENTION = 3 000 € ; AVENANT - 2",
    ]);
    // The figures stay numbers, the collectivity's name and the address stay text as typed.
    expect(sheetRows[0]).toMatchObject({ Numéro: "DL.2022-1", "Code matière": "7.10", "Adresse de l'acte": "https://deliberations.example.fr/deliberations/DL.2022-1" });
  });
});
