import { CONTENT_WIDTH } from "@/lib/pdf/page-geometry";
import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { plain, type TextRun } from "@/lib/pdf/text-runs";

/** The act's annexes (those not public are "consultable sur place") and the municipality's notice, framed; nothing when both are empty. */
export function annexNotice(pdf: PdfComposer, { annexes, notice }: { annexes: { title: string; isPublic: boolean }[]; notice: string | null }): void {
  if (!notice && annexes.length === 0) return;
  const lines: { runs: TextRun[]; size?: number; align?: "center" }[] = [];
  for (const annex of annexes) {
    lines.push({ runs: plain(`Annexe : ${annex.title}${annex.isPublic ? "" : " (consultable sur place)"}`), size: 8.5, align: "center" });
  }
  for (const paragraph of (notice ?? "").split(/\n\s*\n/).filter(Boolean)) {
    for (const line of paragraph.split("\n")) lines.push({ runs: plain(line), size: 8.5, align: "center" });
  }
  pdf.framed(lines, { width: CONTENT_WIDTH * 0.7, spaceBefore: 10 });
}
