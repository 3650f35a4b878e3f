import { PdfComposer, type DocumentInfo } from "@/lib/pdf/pdf-composer";

export const APP_NAME = "Registre des délibérations";

/** A new document of the register, its metadata naming the portal as creator. */
export function createRegisterDocument(info: Omit<DocumentInfo, "creator">): Promise<PdfComposer> {
  return PdfComposer.create({ ...info, creator: APP_NAME });
}
