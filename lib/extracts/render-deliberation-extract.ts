import type { PDFDocument } from "pdf-lib";
import {
  describeOutcome,
  formatDateFr,
  formatDateShortFr,
  formatProxy,
  formatWeekdayDateFr,
  matterLabel,
  NAMED_VOTE_HEADINGS,
  REGISTER_TALLY_ROWS,
  TALLY_LABELS,
  voteChoiceInSentence,
} from "@/lib/domain";
import { convocationParagraph, fullName, nameWithRole, ofMunicipality } from "@/lib/deliberations/extract-wording";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import { executoryStatusOf } from "@/lib/deliberations/deliberation-record";
import { markdownBlocks } from "@/lib/pdf/markdown-blocks";
import { CONTENT_WIDTH } from "@/lib/pdf/page-geometry";
import { PdfComposer } from "@/lib/pdf/pdf-composer";
import { bold, plain, type TextRun } from "@/lib/pdf/text-runs";
import { formatSealTime } from "./seal-wording";
import type { ExtractDeliberation, ExtractMunicipality, ExtractSeal } from "./extract-types";

// The "extrait du registre des délibérations" as a PDF, in the order of the
// certified extract of the reference case (DL.2022-91): heading, sitting,
// presidency, prefecture receipt and executory certification, subject,
// convocation, attendance, secretary, report with its heading block,
// proposals, tally, named votes, result, signatures, posting, notice on
// appeals, annex notice; then the seal.

export const APP_NAME = "Registre des délibérations";

function namesSentence(councillors: CouncillorRef[]): string {
  return councillors.length === 0 ? "NEANT" : `${councillors.map(fullName).join(", ")}.`;
}

function matterWording(code: string): string {
  try {
    return `${code} ${matterLabel(code)}`;
  } catch {
    return code;
  }
}

export async function renderDeliberationExtract({
  municipality,
  deliberation,
  seal,
}: {
  municipality: ExtractMunicipality;
  deliberation: ExtractDeliberation;
  seal: ExtractSeal;
}): Promise<PDFDocument> {
  const { sitting, attendance, vote } = deliberation;
  const result = vote?.result ?? deliberation.outcome;
  const withdrawn = result === "WITHDRAWN";
  const pdf = await PdfComposer.create({
    title: `Extrait du registre des délibérations n° ${deliberation.number}`,
    author: municipality.name,
    subject: deliberation.subject,
    keywords: [deliberation.number, "délibération", "conseil municipal", municipality.communeName],
    creator: APP_NAME,
  });

  // Heading.
  pdf.paragraph(bold(`EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL ${ofMunicipality(municipality.name).toLocaleUpperCase("fr-FR")}`), {
    size: 13,
    align: "center",
    spaceAfter: 2,
  });
  pdf.paragraph(bold(`N° ${deliberation.number}`), { size: 13, align: "center", spaceAfter: 10 });
  if (deliberation.isDemo) {
    pdf.framed([{ runs: bold("DONNÉES DE DÉMONSTRATION : conseil municipal fictif, cet acte n'a jamais été délibéré."), size: 9.5, align: "center" }], {
      spaceBefore: 2,
    });
  }
  if (seal.kind === "working-document") {
    pdf.framed(
      [
        { runs: bold("DOCUMENT DE TRAVAIL — NON SIGNÉ, SANS VALEUR D'EXTRAIT CERTIFIÉ"), size: 10, align: "center" },
        { runs: plain("Cette délibération n'est pas publiée : ce document ne vaut ni ampliation ni preuve de son caractère exécutoire."), size: 8.5, align: "center" },
      ],
      { spaceBefore: 2 },
    );
  }
  pdf.paragraph(bold(`${sitting.isPublic ? "Séance publique" : "Séance à huis clos"} du ${formatDateFr(sitting.startsAt)}`), { size: 11, align: "center", spaceAfter: 2 });
  pdf.paragraph(bold(`Présidence de ${nameWithRole(sitting.president)}`), { size: 11, align: "center", spaceAfter: 8 });

  if (deliberation.version > 1) {
    pdf.paragraph(plain(`Version rectifiée n° ${deliberation.version}${deliberation.rectificationReason ? ` : ${deliberation.rectificationReason}` : ""}.`), {
      size: 9.5,
      align: "center",
      spaceAfter: 6,
    });
  }

  // The prefecture's receipt and the certification of executory character.
  if (!(withdrawn && !deliberation.receipt)) {
    const executory = executoryStatusOf(deliberation);
    const receipt = deliberation.receipt;
    const lines: { runs: TextRun[]; size?: number }[] = [{ runs: bold("Accusé de réception en préfecture"), size: 10 }];
    if (receipt) {
      lines.push(
        { runs: plain(`Identifiant : ${receipt.actesId}`) },
        { runs: plain(`Date de signature : ${receipt.signedAt ? formatDateShortFr(receipt.signedAt) : "non renseignée"}`) },
        { runs: plain(`Date de réception : ${formatWeekdayDateFr(receipt.receivedAt)}`) },
      );
    } else {
      lines.push({ runs: plain("Aucun accusé de réception n'est enregistré pour cet acte.") });
    }
    if (!withdrawn) {
      lines.push({ runs: bold("POUR CERTIFICATION DU CARACTÈRE EXÉCUTOIRE :") });
      for (const step of executory.steps.filter((candidate) => candidate.key !== "PUBLISHED")) {
        lines.push({ runs: plain(`- ${step.label.toLocaleUpperCase("fr-FR")} ${step.done ? "✓" : "✗ (non)"}`) });
      }
    }
    pdf.framed(lines, { width: CONTENT_WIDTH * 0.78, spaceBefore: 4 });
  }

  pdf.paragraph(bold(`OBJET : ${deliberation.subject}`), { size: 10.5, spaceBefore: 8, spaceAfter: 8 });
  pdf.paragraph(
    plain(
      convocationParagraph({ ...sitting, communeName: municipality.communeName }),
    ),
    { align: "justify", spaceAfter: 8 },
  );

  // Attendance.
  const group = (title: string, text: string) => {
    pdf.paragraph(bold(title), { spaceBefore: 4, spaceAfter: 3, keepWithNext: true });
    pdf.paragraph(plain(text), { align: "justify", spaceAfter: 6 });
  };
  group("Etaient Présents :", namesSentence(attendance.present));
  group(
    "Excusés avec pouvoir donné conformément aux dispositions de l'article L 2121-20 du Code Général des Collectivités Territoriales :",
    attendance.represented.length === 0
      ? "NEANT"
      : `${attendance.represented.map(({ giver, holder }) => formatProxy(fullName(giver), fullName(holder))).join(", ")}.`,
  );
  group("Excusés sans pouvoir :", namesSentence(attendance.excused));
  if (attendance.absent.length > 0) group("Absents :", namesSentence(attendance.absent));

  pdf.paragraph(plain(`Secrétaire : ${fullName(sitting.secretary)}`), { spaceBefore: 4 });
  if (deliberation.rapporteur && !withdrawn) {
    pdf.paragraph(plain(`${fullName(deliberation.rapporteur)} donne lecture du rapport ci-joint.`), { spaceBefore: 2 });
  }

  // The report's heading block: service, title, nomenclature.
  pdf.rule({ spaceBefore: 10, spaceAfter: 10 });
  const third = CONTENT_WIDTH / 3;
  pdf.columns(
    [
      { lines: (deliberation.service ?? "").split(/\s+\/\s+|\n/).filter(Boolean).map(plain), x: 0, width: third - 8 },
      { lines: [bold(`RAPPORT POUR LE CONSEIL MUNICIPAL DU ${formatDateFr(sitting.startsAt).toLocaleUpperCase("fr-FR")}`)], x: third, width: third, align: "center" },
      { lines: [plain(`Nomenclature : ${matterWording(deliberation.matterCode)}`)], x: 2 * third + 8, width: third - 8, align: "right" },
    ],
    { size: 9, spaceAfter: 10 },
  );
  if (deliberation.rapporteur) {
    pdf.paragraph([...bold("RAPPORTEUR"), ...plain(` : ${fullName(deliberation.rapporteur)}`)], { spaceAfter: 4 });
  }
  if (deliberation.policyHeading) pdf.paragraph(bold(`Politique Publique : ${deliberation.policyHeading}`), { spaceAfter: 4 });
  pdf.paragraph([...bold("OBJET"), ...plain(` : ${deliberation.reportSubject ?? deliberation.subject}`)], { spaceAfter: 10 });

  const textBlocks = (source: string) => {
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
  };
  textBlocks(deliberation.report);
  pdf.space(4);
  textBlocks(deliberation.proposals);

  // The vote.
  if (withdrawn) {
    pdf.paragraph(bold("Retiré de l'ordre du jour : ce rapport n'a pas été mis aux voix."), { spaceBefore: 10, keepTogether: true });
  } else {
    if (vote) {
      pdf.space(8);
      if (vote.secret) pdf.paragraph(bold("Scrutin secret"), { spaceAfter: 4 });
      const rows = REGISTER_TALLY_ROWS.map((key) => [TALLY_LABELS[key], vote[key]] as const);
      pdf.ensureSpace(rows.length * pdf.lineHeight(10));
      for (const [label, value] of rows) {
        pdf.columns(
          [
            { lines: [plain(label)], x: 0, width: 170 },
            { lines: [plain(`: ${value}`)], x: 175, width: 60 },
          ],
          { spaceAfter: 0 },
        );
      }
      if (vote.castingVote) {
        pdf.paragraph(plain(`Voix prépondérante du président de séance (article L 2121-20 du C.G.C.T.) : ${voteChoiceInSentence(vote.castingVote)}.`), { spaceBefore: 4 });
      }
      pdf.space(6);
      if (vote.secret) {
        pdf.paragraph(plain("Le vote ayant eu lieu au scrutin secret, les votes individuels ne sont pas nominatifs."));
      } else {
        for (const [title, councillors] of [
          [NAMED_VOTE_HEADINGS.AGAINST, vote.against],
          [NAMED_VOTE_HEADINGS.ABSTENTION, vote.abstained],
          [NAMED_VOTE_HEADINGS.NOT_VOTING, vote.notVoting],
        ] as const) {
          pdf.paragraph(bold(title), { spaceBefore: 4, spaceAfter: 2, keepWithNext: true });
          pdf.paragraph(plain(namesSentence(councillors)), { align: "justify" });
        }
      }
    } else {
      pdf.paragraph(plain("Le décompte des voix n'est pas enregistré."), { spaceBefore: 8 });
    }
    if (result) {
      pdf.paragraph(bold(`Le Conseil Municipal a ${describeOutcome({ outcome: result, tally: vote })} le rapport qui précède.`), {
        size: 11,
        spaceBefore: 8,
        keepTogether: true,
      });
    }
  }

  // Signatures.
  pdf.space(8);
  const half = CONTENT_WIDTH / 2;
  pdf.columns(
    [
      { lines: [plain(`Ont signé ${nameWithRole(sitting.president)}`), plain("Président de séance et les membres du conseil présents :")], x: 0, width: half - 10 },
      {
        lines: deliberation.cosignatory
          ? [...(deliberation.cosignatoryTitle ? [plain(`${deliberation.cosignatoryTitle},`)] : []), plain(fullName(deliberation.cosignatory))]
          : [],
        x: half + 10,
        width: half - 10,
        align: "right",
      },
    ],
    { spaceAfter: 10 },
  );

  // Posting, publication, appeals, annexes.
  if (deliberation.postedAt) {
    pdf.paragraph(plain(`Compte-rendu de la délibération affiché le : ${formatDateShortFr(deliberation.postedAt)} (articles L2121-25 et R 2121-11 du C.G.C.T.) ¹`), {
      keepTogether: true,
    });
  }
  if (deliberation.publishedAt) {
    pdf.paragraph(plain(`Mis en ligne le ${formatDateFr(deliberation.publishedAt)}, sous l'autorité de ${nameWithRole(sitting.president)}.`));
  }
  pdf.rule({ spaceBefore: 8, spaceAfter: 6 });
  pdf.paragraph(plain(`¹ ${municipality.appealNotice}`), { size: 8.5, align: "justify", keepTogether: true });

  if (municipality.annexNotice || deliberation.annexes.length > 0) {
    const lines: { runs: TextRun[]; size?: number; align?: "center" }[] = [];
    for (const annex of deliberation.annexes) {
      lines.push({ runs: plain(`Annexe : ${annex.title}${annex.isPublic ? "" : " (consultable sur place)"}`), size: 8.5, align: "center" });
    }
    for (const paragraph of (municipality.annexNotice ?? "").split(/\n\s*\n/).filter(Boolean)) {
      for (const line of paragraph.split("\n")) lines.push({ runs: plain(line), size: 8.5, align: "center" });
    }
    pdf.framed(lines, { width: CONTENT_WIDTH * 0.7, spaceBefore: 10 });
  }

  // The seal.
  if (seal.kind === "certified") {
    await pdf.seal(
      [
        bold("Extrait certifié conforme au registre"),
        plain(`Signé électroniquement par ${seal.signerName}`),
        plain(`le ${formatSealTime(seal.issuedAt)}`),
        [...plain("Code de vérification : "), ...bold(seal.verificationCode)],
        plain(`Vérifiez ce document : ${seal.verificationUrl}`),
      ],
      seal.verificationUrl,
    );
  } else {
    pdf.framed(
      [
        { runs: bold("Document de travail non signé"), size: 9 },
        { runs: plain(`Édité le ${formatSealTime(seal.issuedAt)} par ${seal.issuedBy}, avant publication de l'acte.`), size: 9 },
      ],
      { spaceBefore: 10 },
    );
    pdf.watermark("DOCUMENT DE TRAVAIL");
  }

  return pdf.finish({ runningHeader: `Extrait du registre des délibérations — ${municipality.name} — N° ${deliberation.number} — séance du ${formatDateFr(sitting.startsAt)}` });
}
