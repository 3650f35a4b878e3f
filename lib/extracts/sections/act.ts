import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { bold, plain } from "@/lib/pdf/text-runs";

/** Under the heading of a rectified act: its version and the reason. */
export function rectificationNotice(pdf: PdfComposer, act: { version: number; rectificationReason: string | null }): void {
  if (act.version <= 1) return;
  pdf.paragraph(plain(`Version rectifiée n° ${act.version}${act.rectificationReason ? ` : ${act.rectificationReason}` : ""}.`), {
    size: 9.5,
    align: "center",
    spaceAfter: 6,
  });
}

/** "OBJET : …", the act's subject above the convocation. */
export function actSubject(pdf: PdfComposer, subject: string): void {
  pdf.paragraph(bold(`OBJET : ${subject}`), { size: 10.5, spaceBefore: 8, spaceAfter: 8 });
}
