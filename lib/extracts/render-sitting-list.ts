import type { PDFDocument } from "pdf-lib";
import { describeOutcome, formatDateFr, formatDateShortFr } from "@/lib/domain";
import { nameWithRole, ofMunicipality } from "@/lib/deliberations/extract-wording";
import { CONTENT_WIDTH } from "@/lib/pdf/page-geometry";
import { PdfComposer } from "@/lib/pdf/pdf-composer";
import { bold, plain } from "@/lib/pdf/text-runs";
import type { PublicSitting } from "@/lib/sittings/get-public-sitting";
import type { ExtractMunicipality, ExtractSeal } from "./extract-types";
import { APP_NAME } from "./render-deliberation-extract";
import { formatSealTime } from "./seal-wording";
import { agree, countOf } from "@/lib/domain/plural";

// The list of the deliberations examined at a sitting (L2121-25): number,
// subject and decision of each, in the order of the sitting, then the seal.

export type SittingListSource = Pick<
  PublicSitting,
  "startsAt" | "isPublic" | "isDemo" | "kind" | "place" | "president" | "listPostedAt" | "deliberations"
>;

export async function renderSittingList({
  municipality,
  sitting,
  seal,
}: {
  municipality: ExtractMunicipality;
  sitting: SittingListSource;
  seal: Extract<ExtractSeal, { kind: "certified" }>;
}): Promise<PDFDocument> {
  const day = formatDateFr(sitting.startsAt);
  const pdf = await PdfComposer.create({
    title: `Liste des délibérations de la séance du ${day}`,
    author: municipality.name,
    subject: `Conseil municipal ${ofMunicipality(municipality.name)}, séance du ${day}`,
    keywords: ["liste des délibérations", "conseil municipal", municipality.communeName],
    creator: APP_NAME,
  });
  pdf.paragraph(bold("LISTE DES DÉLIBÉRATIONS"), { size: 14, align: "center", spaceAfter: 4 });
  pdf.paragraph(bold(`DU CONSEIL MUNICIPAL ${ofMunicipality(municipality.name).toLocaleUpperCase("fr-FR")}`), { size: 12, align: "center", spaceAfter: 8 });
  if (sitting.isDemo) {
    pdf.framed([{ runs: bold("DONNÉES DE DÉMONSTRATION : conseil municipal fictif, cette séance n'a jamais eu lieu."), size: 9.5, align: "center" }]);
  }
  pdf.paragraph(bold(`${sitting.isPublic ? "Séance publique" : "Séance à huis clos"} du ${day}`), { size: 11, align: "center", spaceAfter: 2 });
  pdf.paragraph(plain(`Présidence de ${nameWithRole(sitting.president)}`), { align: "center", spaceAfter: 2 });
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
  if (sitting.listPostedAt) pdf.paragraph(plain(`Liste affichée le ${formatDateShortFr(sitting.listPostedAt)}.`));

  await pdf.seal(
    [
      bold("Liste certifiée conforme au registre"),
      plain(`Signée électroniquement par ${seal.signerName}`),
      plain(`le ${formatSealTime(seal.issuedAt)}`),
      [...plain("Code de vérification : "), ...bold(seal.verificationCode)],
      plain(`Vérifiez ce document : ${seal.verificationUrl}`),
    ],
    seal.verificationUrl,
  );
  return pdf.finish({ runningHeader: `Liste des délibérations — ${municipality.name} — séance du ${day}` });
}
