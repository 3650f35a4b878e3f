import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import type * as RegisterDocuments from "@/lib/extracts/get-register-documents";
import type * as RegisterSource from "@/lib/extracts/register-source";
import type { verifyIssuedExtract } from "@/lib/extracts/verify-issued-extract";
import { loadOrCreateDevelopmentIdentity } from "@/lib/signing/development-identity";
import { toAppError } from "@/lib/to-app-error";
import { connect, createDatabase } from "./support/database";
import { nssDatabaseTrusting, run, writeFile } from "./support/extract-fixtures";

// The register's sheets (R2121-9) of the demo council's year 2019: a closing
// sheet per sitting, then the table by date and the table by subject, numbered
// continuously through the year, each signed (pdfsig) and found by /verifier.

type Modules = typeof RegisterDocuments & typeof RegisterSource & { verifyIssuedExtract: typeof verifyIssuedExtract };

const YEAR = 2019;

describe("register sheets", () => {
  let db: Db;
  let client: pg.Client;
  let modules: Modules;
  let municipality: { id: string };
  let nssDir: string;
  const dataDir = mkdtempSync(path.join(tmpdir(), "registre-register-"));

  const textOf = (name: string, bytes: Uint8Array) => {
    const file = writeFile(dataDir, name, bytes);
    return { file, text: run("pdftotext", ["-layout", file, "-"]).replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ") };
  };
  const folios = (text: string) => [...text.matchAll(/Registre des délibérations 2019 — feuillet (\d+)/g)].map((match) => Number(match[1]));
  const signatureChecks = (file: string) => {
    const output = run("pdfsig", ["-nssdir", `sql:${nssDir}`, file]);
    expect(output).toContain("Signature is Valid.");
    expect(output).toContain("Total document signed");
    expect(output).toContain("Certificate is Trusted.");
  };

  beforeAll(async () => {
    const url = await createDatabase("registre_register_sheets", { seeded: "demo" });
    db = createPrismaClient(url);
    client = await connect(url);
    process.env.DATABASE_URL = url;
    process.env.REGISTRE_DATA_DIR = dataDir;
    modules = {
      ...(await import("@/lib/extracts/get-register-documents")),
      ...(await import("@/lib/extracts/register-source")),
      ...(await import("@/lib/extracts/verify-issued-extract")),
    };
    municipality = await db.municipality.findFirstOrThrow({ where: { slug: "aix-en-provence" }, select: { id: true } });
    // The portal's development identity is made in the data directory on first use; pdfsig trusts its root.
    const identity = await loadOrCreateDevelopmentIdentity(dataDir);
    nssDir = nssDatabaseTrusting(dataDir, writeFile(dataDir, "root.pem", identity.rootPem));
  });
  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  it("[register]: each closing sheet restates the order numbers and members present; sheets number on through the year; pdfsig validates", async () => {
    const slugs = await modules.listRegisterSittings({ municipalityId: municipality.id, year: YEAR, db });
    expect(slugs.length).toBeGreaterThanOrEqual(2);
    let expectedFirst = 1;
    for (const slug of slugs) {
      const sheet = await modules.getClosingSheet({ municipality, date: slug });
      expect(sheet?.fileName).toBe(`seance-${slug}-feuillet-de-cloture.pdf`);
      const { file, text } = textOf(`${slug}.pdf`, sheet!.content);
      const numbers = folios(text);
      expect(numbers[0]).toBe(expectedFirst);
      expect(numbers).toEqual(numbers.map((_, index) => expectedFirst + index));
      expectedFirst += numbers.length;

      const loaded = (await modules.loadClosingSheetSource({ municipalityId: municipality.id, date: slug, db }))!;
      expect(loaded.source.deliberations.length).toBeGreaterThan(0);
      for (const deliberation of loaded.source.deliberations) expect(text).toContain(deliberation.number);
      expect(loaded.source.present.length).toBeGreaterThan(20);
      for (const member of loaded.source.present) expect(text).toContain(member.lastName);
      expect(text).toContain("FEUILLET DE CLÔTURE");
      expect(text).toMatch(/Le Maire, président de séance/);
      expect(text).toMatch(/Le secrétaire de séance/);
      signatureChecks(file);
    }

    // The tables follow the closing sheets: by date, then by subject.
    const byDate = await modules.getRegisterTable({ municipality, year: YEAR, order: "date" });
    const dateText = textOf("table-date.pdf", byDate!.content);
    expect(folios(dateText.text)[0]).toBe(expectedFirst);
    const byMatter = await modules.getRegisterTable({ municipality, year: YEAR, order: "matter" });
    const matterText = textOf("table-matiere.pdf", byMatter!.content);
    expect(folios(matterText.text)[0]).toBe(expectedFirst + folios(dateText.text).length);
    const { entries } = await modules.listRegisterEntries({ municipalityId: municipality.id, year: YEAR, db });
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      expect(dateText.text).toContain(entry.number);
      expect(matterText.text).toContain(entry.number);
    }
    expect(matterText.text).toMatch(/7\.1 Décisions budgétaires/);
    signatureChecks(dateText.file);
    signatureChecks(matterText.file);
  });

  it("[register]: a stored sheet is served as stored, and /verifier names what it is", async () => {
    const [slug] = await modules.listRegisterSittings({ municipalityId: municipality.id, year: YEAR, db });
    const first = await modules.getClosingSheet({ municipality, date: slug! });
    const again = await modules.getClosingSheet({ municipality, date: slug! });
    expect(again?.sha256).toBe(first?.sha256);
    const verified = await modules.verifyIssuedExtract({ municipalityId: municipality.id, lookup: { sha256: first!.sha256 } });
    expect(verified).toMatchObject({ kind: "CLOSING_SHEET", sitting: { slug }, registerYear: null });
    const table = await modules.getRegisterTable({ municipality, year: YEAR, order: "matter" });
    const verifiedTable = await modules.verifyIssuedExtract({ municipalityId: municipality.id, lookup: { verificationCode: table!.verificationCode } });
    expect(verifiedTable).toMatchObject({ kind: "REGISTER_TABLE_BY_MATTER", registerYear: YEAR, sitting: null });
    const audit = await client.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'extract.issue' AND after->>'kind' = 'CLOSING_SHEET'`);
    expect(audit.rows[0].n).toBeGreaterThan(0);
    expect(await modules.getRegisterTable({ municipality, year: 1990, order: "date" })).toBeNull();
  });

  it("[register]: a second secretary gets a signature space; the sitting's own secretary cannot be listed again (RG022)", async () => {
    const [slug] = await modules.listRegisterSittings({ municipalityId: municipality.id, year: YEAR, db });
    const sitting = (await client.query(`SELECT id, secretary_id FROM sitting WHERE public_slug = $1 AND municipality_id = $2`, [slug, municipality.id])).rows[0];
    const other = (await client.query(`SELECT id, last_name FROM councillor WHERE municipality_id = $1 AND is_demo AND id <> $2 ORDER BY last_name LIMIT 1`, [municipality.id, sitting.secretary_id])).rows[0];
    await client.query(`INSERT INTO sitting_secretary (municipality_id, sitting_id, councillor_id, position) VALUES ($1, $2, $3, 2)`, [municipality.id, sitting.id, other.id]);
    const sheet = await modules.getClosingSheet({ municipality, date: slug! });
    const { text } = textOf("two-secretaries.pdf", sheet!.content);
    expect(text).toContain("Secrétaire de séance (1/2)");
    expect(text).toContain("Secrétaire de séance (2/2)");
    expect(text).toContain(other.last_name);
    const error = await client
      .query(`INSERT INTO sitting_secretary (municipality_id, sitting_id, councillor_id, position) VALUES ($1, $2, $3, 3)`, [municipality.id, sitting.id, sitting.secretary_id])
      .then(() => null, (caught: unknown) => caught as { code?: string });
    expect(error?.code).toBe("RG022");
    expect(toAppError(error)?.message).toMatch(/secrétaire/);
  });
});
