import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import type { getPublishedDeliberation } from "@/lib/deliberations/get-published-deliberation";
import { renderDeliberationExtract } from "@/lib/extracts/render-deliberation-extract";
import { createDatabase } from "./support/database";
import { run, testIdentity, writeFile } from "./support/extract-fixtures";

// Every published deliberation of the demo data (rejected, withdrawn, secret
// ballot, casting vote, votes against…) gives an extract whose text states
// its own case.

describe("extracts of the demo cases", () => {
  let db: Db;
  let load: typeof getPublishedDeliberation;
  let municipality: { id: string; name: string; communeName: string; appealNotice: string; annexNotice: string | null; timeZone: string };
  let directory: string;

  beforeAll(async () => {
    const url = await createDatabase("registre_extract_demo_cases", { seeded: "demo" });
    db = createPrismaClient(url);
    process.env.DATABASE_URL = url;
    ({ getPublishedDeliberation: load } = await import("@/lib/deliberations/get-published-deliberation"));
    municipality = await db.municipality.findFirstOrThrow({ select: { id: true, name: true, communeName: true, appealNotice: true, annexNotice: true, timeZone: true } });
    directory = (await testIdentity()).directory;
  });
  afterAll(async () => {
    await db?.$disconnect();
  });

  async function extractText(number: string): Promise<string> {
    const deliberation = await load({ municipalityId: municipality.id, number });
    if (!deliberation) throw new Error(`${number} is not published`);
    const doc = await renderDeliberationExtract({
      municipality,
      deliberation,
      seal: { kind: "certified", signerName: "Test", issuedAt: new Date(), verificationCode: "TEST-0000-0000", verificationUrl: "https://example.fr/verifier" },
    });
    const file = writeFile(directory, `${number}.pdf`, await doc.save());
    return run("pdftotext", [file, "-"]).replace(/[\u00a0\u202f]/g, " ");
  }

  // An archived act has no certified extract (its page says so): the acts entered here.
  const numbers = (where: object) => db.deliberation.findMany({ where: { status: "PUBLISHED", archiveImportId: null, ...where }, select: { number: true } });

  it("[extract]: every published deliberation renders with its number, subject and page count, and a demo one says it is fictional", async () => {
    const published = await db.deliberation.findMany({ where: { status: "PUBLISHED", archiveImportId: null }, select: { number: true, subject: true, isDemo: true } });
    expect(published.length).toBeGreaterThan(5);
    for (const { number, subject, isDemo } of published) {
      const text = (await extractText(number)).replace(/\s+/g, " ");
      // Fictional acts say so, on the PDF as on the pages.
      expect(text.includes("DONNÉES DE DÉMONSTRATION")).toBe(isDemo);
      expect(text).toContain(`N° ${number}`);
      expect(text).toContain(subject.replace(/\s+/g, " ").slice(0, 40));
      expect(text).toMatch(/\b1\/\d+\b/);
    }
  });

  it("[extract]: a secret ballot names no one and says so", async () => {
    const [secret] = await numbers({ vote: { secret: true } });
    if (!secret) throw new Error("no secret ballot in the demo data");
    const text = await extractText(secret.number);
    expect(text).toContain("Scrutin secret");
    expect(text).not.toContain("Ont voté contre");
  });

  it("[extract]: a withdrawn report has no tally and says it was withdrawn", async () => {
    const [withdrawn] = await numbers({ outcome: "WITHDRAWN" });
    if (!withdrawn) throw new Error("no withdrawn deliberation in the demo data");
    const text = await extractText(withdrawn.number);
    expect(text).toContain("Retiré de l'ordre du jour");
    expect(text).not.toContain("Suffrages Exprimés");
  });

  it("[extract]: votes against are listed by name", async () => {
    const [against] = await numbers({ vote: { votesAgainst: { gt: 0 }, secret: false } });
    if (!against) throw new Error("no vote against in the demo data");
    const text = await extractText(against.number);
    const after = text.slice(text.indexOf("Ont voté contre"));
    expect(after.slice(0, 200)).toMatch(/(Monsieur|Madame) /);
  });
});
