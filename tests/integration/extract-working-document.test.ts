import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import type { buildWorkingDocument } from "@/lib/extracts/build-working-document";
import { createDatabase } from "./support/database";
import { run, writeFile } from "./support/extract-fixtures";

// Staff download of an unpublished deliberation: a working document, marked as
// such, never signed; refused without a back-office session.

describe("working document of an unpublished deliberation", () => {
  let db: Db;
  let build: typeof buildWorkingDocument;
  let staff: SessionUser;
  let draftId: string;
  let publishedId: string;
  const directory = mkdtempSync(path.join(tmpdir(), "registre-working-"));

  beforeAll(async () => {
    const url = await createDatabase("registre_extract_working_document", { seeded: "demo" });
    db = createPrismaClient(url);
    process.env.DATABASE_URL = url;
    ({ buildWorkingDocument: build } = await import("@/lib/extracts/build-working-document"));
    const municipality = await db.municipality.findFirstOrThrow({ select: { id: true } });
    staff = { id: "00000000-0000-4000-8000-000000000000", municipalityId: municipality.id, email: "agent@example.fr", name: "Agent Test", role: "STAFF" };
    draftId = (await db.deliberation.findFirstOrThrow({ where: { status: { not: "PUBLISHED" } }, select: { id: true } })).id;
    publishedId = (await db.deliberation.findFirstOrThrow({ where: { number: "DL.2022-91" }, select: { id: true } })).id;
  });
  afterAll(async () => {
    await db?.$disconnect();
  });

  it("[extract]: an unpublished deliberation gives an unsigned PDF marked « document de travail »", async () => {
    const document = await build({ user: staff, deliberationId: draftId });
    if (document.kind !== "working-document") throw new Error("expected a working document");
    expect(document.fileName).toMatch(/^DL\.\d{4}-\d+-v\d+-document-de-travail\.pdf$/);
    const file = writeFile(directory, document.fileName, document.bytes);
    expect(run("pdftotext", [file, "-"])).toContain("DOCUMENT DE TRAVAIL");
    expect(run("pdfsig", [file])).toContain("does not contain any signatures");
  });

  it("[extract]: a published deliberation sends staff to its certified extract", async () => {
    expect(await build({ user: staff, deliberationId: publishedId })).toEqual({ kind: "published", number: "DL.2022-91" });
  });

  it("[extract]: without a back-office session the working document is refused", async () => {
    await expect(build({ user: null, deliberationId: draftId })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("[extract]: a deliberation of another municipality is not found", async () => {
    await expect(build({ user: { ...staff, municipalityId: "00000000-0000-4000-8000-000000000001" }, deliberationId: draftId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
