import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import type { getDeliberationExtract } from "@/lib/extracts/get-deliberation-extract";
import type { getSittingListExtract } from "@/lib/extracts/get-sitting-list-extract";
import type { verifyIssuedExtract } from "@/lib/extracts/verify-issued-extract";
import { sha256Hex } from "@/lib/extracts/build-deliberation-extract";
import { connect, createDatabase } from "./support/database";
import { run, writeFile } from "./support/extract-fixtures";

// Issued once, stored, served as stored: the second download is the same
// bytes; the stored row cannot be changed; a rectification gets a new extract
// and the old one is reported as replaced.

type Modules = {
  getDeliberationExtract: typeof getDeliberationExtract;
  getSittingListExtract: typeof getSittingListExtract;
  verifyIssuedExtract: typeof verifyIssuedExtract;
};

describe("stored extracts", () => {
  let db: Db;
  let client: pg.Client;
  let modules: Modules;
  let municipality: { id: string; name: string; communeName: string; appealNotice: string; annexNotice: string | null };
  const dataDir = mkdtempSync(path.join(tmpdir(), "registre-extract-store-"));

  beforeAll(async () => {
    const url = await createDatabase("registre_extract_storage", { seeded: "reference" });
    db = createPrismaClient(url);
    client = await connect(url);
    process.env.DATABASE_URL = url;
    process.env.REGISTRE_DATA_DIR = dataDir;
    modules = {
      ...(await import("@/lib/extracts/get-deliberation-extract")),
      ...(await import("@/lib/extracts/get-sitting-list-extract")),
      ...(await import("@/lib/extracts/verify-issued-extract")),
    };
    municipality = await db.municipality.findFirstOrThrow({ select: { id: true, name: true, communeName: true, appealNotice: true, annexNotice: true } });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  it("[extract]: the first download issues and stores the extract, the next ones serve the same bytes", async () => {
    const first = await modules.getDeliberationExtract({ municipality, number: "DL.2022-91" });
    const second = await modules.getDeliberationExtract({ municipality, number: "DL.2022-91" });
    expect(first?.fileName).toBe("DL.2022-91-extrait.pdf");
    expect(second?.sha256).toBe(first?.sha256);
    expect(sha256Hex(second?.content ?? new Uint8Array())).toBe(first?.sha256);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM issued_extract WHERE kind = 'DELIBERATION'`);
    expect(rows[0].n).toBe(1);
    const audit = await client.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'extract.issue'`);
    expect(audit.rows[0].n).toBe(1);
    // The development identity was made in the data directory on first use.
    expect(run("ls", [path.join(dataDir, "signing")])).toContain("development-identity.json");
  });

  it("[extract]: an unknown or unpublished number has no extract", async () => {
    expect(await modules.getDeliberationExtract({ municipality, number: "DL.2022-9999" })).toBeNull();
  });

  it("[extract]: the database refuses to change or delete an issued extract", async () => {
    await expect(client.query(`UPDATE issued_extract SET file_name = 'autre.pdf'`)).rejects.toThrow(/cannot be changed or deleted/);
    await expect(client.query(`DELETE FROM issued_extract`)).rejects.toThrow(/cannot be changed or deleted/);
  });

  it("[extract]: the signed list of the sitting's deliberations is issued once and names DL.2022-91", async () => {
    const first = await modules.getSittingListExtract({ municipality, date: "2022-04-07" });
    const second = await modules.getSittingListExtract({ municipality, date: "2022-04-07" });
    expect(first?.fileName).toBe("seance-2022-04-07-liste-des-deliberations.pdf");
    expect(second?.sha256).toBe(first?.sha256);
    const file = writeFile(dataDir, "liste.pdf", first?.content ?? new Uint8Array());
    const text = run("pdftotext", [file, "-"]);
    expect(text).toContain("DL.2022-91");
    expect(text).toContain("CAF - CONVENTION TERRITORIALE GLOBALE");
    expect(run("pdfsig", [file])).toContain("Signature is Valid.");
    expect(await modules.getSittingListExtract({ municipality, date: "2022-04-08" })).toBeNull();
  });

  it("[extract]: a rectification issues a new extract and /verifier reports the old one as replaced", async () => {
    const original = await modules.getDeliberationExtract({ municipality, number: "DL.2022-91" });
    const originalList = await modules.getSittingListExtract({ municipality, date: "2022-04-07" });
    await client.query(`
      INSERT INTO deliberation (municipality_id, sitting_id, number, year, sequence, version, previous_version_id,
        rectification_reason, order_in_sitting, subject, matter_code, report, proposals, status, outcome, voted_at)
      SELECT municipality_id, sitting_id, number, year, sequence, 2, id, 'Erreur matérielle dans l''objet',
        order_in_sitting, subject || ' (rectifiée)', matter_code, report, proposals, 'VOTED', outcome, voted_at
      FROM deliberation WHERE number = 'DL.2022-91' AND version = 1`);
    await client.query(`UPDATE deliberation SET status = 'PUBLISHED', published_at = now() WHERE number = 'DL.2022-91' AND version = 2`);

    const rectified = await modules.getDeliberationExtract({ municipality, number: "DL.2022-91" });
    expect(rectified?.sha256).not.toBe(original?.sha256);
    const file = writeFile(dataDir, "rectifie.pdf", rectified?.content ?? new Uint8Array());
    expect(run("pdftotext", [file, "-"])).toContain("Version rectifiée n° 2");

    const old = await modules.verifyIssuedExtract({ municipalityId: municipality.id, lookup: { sha256: original?.sha256 ?? "" } });
    expect(old?.deliberation?.number).toBe("DL.2022-91");
    expect(old?.newer?.href).toBe("/deliberations/DL.2022-91/extrait.pdf");
    const current = await modules.verifyIssuedExtract({ municipalityId: municipality.id, lookup: { verificationCode: rectified?.verificationCode ?? "" } });
    expect(current?.deliberation?.version).toBe(2);
    expect(current?.newer).toBeNull();

    const newList = await modules.getSittingListExtract({ municipality, date: "2022-04-07" });
    expect(newList?.sha256).not.toBe(originalList?.sha256);
    const oldList = await modules.verifyIssuedExtract({ municipalityId: municipality.id, lookup: { sha256: originalList?.sha256 ?? "" } });
    expect(oldList?.newer?.href).toBe("/seances/2022-04-07/liste-des-deliberations.pdf");
  });

  it("[extract]: a file the portal did not issue is not recognised", async () => {
    expect(await modules.verifyIssuedExtract({ municipalityId: municipality.id, lookup: { sha256: "0".repeat(64) } })).toBeNull();
  });
});
