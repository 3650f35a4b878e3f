import { formatDateShortFr, formatWeekdayDateFr, isoDay, REJECTED_NOT_EXECUTORY, REJECTED_NOT_TRANSMITTED } from "@/lib/domain";
import { executoryStatusOf } from "@/lib/deliberations/deliberation-record";
import { CONTENT_WIDTH } from "@/lib/pdf/page-geometry";
import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { bold, plain, type TextRun } from "@/lib/pdf/text-runs";

export type ReceiptFacts = Parameters<typeof executoryStatusOf>[0] & {
  receipt: { actesId: string; receivedAt: Date; signedAt: Date | null } | null;
};

/**
 * The framed prefecture receipt and, for an act that was decided, the
 * certification of its executory character step by step (publication is
 * stated further down, under the signatures).
 */
export function receiptAndExecutoryBox(
  pdf: PdfComposer,
  act: ReceiptFacts,
  { withdrawn, rejected = false, zone }: { withdrawn: boolean; rejected?: boolean; zone: string },
): void {
  const { receipt } = act;
  // A report withdrawn from the agenda was never transmitted: nothing to certify unless a receipt exists.
  if (withdrawn && !receipt) return;
  // Nor was a rejected act: said plainly, instead of a certification of unticked steps.
  if (rejected && !receipt) {
    pdf.framed([{ runs: plain(REJECTED_NOT_TRANSMITTED) }], { width: CONTENT_WIDTH * 0.78, spaceBefore: 4 });
    return;
  }
  const lines: { runs: TextRun[]; size?: number }[] = [{ runs: bold("Accusé de réception en préfecture"), size: 10 }];
  if (receipt) {
    lines.push(
      { runs: plain(`Identifiant : ${receipt.actesId}`) },
      { runs: plain(`Date de signature : ${receipt.signedAt ? formatDateShortFr(isoDay(receipt.signedAt)) : "non renseignée"}`) },
      { runs: plain(`Date de réception : ${formatWeekdayDateFr(isoDay(receipt.receivedAt))}`) },
    );
  } else {
    lines.push({ runs: plain("Aucun accusé de réception n'est enregistré pour cet acte.") });
  }
  if (rejected) lines.push({ runs: plain(REJECTED_NOT_EXECUTORY) });
  else if (!withdrawn) {
    lines.push({ runs: bold("POUR CERTIFICATION DU CARACTÈRE EXÉCUTOIRE :") });
    for (const step of executoryStatusOf(act, zone).steps.filter((candidate) => candidate.key !== "PUBLISHED")) {
      lines.push({ runs: plain(`- ${step.label.toLocaleUpperCase("fr-FR")} ${step.done ? "✓" : "✗ (non)"}`) });
    }
  }
  pdf.framed(lines, { width: CONTENT_WIDTH * 0.78, spaceBefore: 4 });
}
