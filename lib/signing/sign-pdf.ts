import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { SignPdf } from "@signpdf/signpdf";
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import type { PDFDocument } from "pdf-lib";
import { createCadesDetachedSignature } from "./cades-signature";
import type { DocumentSigner } from "./document-signer";

// One signature per file: the placeholder is added to the document as built,
// the file is saved once, and the CMS is written into the placeholder. Nothing
// re-saves a signed file.

/** Bytes reserved for the CMS: a chain of four RSA-4096 certificates fits. */
export const SIGNATURE_PLACEHOLDER_BYTES = 16_384;

class CadesSigner extends Signer {
  constructor(private readonly documentSigner: DocumentSigner) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    return Buffer.from(await createCadesDetachedSignature(new Uint8Array(content), this.documentSigner));
  }
}

export type SignatureDetails = { name: string; reason: string; location: string; contactInfo: string; signingTime: Date };

export async function signPdfDocument(doc: PDFDocument, signer: DocumentSigner, details: SignatureDetails): Promise<Uint8Array> {
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: details.reason,
    contactInfo: details.contactInfo,
    name: details.name,
    location: details.location,
    signingTime: details.signingTime,
    signatureLength: SIGNATURE_PLACEHOLDER_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: "Registre",
  });
  // Without object streams: the placeholder must be findable in the saved bytes.
  const unsigned = await doc.save({ useObjectStreams: false });
  const signed = await new SignPdf().sign(Buffer.from(unsigned), new CadesSigner(signer));
  return new Uint8Array(signed);
}
