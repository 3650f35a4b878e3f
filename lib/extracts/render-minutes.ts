import type { PDFDocument } from "pdf-lib";
import { describeOutcome, formatDateFr, formatTimeFr, SECRETARY_LABEL } from "@/lib/domain";
import { fullName, inPlace, nameWithRole, ofMunicipality, sittingKindLabel } from "@/lib/deliberations/extract-wording";
import type { MinutesItem, MinutesRecord } from "@/lib/minutes/minutes-record";
import { CONTENT_WIDTH } from "@/lib/pdf/page-geometry";
import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { bold, plain } from "@/lib/pdf/text-runs";
import { attendanceLists } from "./sections/attendance";
import { createRegisterDocument } from "./sections/document";
import { demoNotice, documentHeading } from "./sections/heading";
import { namesSentence, titledNames } from "./sections/names";
import { markdownText, reportAndProposals, reportHeading } from "./sections/report";
import { certifiedSeal, type CertifiedSeal } from "./sections/seal";
import { presidencyLine, sittingLine } from "./sections/sitting";
import { tallyTable, castingVoteLine, namedVotes } from "./sections/vote";

// The procès-verbal (L2121-15) as a PDF, from its record frozen at
// publication: the sitting, its officers and roll call, the quorum, then each
// agenda item with, for a deliberation, its report, proposals, quorum, tally
// and named votes, the substance of the discussions, the adoption, and the
// places for the signatures of the mayor and the secretary.

export type MinutesDocument = {
  record: MinutesRecord;
  isDemo: boolean;
  adoption: { adoptedAt: Date; result: string; observations: string | null; approvingSittingStartsAt: Date };
  publishedAt: Date;
};

function openingSection(pdf: PdfComposer, record: MinutesRecord, startsAt: Date): void {
  const { sitting } = record;
  const zone = record.municipality.timeZone;
  pdf.paragraph(
    plain(
      `Le ${formatDateFr(startsAt, zone)} à ${formatTimeFr(startsAt, zone)}, le conseil municipal ${ofMunicipality(record.municipality.name)}, ` +
        `réuni en séance ${sittingKindLabel(sitting.kind).toLowerCase()} ${inPlace(sitting.place)}, ` +
        (sitting.convocationDate ? `sur convocation du ${formatDateFr(sitting.convocationDate)} adressée par ${nameWithRole(sitting.convenedBy)}, ` : "") +
        `a siégé sous la présidence de ${nameWithRole(sitting.president)}.`,
    ),
    { align: "justify", spaceAfter: 6 },
  );
  pdf.paragraph(plain(`Membres en exercice : ${sitting.membersInOffice}.`), { spaceAfter: 4 });
  if (record.rollCall) attendanceLists(pdf, record.rollCall);
  else pdf.paragraph(plain("Aucune liste de présence n'est enregistrée pour cette séance."), { spaceAfter: 4 });
  pdf.paragraph(plain(`${SECRETARY_LABEL} de séance : ${fullName(sitting.secretary)}.`), { spaceBefore: 4, spaceAfter: 4 });
  if (sitting.reconvened) pdf.paragraph(plain("Séance reconvoquée après défaut de quorum : le conseil délibère sans condition de quorum (article L 2121-17 du CGCT)."));
  if (record.movements.length > 0) {
    titledNames(pdf, "Arrivées, départs et pouvoirs en cours de séance :", record.movements.join(" "), { before: 4, after: 2, textAfter: 6 });
  }
}

function agendaSection(pdf: PdfComposer, items: readonly MinutesItem[]): void {
  pdf.paragraph(bold("ORDRE DU JOUR"), { size: 11, spaceBefore: 8, spaceAfter: 4, keepWithNext: true });
  for (const item of items) pdf.paragraph(plain(`${item.position}. ${item.title}`), { indent: 12, spaceAfter: 2 });
}

function clerkText(pdf: PdfComposer, title: string, text: string | null): void {
  if (!text) return;
  pdf.paragraph(bold(title), { spaceBefore: 6, spaceAfter: 3, keepWithNext: true });
  markdownText(pdf, text);
}

function deliberationSection(pdf: PdfComposer, record: MinutesRecord, deliberation: NonNullable<MinutesItem["deliberation"]>): void {
  pdf.paragraph(bold(`Délibération n° ${deliberation.number}`), { spaceBefore: 4, spaceAfter: 2, keepWithNext: true });
  reportHeading(pdf, {
    sittingStartsAt: new Date(record.sitting.startsAt),
    zone: record.municipality.timeZone,
    service: deliberation.service,
    matterCode: deliberation.matterCode,
    rapporteur: deliberation.rapporteur,
    policyHeading: deliberation.policyHeading,
    subject: deliberation.reportSubject ?? deliberation.subject,
  });
  reportAndProposals(pdf, deliberation);
  if (deliberation.quorum) pdf.paragraph(plain(deliberation.quorum.message), { spaceBefore: 4, spaceAfter: 4 });
  const { vote } = deliberation;
  if (vote) {
    if (vote.secret) pdf.paragraph(bold("Scrutin secret"), { spaceAfter: 4 });
    tallyTable(pdf, vote);
    if (vote.castingVote) castingVoteLine(pdf, vote.castingVote);
    if (!vote.secret) titledNames(pdf, "Ont voté pour", namesSentence(vote.votedFor), { before: 6, after: 2 });
    namedVotes(pdf, vote);
  } else if (deliberation.outcome !== "WITHDRAWN") {
    pdf.paragraph(plain("Le décompte des voix n'est pas enregistré."), { spaceBefore: 4 });
  }
  const outcome = vote?.result ?? deliberation.outcome;
  if (outcome === "WITHDRAWN") pdf.paragraph(bold("Retiré de l'ordre du jour : ce rapport n'a pas été mis aux voix."), { spaceBefore: 6 });
  else if (outcome) pdf.paragraph(bold(`Le Conseil Municipal a ${describeOutcome({ outcome, tally: vote })} le rapport qui précède.`), { spaceBefore: 6, keepTogether: true });
}

function itemSection(pdf: PdfComposer, record: MinutesRecord, item: MinutesItem): void {
  const zone = record.municipality.timeZone;
  pdf.rule({ spaceBefore: 8, spaceAfter: 6 });
  pdf.paragraph(bold(`${item.position}. ${item.title}`), { size: 11, spaceAfter: 4, keepWithNext: true });
  if (item.approval) {
    const result = item.approval.result ? `Le procès-verbal de la séance du ${formatDateFr(item.approval.sittingStartsAt, zone)} est ${item.approval.result}.` : "Le vote d'approbation n'est pas enregistré.";
    pdf.paragraph(plain(result), { spaceAfter: 2 });
    if (item.approval.observations) clerkText(pdf, "Observations :", item.approval.observations);
  }
  if (item.deliberation) deliberationSection(pdf, record, item.deliberation);
  else if (item.kind === "DELIBERATION") pdf.paragraph(plain("Ce point n'a pas été mis aux voix."), { spaceAfter: 2 });
  clerkText(pdf, "Synthèse des débats :", item.discussion);
}

function adoptionAndSignatures(pdf: PdfComposer, { adoption, publishedAt, record }: MinutesDocument): void {
  const zone = record.municipality.timeZone;
  pdf.rule({ spaceBefore: 10, spaceAfter: 6 });
  pdf.paragraph(
    plain(`Procès-verbal ${adoption.result} par le conseil municipal en sa séance du ${formatDateFr(adoption.approvingSittingStartsAt, zone)}, publié le ${formatDateFr(publishedAt, zone)}.`),
    { spaceAfter: 4, keepWithNext: true },
  );
  clerkText(pdf, "Observations lors de l'adoption :", adoption.observations);
  pdf.space(10);
  pdf.ensureSpace(90);
  const half = CONTENT_WIDTH / 2;
  pdf.columns(
    [
      { lines: [plain("Le Maire, Président de séance,"), plain(fullName(record.sitting.president))], x: 0, width: half - 10 },
      { lines: [plain(`Le ${SECRETARY_LABEL.toLowerCase()} de séance,`), plain(fullName(record.sitting.secretary))], x: half + 10, width: half - 10, align: "right" },
    ],
    { spaceAfter: 60 },
  );
}

export async function renderMinutes({ document, seal }: { document: MinutesDocument; seal: CertifiedSeal }): Promise<PDFDocument> {
  const { record } = document;
  const startsAt = new Date(record.sitting.startsAt);
  const day = formatDateFr(startsAt, record.municipality.timeZone);
  const pdf = await createRegisterDocument({
    title: `Procès-verbal de la séance du ${day}`,
    author: record.municipality.name,
    subject: `Conseil municipal ${ofMunicipality(record.municipality.name)}, séance du ${day}`,
    keywords: ["procès-verbal", "conseil municipal", record.municipality.communeName],
  });
  documentHeading(pdf, [
    { text: "PROCÈS-VERBAL", size: 14, spaceAfter: 4 },
    { text: `DU CONSEIL MUNICIPAL ${ofMunicipality(record.municipality.name).toLocaleUpperCase("fr-FR")}`, size: 12, spaceAfter: 8 },
  ]);
  if (document.isDemo) demoNotice(pdf, "conseil municipal fictif, cette séance n'a jamais eu lieu.");
  sittingLine(pdf, { isPublic: record.sitting.isPublic, startsAt }, record.municipality.timeZone);
  presidencyLine(pdf, record.sitting.president, "heading");
  if (record.version > 1) {
    pdf.paragraph(bold(`Version ${record.version}, qui remplace la précédente : ${record.correctionReason ?? ""}`), { spaceAfter: 6 });
  }
  openingSection(pdf, record, startsAt);
  agendaSection(pdf, record.items);
  clerkText(pdf, "Ouverture de la séance :", record.opening);
  clerkText(pdf, "Urgence :", record.urgencyRuling);
  clerkText(pdf, "Demandes de scrutin :", record.ballotRequests);
  for (const item of record.items) itemSection(pdf, record, item);
  adoptionAndSignatures(pdf, document);
  await certifiedSeal(pdf, seal, { certifies: "Procès-verbal certifié conforme", signed: "Signé" }, record.municipality.timeZone);
  return pdf.finish({ runningHeader: `Procès-verbal — ${record.municipality.name} — séance du ${day}` });
}
