import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import type { getPublishedDeliberation } from "@/lib/deliberations/get-published-deliberation";
import { buildSignedDeliberationExtract } from "@/lib/extracts/build-deliberation-extract";
import type { ExtractMunicipality } from "@/lib/extracts/extract-types";
import { coversWholeFile, embeddedSignature, findByteRanges } from "@/lib/signing/byte-range";
import { createDatabase } from "./support/database";
import { nssDatabaseTrusting, run, testIdentity, writeFile, type TestIdentity } from "./support/extract-fixtures";

// The reference extract (DL.2022-91) built from the seeded record, signed with
// the development identity, then checked by poppler's pdfsig and pdftotext
// and by OpenSSL: tools that know nothing of our code.

const REFERENCE_TEXT = readFileSync("/work/shared/reference/aix-DL-2022-91.txt", "utf8");

/** Every name (capitalised words, as the register prints surnames) and every figure of the reference text. */
function namesAndFigures(text: string): string[] {
  const figures = text.match(/\d+(?:[.,/-]\d+)*/g) ?? [];
  const names = text.match(/(?:Monsieur|Madame) [A-ZÀ-Ýa-zà-ÿ'-]+(?: [A-ZÀ-Ý'-]{2,}| -)*(?: [A-ZÀ-Ý][A-ZÀ-Ý'-]+)*/g) ?? [];
  return [...new Set([...figures, ...names.map((name) => name.replace(/\s+/g, " ").trim())])];
}

describe("signed extract of the reference deliberation", () => {
  let db: Db;
  let identity: TestIdentity;
  let pdfPath: string;
  let pdf: Uint8Array;
  let nssDir: string;

  beforeAll(async () => {
    const url = await createDatabase("registre_extract_signature", { seeded: "reference" });
    db = createPrismaClient(url);
    process.env.DATABASE_URL = url;
    const { getPublishedDeliberation: load } = (await import("@/lib/deliberations/get-published-deliberation")) as {
      getPublishedDeliberation: typeof getPublishedDeliberation;
    };
    const municipality = (await db.municipality.findFirstOrThrow({
      select: { id: true, name: true, communeName: true, appealNotice: true, annexNotice: true, timeZone: true },
    })) satisfies ExtractMunicipality & { id: string };
    const deliberation = await load({ municipalityId: municipality.id, number: "DL.2022-91" });
    if (!deliberation) throw new Error("reference deliberation missing");
    identity = await testIdentity();
    const built = await buildSignedDeliberationExtract({
      municipality,
      deliberation,
      signer: identity.signer,
      baseUrl: "https://registre.example.fr",
    });
    pdf = built.bytes;
    pdfPath = writeFile(identity.directory, "DL.2022-91-extrait.pdf", pdf);
    if (process.env.REGISTRE_KEEP_EXTRACT) writeFile(process.env.REGISTRE_KEEP_EXTRACT, "DL.2022-91-extrait.pdf", pdf);
    nssDir = nssDatabaseTrusting(identity.directory, identity.rootPemPath);
  });
  afterAll(async () => {
    await db?.$disconnect();
  });

  it("[extract]: pdftotext finds every name and figure of the reference extract", () => {
    const text = run("pdftotext", ["-layout", pdfPath, "-"]).replace(/[\u00a0\u202f]/g, " ");
    const flat = text.replace(/\s+/g, " ");
    const missing = namesAndFigures(REFERENCE_TEXT).filter((token) => !flat.includes(token.replace(/\s+/g, " ")));
    expect(missing).toEqual([]);
    expect(flat).toMatch(/\b1\/\d\b/);
  });

  it("[extract]: pdfsig finds exactly one valid signature covering the whole document, by a trusted certificate", () => {
    const output = run("pdfsig", ["-nssdir", `sql:${nssDir}`, pdfPath]);
    expect(output.match(/Signature #\d+:/g)).toHaveLength(1);
    expect(output).toContain("Signature is Valid.");
    expect(output).toContain("Total document signed");
    expect(output).toContain("Certificate is Trusted.");
    expect(output).toContain("ETSI.CAdES.detached");
  });

  it("[extract]: one flipped byte inside the signed range gives a digest mismatch", () => {
    const [range] = findByteRanges(pdf);
    if (!range) throw new Error("no byte range");
    const tampered = new Uint8Array(pdf);
    // A byte of page content, well inside the first signed range.
    const target = Math.floor(range[1] / 2);
    tampered[target] = (tampered[target] ?? 0) ^ 0x01;
    const file = writeFile(identity.directory, "flipped.pdf", tampered);
    expect(run("pdfsig", ["-nssdir", `sql:${nssDir}`, file])).toContain("Digest Mismatch.");
  });

  it("[extract]: bytes appended after signing are reported as not total document signed", () => {
    const appended = Buffer.concat([pdf, Buffer.from("\n% appended after signing\n")]);
    const file = writeFile(identity.directory, "appended.pdf", appended);
    const output = run("pdfsig", ["-nssdir", `sql:${nssDir}`, file]);
    expect(output).toContain("Not total document signed");
  });

  it("[extract]: the byte range covers the whole file and openssl cms accepts the signature with the development root", () => {
    const ranges = findByteRanges(pdf);
    expect(ranges).toHaveLength(1);
    const range = ranges[0] ?? [0, 0, 0, 0];
    expect(coversWholeFile(range, pdf.length, pdf)).toBe(true);
    const cms = writeFile(identity.directory, "signature.der", embeddedSignature(pdf, range));
    const content = writeFile(
      identity.directory,
      "signed-content.bin",
      Buffer.concat([pdf.subarray(0, range[1]), pdf.subarray(range[2], range[2] + range[3])]),
    );
    const output = run("openssl", [
      "cms", "-verify", "-binary", "-inform", "DER", "-in", cms, "-content", content,
      "-CAfile", identity.rootPemPath, "-purpose", "any", "-out", "/dev/null",
    ]);
    expect(output).toContain("Verification successful");
    const attributes = run("openssl", ["cms", "-cmsout", "-print", "-inform", "DER", "-in", cms]);
    expect(attributes).toContain("id-smime-aa-signingCertificateV2");
    expect(attributes).not.toContain("signingTime");
  });
});
