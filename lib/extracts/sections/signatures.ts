import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import { withClosingPunctuation } from "@/lib/domain";
import { fullName, nameWithRole } from "@/lib/deliberations/extract-wording";
import { CONTENT_WIDTH } from "@/lib/pdf/page-geometry";
import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { plain } from "@/lib/pdf/text-runs";

export type Signatories = { president: CouncillorRef; cosignatory: CouncillorRef | null; cosignatoryTitle: string | null };

/** The president and the members present on the left; the cosignatory, with their title, on the right. */
export function signatures(pdf: PdfComposer, { president, cosignatory, cosignatoryTitle }: Signatories): void {
  pdf.space(8);
  const half = CONTENT_WIDTH / 2;
  pdf.columns(
    [
      { lines: [plain(`Ont signé ${nameWithRole(president)}`), plain("Président de séance et les membres du conseil présents :")], x: 0, width: half - 10 },
      {
        lines: cosignatory ? [...(cosignatoryTitle ? [plain(withClosingPunctuation(cosignatoryTitle, ","))] : []), plain(fullName(cosignatory))] : [],
        x: half + 10,
        width: half - 10,
        align: "right",
      },
    ],
    { spaceAfter: 10 },
  );
}
