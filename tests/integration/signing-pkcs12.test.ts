import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { describeCertificate } from "@/lib/signing/describe-certificate";
import { loadDocumentSigner } from "@/lib/signing/get-document-signer";
import { signPdfDocument } from "@/lib/signing/sign-pdf";
import { nssDatabaseTrusting, run, testIdentity, writeFile, type TestIdentity } from "./support/extract-fixtures";

// The production path: the identity comes from a PKCS#12 file made by
// OpenSSL (AES-256 / PBKDF2, as OpenSSL 3 writes them), by path or in base64.

describe("signing identity from configuration", () => {
  let test: TestIdentity;
  let p12Path: string;

  beforeAll(async () => {
    test = await testIdentity();
    const key = writeFile(test.directory, "leaf.key", test.identity.leafKeyPem);
    const leaf = writeFile(test.directory, "leaf.pem", test.identity.leafPem);
    p12Path = path.join(test.directory, "identity.p12");
    execFileSync("openssl", [
      "pkcs12", "-export", "-inkey", key, "-in", leaf, "-certfile", test.rootPemPath,
      "-passout", "pass:phrase secrète", "-out", p12Path,
    ]);
  });

  it("[signature]: a PKCS#12 file by path gives the leaf certificate first, then its root", async () => {
    const signer = await loadDocumentSigner({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://registre@db.example.fr:5432/registre",
      PUBLIC_BASE_URL: "https://deliberations.example.fr",
      REGISTRE_SIGNING_P12_PATH: p12Path,
      REGISTRE_SIGNING_P12_PASSPHRASE: "phrase secrète",
    });
    expect(signer.source).toBe("pkcs12");
    expect(signer.certificateChain.map((der) => describeCertificate(der).commonName)).toEqual([
      "Registre - certificat de développement (sans valeur légale)",
      "Registre - AC racine de développement",
    ]);
  });

  it("[signature]: a PKCS#12 in base64 signs a PDF that pdfsig trusts", async () => {
    const signer = await loadDocumentSigner({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://registre@db.example.fr:5432/registre",
      PUBLIC_BASE_URL: "https://deliberations.example.fr",
      REGISTRE_SIGNING_P12_BASE64: readFileSync(p12Path).toString("base64"),
      REGISTRE_SIGNING_P12_PASSPHRASE: "phrase secrète",
    });
    const doc = await PDFDocument.create();
    doc.addPage();
    const signed = await signPdfDocument(doc, signer, { name: "Test", reason: "Test", location: "Aix", contactInfo: "", signingTime: new Date() });
    const file = writeFile(test.directory, "p12-signed.pdf", signed);
    const output = run("pdfsig", ["-nssdir", `sql:${nssDatabaseTrusting(test.directory, test.rootPemPath)}`, file]);
    expect(output).toContain("Signature is Valid.");
    expect(output).toContain("Certificate is Trusted.");
  });

  it("[signature]: a wrong passphrase is reported, not ignored", async () => {
    await expect(
      loadDocumentSigner({ PUBLIC_BASE_URL: "https://deliberations.example.fr", REGISTRE_SIGNING_P12_PATH: p12Path, REGISTRE_SIGNING_P12_PASSPHRASE: "mauvaise" }),
    ).rejects.toThrow(/phrase secrète incorrecte/);
  });

  it("[signature]: a real identity without an explicit PUBLIC_BASE_URL refuses to sign, naming the address it would have guessed", async () => {
    await expect(
      loadDocumentSigner({ NODE_ENV: "production", PORT: "3998", REGISTRE_SIGNING_P12_PATH: p12Path, REGISTRE_SIGNING_P12_PASSPHRASE: "phrase secrète" }),
    ).rejects.toThrow(/PUBLIC_BASE_URL ne l'est pas.*http:\/\/localhost:3998/);
  });

  it("[signature]: in production without a configured certificate, the development identity is refused", async () => {
    await expect(
      loadDocumentSigner({ NODE_ENV: "production", DATABASE_URL: "postgresql://registre@db.example.fr:5432/registre", REGISTRE_DATA_DIR: test.directory }),
    ).rejects.toThrow(/Aucun certificat de signature/);
  });
});
