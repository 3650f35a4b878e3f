import { formatDateFr } from "@/lib/domain";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import { nameWithRole } from "@/lib/deliberations/extract-wording";
import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { bold, plain } from "@/lib/pdf/text-runs";

/** "Séance publique du 7 avril 2022", bold and centred. */
export function sittingLine(pdf: PdfComposer, sitting: { isPublic: boolean; startsAt: Date }, zone: string): void {
  pdf.paragraph(bold(`${sitting.isPublic ? "Séance publique" : "Séance à huis clos"} du ${formatDateFr(sitting.startsAt, zone)}`), { size: 11, align: "center", spaceAfter: 2 });
}

/**
 * "Présidence de Madame …, Maire", centred: a heading line on an act (bold,
 * as the register prints it), a plain line above the place on a list.
 */
export function presidencyLine(pdf: PdfComposer, president: CouncillorRef, style: "heading" | "line"): void {
  const text = `Présidence de ${nameWithRole(president)}`;
  if (style === "heading") pdf.paragraph(bold(text), { size: 11, align: "center", spaceAfter: 8 });
  else pdf.paragraph(plain(text), { align: "center", spaceAfter: 2 });
}
