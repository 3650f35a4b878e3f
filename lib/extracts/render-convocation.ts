import type { PDFDocument } from "pdf-lib";
import { formatDateFr, formatTimeFr, formatWeekdayDateFr } from "@/lib/domain/format";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import { fullName, nameWithRole, ofMunicipality } from "@/lib/deliberations/extract-wording";
import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { bold, plain } from "@/lib/pdf/text-runs";
import type { AgendaItemKindValue } from "@/lib/validations/agenda";
import type { ExtractMunicipality } from "./extract-types";
import { createRegisterDocument } from "./sections/document";
import { demoNotice, documentHeading } from "./sections/heading";
import { markdownText } from "./sections/report";
import { certifiedSeal, type CertifiedSeal } from "./sections/seal";

// The convocation (L2121-10): made by the mayor, it gives the day, hour and
// place of the sitting and lists the agenda; from 3,500 inhabitants a summary
// note on each item goes with it (L2121-12); an urgency is stated with its
// reason (L2121-11, -12). Signed and stored like the extracts.

export type ConvocationSource = {
  sitting: { startsAt: Date; place: string; kind: "ORDINARY" | "EXTRAORDINARY"; isPublic: boolean; isDemo: boolean; urgent: boolean; urgencyReason: string | null };
  convener: CouncillorRef;
  /** Whether the summary notes go with the convocation (the population requires them). */
  withSummaryNotes: boolean;
  items: { position: number; kind: AgendaItemKindValue; title: string; summaryNote: string | null }[];
  /** The day the convocation is sent, on the municipality's clock. */
  sentDay: string;
  timeZone: string;
};

const ITEM_KIND_MARKS: Record<AgendaItemKindValue, string> = {
  DELIBERATION: "",
  MINUTES_APPROVAL: " (vote)",
  COMMUNICATION: " (communication, sans vote)",
  DELEGATED_DECISIONS: " (compte rendu des décisions prises par délégation, article L2122-23 du CGCT, sans vote)",
  ORAL_QUESTION: " (question orale, sans vote)",
};

export async function renderConvocation({ municipality, source, seal }: { municipality: ExtractMunicipality; source: ConvocationSource; seal: CertifiedSeal }): Promise<PDFDocument> {
  const { sitting, timeZone } = source;
  const day = formatDateFr(sitting.startsAt, timeZone);
  const pdf = await createRegisterDocument({
    title: `Convocation au conseil municipal du ${day}`,
    author: municipality.name,
    subject: `Conseil municipal ${ofMunicipality(municipality.name)}, séance du ${day}`,
    keywords: ["convocation", "ordre du jour", "conseil municipal", municipality.communeName],
  });
  documentHeading(pdf, [
    { text: municipality.name.toLocaleUpperCase("fr-FR"), size: 12, spaceAfter: 10 },
    { text: "CONVOCATION DU CONSEIL MUNICIPAL", size: 14, spaceAfter: 12 },
  ]);
  if (sitting.isDemo) demoNotice(pdf, "conseil municipal fictif, cette séance n'a jamais eu lieu.", { spaceBefore: 0 });
  pdf.paragraph(plain(`${municipality.communeName}, le ${formatDateFr(source.sentDay)}`), { align: "right", spaceAfter: 12 });
  convocationBody(pdf, source);
  if (sitting.urgent && sitting.urgencyReason) urgencyNotice(pdf, sitting.urgencyReason);
  agenda(pdf, source);
  if (source.withSummaryNotes) summaryNotes(pdf, source);
  pdf.paragraph(plain(nameWithRole(source.convener)), { align: "right", spaceBefore: 12, spaceAfter: 8 });
  await certifiedSeal(pdf, seal, { certifies: "Convocation adressée aux membres du conseil municipal", signed: "Signée" }, timeZone);
  return pdf.finish({ runningHeader: `Convocation — ${municipality.name} — séance du ${day}` });
}

function convocationBody(pdf: PdfComposer, { sitting, convener, timeZone }: ConvocationSource): void {
  const kind = sitting.kind === "EXTRAORDINARY" ? "extraordinaire" : "ordinaire";
  pdf.paragraph(plain("Madame, Monsieur, cher(e) collègue,"), { spaceAfter: 6 });
  pdf.paragraph(
    plain(
      `En application des articles L2121-10 à L2121-12 du Code Général des Collectivités Territoriales, j'ai l'honneur de vous convoquer à la séance ${kind} ${sitting.isPublic ? "publique" : "à huis clos"} du conseil municipal, qui se tiendra :`,
    ),
    { align: "justify", spaceAfter: 6 },
  );
  pdf.paragraph(bold(`le ${formatWeekdayDateFr(sitting.startsAt, timeZone)} à ${formatTimeFr(sitting.startsAt, timeZone)}`), { align: "center", spaceAfter: 2 });
  pdf.paragraph(bold(sitting.place), { align: "center", spaceAfter: 8 });
  pdf.paragraph(plain(`avec l'ordre du jour ci-dessous. La convocation est faite par ${fullName(convener)}.`), { align: "justify", spaceAfter: 8 });
}

function urgencyNotice(pdf: PdfComposer, reason: string): void {
  pdf.framed(
    [
      { runs: bold("Convocation en urgence (délai abrégé, au moins un jour franc)"), size: 9.5 },
      { runs: plain(`Motif : ${reason}`), size: 9.5 },
      { runs: plain("Le maire en rendra compte à l'ouverture de la séance ; le conseil se prononcera sur l'urgence."), size: 9 },
    ],
    { spaceBefore: 0 },
  );
  pdf.space(8);
}

function agenda(pdf: PdfComposer, { items }: ConvocationSource): void {
  pdf.paragraph(bold("ORDRE DU JOUR"), { size: 11, spaceBefore: 4, spaceAfter: 6, keepWithNext: true });
  for (const item of items) {
    pdf.paragraph(plain(`${item.title}${ITEM_KIND_MARKS[item.kind]}`), { indent: 22, marker: `${item.position}.`, spaceAfter: 3 });
  }
}

function summaryNotes(pdf: PdfComposer, { items }: ConvocationSource): void {
  pdf.paragraph(bold("NOTES EXPLICATIVES DE SYNTHÈSE"), { size: 11, spaceBefore: 10, spaceAfter: 2, keepWithNext: true });
  pdf.paragraph(plain("Article L2121-12 du CGCT : une note explicative de synthèse sur les affaires soumises à délibération accompagne la convocation."), { size: 9, spaceAfter: 6 });
  for (const item of items) {
    if (!item.summaryNote) continue;
    pdf.paragraph(bold(`${item.position}. ${item.title}`), { spaceBefore: 4, spaceAfter: 3, keepWithNext: true });
    markdownText(pdf, item.summaryNote);
  }
}
