import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/audit/append-audit-event";
import type { DocumentSigner } from "@/lib/signing/document-signer";
import { describeCertificate } from "@/lib/signing/describe-certificate";
import { signPdfDocument } from "@/lib/signing/sign-pdf";
import type { PDFDocument } from "pdf-lib";
import type { ExtractDeliberation, ExtractMunicipality, ExtractSeal } from "./extract-types";
import { renderDeliberationExtract } from "./render-deliberation-extract";
import { newVerificationCode } from "./verification-code";

// Builds the certified extract of a deliberation, signed: pure of the
// database, so that tests and the benchmark can call it directly.

export type BuiltExtract = {
  bytes: Uint8Array;
  sha256: string;
  verificationCode: string;
  signerName: string;
  certificateFingerprint: string;
  issuedAt: Date;
};

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The digest of what an extract is built from: the same record gives the same digest. */
export function sourceDigest(source: unknown): string {
  return sha256Hex(canonicalJson(JSON.parse(JSON.stringify(source))));
}

export function verificationUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/$/, "")}/verifier?code=${encodeURIComponent(code)}`;
}

export function extractFileName(number: string): string {
  return `${number}-extrait.pdf`;
}

/** Renders with a certified seal (code, URL, signer), then signs: the one path of every issued PDF. */
export async function buildSignedPdf({
  render,
  signer,
  baseUrl,
  reason,
  location,
  issuedAt = new Date(),
  verificationCode = newVerificationCode(),
}: {
  render: (seal: Extract<ExtractSeal, { kind: "certified" }>) => Promise<PDFDocument>;
  signer: DocumentSigner;
  baseUrl: string;
  reason: string;
  location: string;
  issuedAt?: Date;
  verificationCode?: string;
}): Promise<BuiltExtract> {
  const leaf = signer.certificateChain[0];
  if (!leaf) throw new Error("La chaîne de certificats du signataire est vide.");
  const certificate = describeCertificate(leaf);
  const url = verificationUrl(baseUrl, verificationCode);
  const doc = await render({ kind: "certified", signerName: certificate.commonName, issuedAt, verificationCode, verificationUrl: url });
  const bytes = await signPdfDocument(doc, signer, {
    name: certificate.commonName,
    reason,
    location,
    contactInfo: url,
    signingTime: issuedAt,
  });
  return {
    bytes,
    sha256: sha256Hex(bytes),
    verificationCode,
    signerName: certificate.commonName,
    certificateFingerprint: certificate.fingerprint256,
    issuedAt,
  };
}

export async function buildSignedDeliberationExtract({
  municipality,
  deliberation,
  signer,
  baseUrl,
  issuedAt,
  verificationCode,
}: {
  municipality: ExtractMunicipality;
  deliberation: ExtractDeliberation;
  signer: DocumentSigner;
  baseUrl: string;
  issuedAt?: Date;
  verificationCode?: string;
}): Promise<BuiltExtract> {
  return buildSignedPdf({
    render: (seal) => renderDeliberationExtract({ municipality, deliberation, seal }),
    signer,
    baseUrl,
    reason: `Extrait certifié conforme du registre des délibérations, n° ${deliberation.number}`,
    location: municipality.communeName,
    issuedAt,
    verificationCode,
  });
}
