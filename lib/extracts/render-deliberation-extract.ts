import type { PDFDocument } from "pdf-lib";
import { formatDateFr, registerTitle } from "@/lib/domain";
import { ofMunicipality } from "@/lib/deliberations/extract-wording";
import type { ExtractDeliberation, ExtractMunicipality, ExtractSeal } from "./extract-types";
import { actSubject, rectificationNotice } from "./sections/act";
import { annexNotice } from "./sections/annex-notice";
import { attendanceLists, secretaryLine } from "./sections/attendance";
import { convocation } from "./sections/convocation";
import { createRegisterDocument } from "./sections/document";
import { demoNotice, documentHeading, workingDocumentNotice } from "./sections/heading";
import { appealNotice, postingLine, publicationLine } from "./sections/publication";
import { receiptAndExecutoryBox } from "./sections/receipt";
import { reportAndProposals, reportHeading, reportReading } from "./sections/report";
import { certifiedSeal, workingDocumentSeal } from "./sections/seal";
import { signatures } from "./sections/signatures";
import { presidencyLine, sittingLine } from "./sections/sitting";
import { unrecordedTally, voteRecord, voteResult, withdrawalNotice } from "./sections/vote";

// The "extrait du registre des délibérations" as a PDF, in the order of the
// certified extract of the reference case (DL.2022-91). Each block is a
// section of ./sections, shared with the other documents of the register.

export async function renderDeliberationExtract({
  municipality,
  deliberation,
  seal,
}: {
  municipality: ExtractMunicipality;
  deliberation: ExtractDeliberation;
  seal: ExtractSeal;
}): Promise<PDFDocument> {
  const { sitting, vote } = deliberation;
  const zone = municipality.timeZone;
  const result = vote?.result ?? deliberation.outcome;
  const withdrawn = result === "WITHDRAWN";
  const pdf = await createRegisterDocument({
    title: `Extrait du registre des délibérations n° ${deliberation.number}`,
    author: municipality.name,
    subject: deliberation.subject,
    keywords: [deliberation.number, "délibération", "conseil municipal", municipality.communeName],
  });

  documentHeading(pdf, [
    { text: registerTitle(ofMunicipality(municipality.name)), size: 13, spaceAfter: 2 },
    { text: `N° ${deliberation.number}`, size: 13, spaceAfter: 10 },
  ]);
  if (deliberation.isDemo) demoNotice(pdf, "conseil municipal fictif, cet acte n'a jamais été délibéré.", { spaceBefore: 2 });
  if (seal.kind === "working-document") workingDocumentNotice(pdf);
  sittingLine(pdf, sitting, zone);
  presidencyLine(pdf, sitting.president, "heading");
  rectificationNotice(pdf, deliberation);
  receiptAndExecutoryBox(pdf, deliberation, { withdrawn, rejected: result === "REJECTED", zone });

  actSubject(pdf, deliberation.subject);
  convocation(pdf, { ...sitting, communeName: municipality.communeName, zone });
  attendanceLists(pdf, deliberation.attendance);
  secretaryLine(pdf, sitting.secretary);
  if (deliberation.rapporteur && !withdrawn) reportReading(pdf, deliberation.rapporteur);

  reportHeading(pdf, {
    sittingStartsAt: sitting.startsAt,
    zone,
    service: deliberation.service,
    matterCode: deliberation.matterCode,
    rapporteur: deliberation.rapporteur,
    policyHeading: deliberation.policyHeading,
    subject: deliberation.reportSubject ?? deliberation.subject,
  });
  reportAndProposals(pdf, deliberation);

  if (withdrawn) {
    withdrawalNotice(pdf);
  } else {
    if (vote) voteRecord(pdf, vote);
    else unrecordedTally(pdf);
    if (result) voteResult(pdf, { outcome: result, tally: vote });
  }

  signatures(pdf, { president: sitting.president, cosignatory: deliberation.cosignatory, cosignatoryTitle: deliberation.cosignatoryTitle });
  if (deliberation.postedAt) postingLine(pdf, deliberation.postedAt);
  if (deliberation.publishedAt) publicationLine(pdf, { publishedAt: deliberation.publishedAt, president: sitting.president }, zone);
  appealNotice(pdf, municipality.appealNotice);
  annexNotice(pdf, { annexes: deliberation.annexes, notice: municipality.annexNotice });

  if (seal.kind === "certified") await certifiedSeal(pdf, seal, { certifies: "Extrait certifié conforme au registre", signed: "Signé" }, zone);
  else workingDocumentSeal(pdf, seal, zone);

  return pdf.finish({ runningHeader: `Extrait du registre des délibérations — ${municipality.name} — N° ${deliberation.number} — séance du ${formatDateFr(sitting.startsAt, zone)}` });
}
