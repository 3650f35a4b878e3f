import { formatDateFr, matterLabel } from "@/lib/domain";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import { fullName } from "@/lib/deliberations/extract-wording";
import type { ReportHeadingFacts } from "@/lib/deliberations/report-heading";
import { markdownBlocks } from "@/lib/pdf/markdown-blocks";
import { CONTENT_WIDTH } from "@/lib/pdf/page-geometry";
import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { bold, plain } from "@/lib/pdf/text-runs";


/** "7.5 Subventions", or the bare code when the nomenclature does not know it. */
export function matterWording(code: string): string {
  try {
    return `${code} ${matterLabel(code)}`;
  } catch {
    return code;
  }
}

/** "Madame … donne lecture du rapport ci-joint." */
export function reportReading(pdf: PdfComposer, rapporteur: CouncillorRef): void {
  pdf.paragraph(plain(`${fullName(rapporteur)} donne lecture du rapport ci-joint.`), { spaceBefore: 2 });
}

/** The report's heading block: service, title and nomenclature side by side, then rapporteur, policy and subject. */
export function reportHeading(pdf: PdfComposer, report: ReportHeadingFacts): void {
  pdf.rule({ spaceBefore: 10, spaceAfter: 10 });
  const third = CONTENT_WIDTH / 3;
  pdf.columns(
    [
      { lines: (report.service ?? "").split(/\s+\/\s+|\n/).filter(Boolean).map(plain), x: 0, width: third - 8 },
      { lines: [bold(`RAPPORT POUR LE CONSEIL MUNICIPAL DU ${formatDateFr(report.sittingStartsAt, report.zone).toLocaleUpperCase("fr-FR")}`)], x: third, width: third, align: "center" },
      { lines: [plain(`Nomenclature : ${matterWording(report.matterCode)}`)], x: 2 * third + 8, width: third - 8, align: "right" },
    ],
    { size: 9, spaceAfter: 10 },
  );
  if (report.rapporteur) {
    pdf.paragraph([...bold("RAPPORTEUR"), ...plain(` : ${fullName(report.rapporteur)}`)], { spaceAfter: 4 });
  }
  if (report.policyHeading) pdf.paragraph(bold(`Politique Publique : ${report.policyHeading}`), { spaceAfter: 4 });
  pdf.paragraph([...bold("OBJET"), ...plain(` : ${report.subject}`)], { spaceAfter: 10 });
}

/** A text typed in Markdown (paragraphs and bullets), justified: the report, the proposals. */
export function markdownText(pdf: PdfComposer, source: string): void {
  for (const block of markdownBlocks(source)) {
    block.lines.forEach((runs, index) => {
      const first = index === 0;
      const last = index === block.lines.length - 1;
      pdf.paragraph(runs, {
        size: 9.5,
        align: "justify",
        indent: block.kind === "bullet" ? 18 : 0,
        marker: block.kind === "bullet" && first ? "•" : undefined,
        spaceAfter: last ? 6 : 1,
      });
    });
  }
}

/** The report's text, then the proposals put to the vote. */
export function reportAndProposals(pdf: PdfComposer, { report, proposals }: { report: string; proposals: string }): void {
  markdownText(pdf, report);
  pdf.space(4);
  markdownText(pdf, proposals);
}
