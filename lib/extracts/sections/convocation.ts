import { convocationParagraph } from "@/lib/deliberations/extract-wording";
import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { plain } from "@/lib/pdf/text-runs";

/** "Le 7 avril 2022 à 14h00, le Conseil Municipal … s'est réuni … sur la convocation …" */
export function convocation(pdf: PdfComposer, sitting: Parameters<typeof convocationParagraph>[0]): void {
  pdf.paragraph(plain(convocationParagraph(sitting)), { align: "justify", spaceAfter: 8 });
}
