import { formatDateFr, formatDateShortFr, isoDay } from "@/lib/domain";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import { nameWithRole } from "@/lib/deliberations/extract-wording";
import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { plain } from "@/lib/pdf/text-runs";

/** The posting of the act's summary (L2121-25), its note call "¹" leading to the appeal notice. */
export function postingLine(pdf: PdfComposer, postedAt: Date): void {
  pdf.paragraph(plain(`Compte-rendu de la délibération affiché le : ${formatDateShortFr(isoDay(postedAt))} (articles L2121-25 et R 2121-11 du C.G.C.T.) ¹`), {
    keepTogether: true,
  });
}

/** "Mis en ligne le …, sous l'autorité de …" */
export function publicationLine(pdf: PdfComposer, { publishedAt, president }: { publishedAt: Date; president: CouncillorRef }, zone: string): void {
  pdf.paragraph(plain(`Mis en ligne le ${formatDateFr(publishedAt, zone)}, sous l'autorité de ${nameWithRole(president)}.`));
}

/** Below a rule, the municipality's notice on appeals (the note "¹"). */
export function appealNotice(pdf: PdfComposer, notice: string): void {
  pdf.rule({ spaceBefore: 8, spaceAfter: 6 });
  pdf.paragraph(plain(`¹ ${notice}`), { size: 8.5, align: "justify", keepTogether: true });
}
