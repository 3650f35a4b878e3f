import type { CouncillorRef } from "@/lib/deliberations/councillor-ref";
import { fullName } from "@/lib/deliberations/extract-wording";
import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { bold, plain } from "@/lib/pdf/text-runs";

/** "Madame A, Monsieur B." or, as the register writes an empty list, "NEANT". */
export function namesSentence(councillors: CouncillorRef[]): string {
  return councillors.length === 0 ? "NEANT" : `${councillors.map(fullName).join(", ")}.`;
}

/** A bold title kept with the justified sentence under it (a list of names). */
export function titledNames(pdf: PdfComposer, title: string, text: string, spacing: { before: number; after: number; textAfter?: number }): void {
  pdf.paragraph(bold(title), { spaceBefore: spacing.before, spaceAfter: spacing.after, keepWithNext: true });
  pdf.paragraph(plain(text), { align: "justify", spaceAfter: spacing.textAfter });
}
