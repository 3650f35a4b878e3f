import { PDFDocument } from "pdf-lib";

/**
 * Whether the bytes are a PDF, judged by the content and not by the name or
 * the type the browser announced: the "%PDF-" signature, then a document
 * pdf-lib can open with at least one page.
 */
export async function isPdfContent(bytes: Uint8Array): Promise<boolean> {
  const signature = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (!signature.includes("%PDF-")) return false;
  try {
    const document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    return document.getPageCount() > 0;
  } catch {
    return false;
  }
}
