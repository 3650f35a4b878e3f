import type { PDFDocument } from "pdf-lib";
import { describeOutcome, formatDateFr, formatDateShortFr, isoDay } from "@/lib/domain";
import { ofMunicipality } from "@/lib/deliberations/extract-wording";
import { CONTENT_WIDTH } from "@/lib/pdf/page-geometry";
import { bold, plain } from "@/lib/pdf/text-runs";
import type { PublicSitting } from "@/lib/sittings/get-public-sitting";
import type { ExtractMunicipality } from "./extract-types";
import { createRegisterDocument } from "./sections/document";
import { demoNotice, documentHeading } from "./sections/heading";
import { certifiedSeal, type CertifiedSeal } from "./sections/seal";
import { presidencyLine, sittingLine } from "./sections/sitting";
import { agree, countOf } from "@/lib/domain/plural";

// The list of the deliberations examined at a sitting (L2121-25): number,
// subject and decision of each, in the order of the sitting, then the seal.

/** A sitting held here: its place and president are known (an archived sitting has no certified list). */
export type SittingListSource = Pick<PublicSitting, "startsAt" | "isPublic" | "isDemo" | "kind" | "listPostedAt" | "deliberations"> & {
  place: string;
  president: NonNullable<PublicSitting["president"]>;
};

export async function renderSittingList({
  municipality,
  sitting,
  seal,
}: {
  municipality: ExtractMunicipality;
  sitting: SittingListSource;
  seal: CertifiedSeal;
}): Promise<PDFDocument> {
  const zone = municipality.timeZone;
  const day = formatDateFr(sitting.startsAt, zone);
  const pdf = await createRegisterDocument({
    title: `Liste des délibérations de la séance du ${day}`,
    author: municipality.name,
    subject: `Conseil municipal ${ofMunicipality(municipality.name)}, séance du ${day}`,
    keywords: ["liste des délibérations", "conseil municipal", municipality.communeName],
  });
  documentHeading(pdf, [
    { text: "LISTE DES DÉLIBÉRATIONS", size: 14, spaceAfter: 4 },
    { text: `DU CONSEIL MUNICIPAL ${ofMunicipality(municipality.name).toLocaleUpperCase("fr-FR")}`, size: 12, spaceAfter: 8 },
  ]);
  if (sitting.isDemo) demoNotice(pdf, "conseil municipal fictif, cette séance n'a jamais eu lieu.");
  sittingLine(pdf, sitting, zone);
  presidencyLine(pdf, sitting.president, "line");
  pdf.paragraph(plain(`Lieu : ${sitting.place}`), { align: "center", spaceAfter: 12 });
  pdf.paragraph(plain("Article L 2121-25 du Code Général des Collectivités Territoriales : liste des délibérations examinées par le conseil municipal au cours de la séance."), {
    size: 9,
    align: "justify",
    spaceAfter: 10,
  });

  const numberWidth = 82;
  const decisionWidth = 150;
  const subjectWidth = CONTENT_WIDTH - numberWidth - decisionWidth - 16;
  pdf.columns(
    [
      { lines: [bold("N°")], x: 0, width: numberWidth },
      { lines: [bold("Objet")], x: numberWidth + 8, width: subjectWidth },
      { lines: [bold("Décision")], x: numberWidth + subjectWidth + 16, width: decisionWidth },
    ],
    { size: 9.5, spaceAfter: 2 },
  );
  pdf.rule({ spaceBefore: 0, spaceAfter: 4 });
  for (const deliberation of sitting.deliberations) {
    const decision = deliberation.outcome ? describeOutcome({ outcome: deliberation.outcome, tally: deliberation.tally }) : "—";
    pdf.columns(
      [
        { lines: [plain(deliberation.number)], x: 0, width: numberWidth },
        { lines: [plain(deliberation.subject)], x: numberWidth + 8, width: subjectWidth },
        { lines: [plain(decision)], x: numberWidth + subjectWidth + 16, width: decisionWidth },
      ],
      { size: 9.5, spaceAfter: 6 },
    );
  }
  pdf.rule({ spaceBefore: 0, spaceAfter: 6 });
  pdf.paragraph(plain(`${countOf(sitting.deliberations.length, "délibération")} ${agree(sitting.deliberations.length, "publiée")}.`), { spaceAfter: 6 });
  if (sitting.listPostedAt) pdf.paragraph(plain(`Liste affichée le ${formatDateShortFr(isoDay(sitting.listPostedAt))}.`));

  await certifiedSeal(pdf, seal, { certifies: "Liste certifiée conforme au registre", signed: "Signée" }, zone);
  return pdf.finish({ runningHeader: `Liste des délibérations — ${municipality.name} — séance du ${day}` });
}
