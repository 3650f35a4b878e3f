import { describeOutcome, type Tally } from "@/lib/domain";
import type { Outcome, VoteChoice } from "@/lib/db/prisma";
import type { CouncillorRef } from "@/lib/deliberations/councillor-ref";
import type { PdfComposer } from "@/lib/pdf/pdf-composer";
import { bold, plain } from "@/lib/pdf/text-runs";
import { namesSentence, titledNames } from "./names";

export type NamedVotes = { against: CouncillorRef[]; abstained: CouncillorRef[]; notVoting: CouncillorRef[] };

/** The register's tally, one row per figure: label, then ": value". */
export function tallyTable(pdf: PdfComposer, tally: Tally): void {
  const rows: [string, number][] = [
    ["Présents et représentés", tally.presentAndRepresented],
    ["Présents", tally.present],
    ["Abstentions", tally.abstentions],
    ["Non participation", tally.nonParticipation],
    ["Suffrages Exprimés", tally.expressed],
    ["Pour", tally.votesFor],
    ["Contre", tally.votesAgainst],
  ];
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
}

/** The president's casting vote, when a tie was decided by it (L2121-20). */
export function castingVoteLine(pdf: PdfComposer, choice: VoteChoice): void {
  pdf.paragraph(plain(`Voix prépondérante du président de séance (article L 2121-20 du C.G.C.T.) : ${castingVoteLabel(choice)}.`), { spaceBefore: 4 });
}

/** Who voted against, abstained or did not take part ("NEANT" for none); a secret ballot names no one. */
export function namedVotes(pdf: PdfComposer, vote: NamedVotes & { secret: boolean }): void {
  if (vote.secret) {
    pdf.paragraph(plain("Le vote ayant eu lieu au scrutin secret, les votes individuels ne sont pas nominatifs."));
    return;
  }
  for (const [title, councillors] of [
    ["Ont voté contre", vote.against],
    ["Se sont abstenus", vote.abstained],
    ["N'ont pas pris part au vote", vote.notVoting],
  ] as const) {
    titledNames(pdf, title, namesSentence(councillors), { before: 4, after: 2 });
  }
}

/** The vote as the act states it: "Scrutin secret", the tally, the casting vote, the names. */
export function voteRecord(pdf: PdfComposer, vote: Tally & NamedVotes & { secret: boolean; castingVote: VoteChoice | null }): void {
  pdf.space(8);
  if (vote.secret) pdf.paragraph(bold("Scrutin secret"), { spaceAfter: 4 });
  tallyTable(pdf, vote);
  if (vote.castingVote) castingVoteLine(pdf, vote.castingVote);
  pdf.space(6);
  namedVotes(pdf, vote);
}

/** "Le décompte des voix n'est pas enregistré." */
export function unrecordedTally(pdf: PdfComposer): void {
  pdf.paragraph(plain("Le décompte des voix n'est pas enregistré."), { spaceBefore: 8 });
}

/** "Le Conseil Municipal a ADOPTE A L'UNANIMITE le rapport qui précède." */
export function voteResult(pdf: PdfComposer, { outcome, tally }: { outcome: Outcome; tally: Tally | null }): void {
  pdf.paragraph(bold(`Le Conseil Municipal a ${describeOutcome({ outcome, tally })} le rapport qui précède.`), {
    size: 11,
    spaceBefore: 8,
    keepTogether: true,
  });
}

/** A report withdrawn from the agenda: it was not put to the vote. */
export function withdrawalNotice(pdf: PdfComposer): void {
  pdf.paragraph(bold("Retiré de l'ordre du jour : ce rapport n'a pas été mis aux voix."), { spaceBefore: 10, keepTogether: true });
}

function castingVoteLabel(choice: VoteChoice): string {
  switch (choice) {
    case "FOR":
      return "pour";
    case "AGAINST":
      return "contre";
    case "ABSTENTION":
      return "abstention";
    case "NOT_VOTING":
      return "ne prend pas part au vote";
  }
}
