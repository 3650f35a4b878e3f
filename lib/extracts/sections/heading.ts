import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { bold, plain } from "@/lib/pdf/text-runs";

export type HeadingLine = { text: string; size: number; spaceAfter: number };

/** The document's title, bold and centred, one paragraph per line. */
export function documentHeading(pdf: PdfComposer, lines: HeadingLine[]): void {
  for (const { text, size, spaceAfter } of lines) pdf.paragraph(bold(text), { size, align: "center", spaceAfter });
}

/** The framed warning that a document belongs to the fictional demo council. */
export function demoNotice(pdf: PdfComposer, text: string, options: { spaceBefore?: number } = {}): void {
  pdf.framed([{ runs: bold(`DONNÉES DE DÉMONSTRATION : ${text}`), size: 9.5, align: "center" }], options);
}

/** The framed warning at the top of a staff's working document (an act not yet published). */
export function workingDocumentNotice(pdf: PdfComposer): void {
  pdf.framed(
    [
      { runs: bold("DOCUMENT DE TRAVAIL — NON SIGNÉ, SANS VALEUR D'EXTRAIT CERTIFIÉ"), size: 10, align: "center" },
      { runs: plain("Cette délibération n'est pas publiée : ce document ne vaut ni ampliation ni preuve de son caractère exécutoire."), size: 8.5, align: "center" },
    ],
    { spaceBefore: 2 },
  );
}
