import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import type * as ImportScdl from "@/lib/import/scdl/import-scdl-file";
import { SCDL_COLUMNS, type ScdlColumn } from "@/lib/opendata/scdl-columns";
import { connect, createDatabase, runtimeDatabaseUrl } from "./support/database";

// The SCDL import on a real PostgreSQL holding the reference case (Ville
// d'Aix-en-Provence, SIREN 211300017, DL.2022-91 entered and published by
// Registre): all or nothing, --skip-invalid, a second import creates nothing,
// a dry run changes nothing, another SIREN refused or its municipality
// created, a differing row a conflict never applied, a published act never
// overwritten; and once through the command itself, in a process of its own.

const projectRoot = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(projectRoot, "tests/fixtures/scdl");
const scratch = mkdtempSync(path.join(os.tmpdir(), "registre-import-scdl-"));
const DATABASE = "registre_import_scdl";

type Row = Partial<Record<ScdlColumn, string>>;

const AIX_ROW: Row = {
  COLL_NOM: "Ville d'Aix-en-Provence",
  COLL_SIRET: "21130001700011",
  DELIB_MATIERE_CODE: "7.5",
  DELIB_MATIERE_NOM: "finances locales/subventions",
  PREF_ID: "PREF013",
  VOTE_EFFECTIF: "55",
  VOTE_REEL: "50",
  VOTE_POUR: "45",
  VOTE_CONTRE: "3",
  VOTE_ABSTENTION: "2",
};

let files = 0;
/** An SCDL file of these rows, `;`-separated with a byte order mark and CRLF, as a French spreadsheet saves it. */
function scdlFile(rows: Row[], name = `file-${(files += 1)}.csv`): string {
  const quote = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [SCDL_COLUMNS.join(";"), ...rows.map((row) => SCDL_COLUMNS.map((column) => quote(row[column] ?? "")).join(";"))];
  const file = path.join(scratch, name);
  writeFileSync(file, `\uFEFF${lines.join("\r\n")}\r\n`);
  return file;
}

const act = (id: string, day: string, subject: string, more: Row = {}): Row => ({ ...AIX_ROW, DELIB_ID: id, DELIB_DATE: day, DELIB_OBJET: subject, ...more });

const THREE = [
  act("AP D 21-07-1", "2021/07/02 00:00:00+00", "Subvention à l'association « Les Amis du Vieux Aix » ; exercice 2021"),
  act("AP D 21-07-2", "02/07/2021", "Convention avec la CAF\r\npour l'accueil de loisirs", { PREF_DATE: "2021-07-05" }),
  act("2011-02-007", "2011-02-10", "Tarifs des cantines scolaires", { DELIB_MATIERE_CODE: "", DELIB_MATIERE_NOM: "Finances locales/Fiscalité" }),
];

describe("SCDL import", () => {
  let client: pg.Client;
  let db: Db;
  let modules: typeof ImportScdl & { createPrismaClient: typeof createPrismaClient };

  beforeAll(async () => {
    const url = await createDatabase(DATABASE, { seeded: "reference" });
    client = await connect(url);
    modules = { ...(await import("@/lib/import/scdl/import-scdl-file")), createPrismaClient: (await import("@/lib/db/prisma")).createPrismaClient };
    db = modules.createPrismaClient(runtimeDatabaseUrl(DATABASE));
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
    rmSync(scratch, { recursive: true, force: true });
  });

  const importFile = (filePath: string, options: Partial<Omit<ImportScdl.ScdlImportOptions, "db" | "filePath">> = {}) =>
    modules.importScdlFile({ db, filePath, municipalitySlug: "aix-en-provence", ...options });
  const counts = async () => {
    const { rows } = await client.query(
      `SELECT (SELECT count(*)::int FROM deliberation) AS deliberations, (SELECT count(*)::int FROM sitting) AS sittings,
              (SELECT count(*)::int FROM archive_import) AS imports, (SELECT count(*)::int FROM audit_event) AS events,
              (SELECT count(*)::int FROM municipality) AS municipalities`,
    );
    return rows[0] as { deliberations: number; sittings: number; imports: number; events: number; municipalities: number };
  };

  it("[import]: one bad row and nothing is written; the report names its line, its column and why", async () => {
    const before = await counts();
    const file = scdlFile([...THREE, act("AP D 21-07-3", "31/06/2021", "Un jour qui n'existe pas"), act("AP D 21-07-4", "2021-07-02", "Vote impossible", { VOTE_POUR: "40" })]);
    const report = await importFile(file);
    expect(report.refused).toBe(true);
    expect(report.importId).toBeNull();
    expect(report.invalid).toEqual([
      { line: 6, field: "DELIB_DATE", message: "« 31/06/2021 » n'est pas une date : ce jour n'existe pas." },
      { line: 7, field: "VOTE_REEL", message: expect.stringMatching(/Les votants \(50\) ne sont pas la somme des voix pour, contre et des abstentions \(45\)/) },
    ]);
    // Line 3's subject spans two physical lines: the next record starts on line 5.
    expect(report.totals).toMatchObject({ rowsRead: 5, created: 3 });
    expect(await counts()).toEqual(before);
  });

  it("[import]: --dry-run reads everything, says what it would write, and changes nothing", async () => {
    const before = await counts();
    const report = await importFile(scdlFile(THREE), { dryRun: true });
    expect(report).toMatchObject({ refused: false, dryRun: true, importId: null, totals: { rowsRead: 3, created: 3, unchanged: 0 } });
    expect(await counts()).toEqual(before);
  });

  it("[import]: --skip-invalid writes the valid rows, published at their date, with one audit event for the file", async () => {
    const before = await counts();
    const file = scdlFile([...THREE, act("AP D 21-07-3", "31/06/2021", "Un jour qui n'existe pas")], "deliberations-2021.csv");
    const report = await importFile(file, { skipInvalid: true });
    expect(report).toMatchObject({ refused: false, totals: { rowsRead: 4, created: 3, skipped: 1 }, invalid: [{ line: 6, field: "DELIB_DATE" }] });
    expect(report.importId).toEqual(expect.any(String));
    expect(report.notes).toMatchObject({ encoding: "utf-8", delimiter: ";", extraColumns: [], municipality: { slug: "aix-en-provence", created: false } });
    const acts = await client.query(
      `SELECT d.number, d.status, d.subject, d.matter_code, d.voted_at::text AS day, v.participants, v.votes_for, r.authority, r.received_at::text AS received
       FROM deliberation d LEFT JOIN vote v ON v.deliberation_id = d.id LEFT JOIN prefecture_receipt r ON r.deliberation_id = d.id
       WHERE d.archive_import_id = $1 ORDER BY d.voted_at, d.number`,
      [report.importId],
    );
    expect(acts.rows).toEqual([
      { number: "2011-02-007", status: "PUBLISHED", subject: "Tarifs des cantines scolaires", matter_code: "7.2", day: "2011-02-10", participants: 50, votes_for: 45, authority: "PREF013", received: null },
      { number: "AP D 21-07-1", status: "PUBLISHED", subject: "Subvention à l'association « Les Amis du Vieux Aix » ; exercice 2021", matter_code: "7.5", day: "2021-07-02", participants: 50, votes_for: 45, authority: "PREF013", received: null },
      { number: "AP D 21-07-2", status: "PUBLISHED", subject: "Convention avec la CAF\npour l'accueil de loisirs", matter_code: "7.5", day: "2021-07-02", participants: 50, votes_for: 45, authority: "PREF013", received: "2021-07-05" },
    ]);
    const stored = await client.query(`SELECT file_name, rows_read, acts_created, rows_skipped FROM archive_import WHERE id = $1`, [report.importId]);
    expect(stored.rows[0]).toEqual({ file_name: "deliberations-2021.csv", rows_read: 4, acts_created: 3, rows_skipped: 1 });
    const after = await counts();
    expect(after.events - before.events).toBe(1);
    const event = await client.query(`SELECT action, after FROM audit_event ORDER BY id DESC LIMIT 1`);
    expect(event.rows[0]).toMatchObject({ action: "archive.import", after: { fileName: "deliberations-2021.csv", created: 3 } });
  });

  it("[import]: the same file twice creates nothing the second time", async () => {
    const before = await counts();
    const report = await importFile(scdlFile(THREE));
    expect(report).toMatchObject({ refused: false, totals: { rowsRead: 3, created: 0, unchanged: 3, conflicts: 0 } });
    const after = await counts();
    expect(after.deliberations).toBe(before.deliberations);
    expect(after.sittings).toBe(before.sittings);
  });

  it("[import]: a row that differs from the stored act is a conflict, named by its column, never applied", async () => {
    const changed = [THREE[0]!, { ...THREE[1]!, DELIB_OBJET: "Convention avec la CAF (texte corrigé)", VOTE_POUR: "44", VOTE_CONTRE: "4" }];
    const refused = await importFile(scdlFile(changed));
    expect(refused.refused).toBe(true);
    expect(refused.conflicts).toEqual([
      {
        line: 3,
        identifier: "AP D 21-07-2",
        day: "2021-07-02",
        number: "AP D 21-07-2",
        fields: expect.arrayContaining([
          { field: "DELIB_OBJET", stored: "Convention avec la CAF\npour l'accueil de loisirs", given: "Convention avec la CAF (texte corrigé)" },
          { field: "VOTE_POUR", stored: 45, given: 44 },
          { field: "VOTE_CONTRE", stored: 3, given: 4 },
        ]),
      },
    ]);
    const skipped = await importFile(scdlFile(changed), { skipInvalid: true });
    expect(skipped.totals).toMatchObject({ created: 0, unchanged: 1, conflicts: 1 });
    const stored = await client.query(`SELECT subject FROM deliberation WHERE number = 'AP D 21-07-2'`);
    expect(stored.rows[0].subject).toBe("Convention avec la CAF\npour l'accueil de loisirs");
  });

  it("[import]: an act published by Registre is recognised, and never overwritten by a differing row", async () => {
    const reference = await client.query(`SELECT id, subject, updated_at FROM deliberation WHERE number = 'DL.2022-91' AND archive_import_id IS NULL`);
    expect(reference.rows).toHaveLength(1);
    // The portal's own spreadsheet export of the act comes back unchanged.
    const same = await importFile(path.join(fixtures, "aix-spreadsheet.csv"));
    expect(same).toMatchObject({ refused: false, totals: { created: 0, unchanged: 1 } });
    const differing = await importFile(scdlFile([act("DL.2022-91", "2022-04-07", "CAF - CONVENTION TERRITORIALE GLOBALE (autre objet)", { VOTE_EFFECTIF: "", VOTE_REEL: "", VOTE_POUR: "", VOTE_CONTRE: "", VOTE_ABSTENTION: "" })]), {
      skipInvalid: true,
    });
    expect(differing.conflicts).toEqual([expect.objectContaining({ identifier: "DL.2022-91", number: "DL.2022-91", fields: [expect.objectContaining({ field: "DELIB_OBJET" })] })]);
    const after = await client.query(`SELECT subject, updated_at FROM deliberation WHERE id = $1`, [reference.rows[0].id]);
    expect(after.rows[0]).toEqual({ subject: reference.rows[0].subject, updated_at: reference.rows[0].updated_at });
  });

  it("[import]: rows of another SIREN are refused; a file of a town the portal lacks, unless asked to create it", async () => {
    const poitiers = (id: string) => ({ ...act(id, "2017-10-15", "Politique montagne"), COLL_NOM: "Ville de Poitiers", COLL_SIRET: "21860194600013", PREF_ID: "PREF086" });
    const mixed = await importFile(scdlFile([THREE[0]!, poitiers("1DL15494")]));
    expect(mixed.refused).toBe(true);
    expect(mixed.invalid).toEqual([{ line: 3, field: "COLL_SIRET", message: expect.stringMatching(/Le SIREN 218601946 .* n'est pas celui de Ville d'Aix-en-Provence \(211300017\)/) }]);

    const file = scdlFile([poitiers("1DL15494"), poitiers("1DL15495")]);
    await expect(importFile(file, { municipalitySlug: null })).rejects.toThrow(/Aucune collectivité du portail n'a le SIREN 218601946/);
    await expect(importFile(file, { municipalitySlug: "poitiers" })).rejects.toThrow(/pas de collectivité « poitiers » : --create-municipality/);
    const before = await counts();
    const tried = await importFile(file, { municipalitySlug: null, createMunicipality: true, dryRun: true });
    expect(tried.notes.municipality).toMatchObject({ slug: "poitiers", created: true });
    expect(await counts()).toEqual(before);

    const created = await importFile(file, { municipalitySlug: null, createMunicipality: true });
    expect(created).toMatchObject({ refused: false, totals: { created: 2 }, notes: { municipality: { slug: "poitiers", name: "Ville de Poitiers", siren: "218601946", created: true } } });
    expect(created.notes.municipality.defaults.join("\n")).toMatch(/département 086 \(lu dans le SIREN\)/);
    const town = await client.query(`SELECT id, name, commune_name, siret, department_code, members_in_office, time_zone FROM municipality WHERE slug = 'poitiers'`);
    expect(town.rows[0]).toMatchObject({ name: "Ville de Poitiers", commune_name: "Poitiers", siret: "21860194600013", department_code: "086", members_in_office: 55, time_zone: "Europe/Paris" });
    const events = await client.query(`SELECT action FROM audit_event WHERE municipality_id = $1 ORDER BY id`, [town.rows[0].id]);
    expect(events.rows.map((row) => row.action)).toEqual(["municipality.create", "archive.import"]);
    // The national derogation windows come with it, as with any municipality (trigger).
    expect(Number((await client.query(`SELECT count(*) FROM derogation_window WHERE municipality_id = $1`, [town.rows[0].id])).rows[0].count)).toBeGreaterThan(0);
  });

  it("[import]: a Windows-1252 file keeps its accents", async () => {
    const report = await importFile(path.join(fixtures, "plessis-trevise-2017.csv"), { municipalitySlug: null, createMunicipality: true });
    expect(report).toMatchObject({ refused: false, totals: { rowsRead: 1, created: 1 }, notes: { encoding: "windows-1252", blankRows: 1, municipality: { name: "Le Plessis-Trévise", slug: "le-plessis-trevise" } } });
    expect(report.notes.extraColumns).toEqual(["colonne 18 (sans titre)", "colonne 19 (sans titre)"]);
    const stored = await client.query(`SELECT subject FROM deliberation WHERE archive_import_id = $1`, [report.importId]);
    expect(stored.rows[0].subject).toBe("Approbation du procès-verbal de la séance précédente");
  });

  function runCommand(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", path.join(projectRoot, "lib/import/cli/import.ts"), ...args],
        { cwd: projectRoot, env: { ...process.env, DATABASE_URL: runtimeDatabaseUrl(DATABASE), DATABASE_OWNER_URL: "" }, timeout: 120_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code: unknown }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  it("[import]: the command imports, reports in JSON, and says a refusal by its exit code", async () => {
    const file = scdlFile([act("2019-045", "2019-05-20", "Dénomination de la place Jean Moulin", { DELIB_MATIERE_CODE: "", DELIB_MATIERE_NOM: "" })], "export-2019.csv");
    const written = await runCommand([file, "--json"]);
    expect(written.code, written.stderr).toBe(0);
    const report = JSON.parse(written.stdout);
    expect(report).toMatchObject({ ok: true, format: "scdl", fileName: "export-2019.csv", totals: { rowsRead: 1, created: 1 }, notes: { municipality: { slug: "aix-en-provence" } } });
    expect(report.process.peakRssMiB).toBeGreaterThan(0);
    expect(written.stderr).toMatch(/Format deviné : scdl/);

    const refused = await runCommand([scdlFile([act("2019-046", "2019-02-30", "Jour impossible")]), "--municipality", "aix-en-provence"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/ligne 2, DELIB_DATE : « 2019-02-30 » n'est pas une date : ce jour n'existe pas\./);
    expect(refused.stdout).toMatch(/Import refusé : rien n'a été écrit/);

    // Old minutes: the proposal is printed, names matched to the council, and nothing is saved.
    const before = (await client.query(`SELECT count(*)::int AS n FROM deliberation`)).rows[0].n;
    const minutes = await runCommand(["/work/shared/reference/aix-DL-2022-91.txt", "--format", "minutes", "--json", "--municipality", "aix-en-provence"]);
    expect(minutes.code, minutes.stderr).toBe(0);
    const proposal = JSON.parse(minutes.stdout);
    expect(proposal.sittings[0]).toMatchObject({ date: "2022-04-07", hour: "14:00", secretary: "Kayané BIANCO" });
    expect(proposal.sittings[0].present).toHaveLength(40);
    expect(proposal.sittings[0].proxies).toContainEqual({ giver: "Laurence ANGELETTI", holder: "Pierre-Paul CALENDINI" });
    expect(proposal.sittings[0].matches.every((match: { councillorId: string | null }) => match.councillorId !== null)).toBe(true);
    expect((await client.query(`SELECT count(*)::int AS n FROM deliberation`)).rows[0].n).toBe(before);
  });
});
