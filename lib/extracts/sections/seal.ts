import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { bold, plain } from "@/lib/pdf/text-runs";
import type { ExtractSeal } from "../extract-types";
import { formatSealTime } from "../seal-wording";

export type CertifiedSeal = Extract<ExtractSeal, { kind: "certified" }>;
export type WorkingDocumentSeal = Extract<ExtractSeal, { kind: "working-document" }>;

/**
 * The signed document's seal: what it certifies ("Extrait certifié conforme
 * au registre"), who signed ("Signé" or "Signée", agreeing with the
 * document's noun), when, its verification code and a QR code to /verifier.
 */
export async function certifiedSeal(
  pdf: PdfComposer,
  seal: CertifiedSeal,
  wording: { certifies: string; signed: "Signé" | "Signée" },
  zone: string,
): Promise<void> {
  await pdf.seal(
    [
      bold(wording.certifies),
      plain(`${wording.signed} électroniquement par ${seal.signerName}`),
      plain(`le ${formatSealTime(seal.issuedAt, zone)}`),
      [...plain("Code de vérification : "), ...bold(seal.verificationCode)],
      plain(`Vérifiez ce document : ${seal.verificationUrl}`),
    ],
    seal.verificationUrl,
  );
}

/** In place of a seal, an unsigned working document says who printed it and when, and is stamped on every page. */
export function workingDocumentSeal(pdf: PdfComposer, seal: WorkingDocumentSeal, zone: string): void {
  pdf.framed(
    [
      { runs: bold("Document de travail non signé"), size: 9 },
      { runs: plain(`Édité le ${formatSealTime(seal.issuedAt, zone)} par ${seal.issuedBy}, avant publication de l'acte.`), size: 9 },
    ],
    { spaceBefore: 10 },
  );
  pdf.watermark("DOCUMENT DE TRAVAIL");
}
