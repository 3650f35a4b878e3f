import { assertNever } from "./assert-never";
import { DomainError } from "./errors";
import type { AttendanceEntry, DomainIssue, Outcome, Tally, VoteChoice } from "./types";
import { TALLY_FIGURES, TALLY_LABELS } from "./vote-wording";

export type CouncillorChoice = { councillorId: string; choice: VoteChoice };

export type VoteRecord = { attendance: AttendanceEntry[]; choices: CouncillorChoice[] };

function votesAtThisDeliberation(entry: AttendanceEntry): boolean {
  switch (entry.status) {
    case "PRESENT":
    case "REPRESENTED":
      return true;
    case "EXCUSED":
    case "ABSENT":
      return false;
    default:
      return assertNever(entry.status);
  }
}

/**
 * The tally of a public vote. Everyone present or represented votes for unless a choice
 * says otherwise; a represented member's choice is cast by the holder but counted for
 * the giver. Choices for members who are neither present nor represented are ignored
 * here (checkChoices reports them); of duplicate choices, the first counts.
 */
export function deriveTally({ attendance, choices }: VoteRecord): Tally {
  const choiceByCouncillor = new Map<string, VoteChoice>();
  for (const { councillorId, choice } of choices) {
    if (!choiceByCouncillor.has(councillorId)) choiceByCouncillor.set(councillorId, choice);
  }
  const tally: Tally = {
    presentAndRepresented: 0,
    present: 0,
    represented: 0,
    abstentions: 0,
    nonParticipation: 0,
    expressed: 0,
    votesFor: 0,
    votesAgainst: 0,
  };
  for (const entry of attendance) {
    if (!votesAtThisDeliberation(entry)) continue;
    if (entry.status === "PRESENT") tally.present += 1;
    else tally.represented += 1;
    const choice = choiceByCouncillor.get(entry.councillorId) ?? "FOR";
    switch (choice) {
      case "FOR":
        tally.votesFor += 1;
        break;
      case "AGAINST":
        tally.votesAgainst += 1;
        break;
      case "ABSTENTION":
        tally.abstentions += 1;
        break;
      case "NOT_VOTING":
        tally.nonParticipation += 1;
        break;
      default:
        assertNever(choice);
    }
  }
  tally.presentAndRepresented = tally.present + tally.represented;
  tally.expressed = tally.votesFor + tally.votesAgainst;
  return tally;
}

/**
 * The tally of a secret ballot: présents and pouvoirs come from the roll call,
 * the counts from the tellers; exprimés follow. checkTally says whether the
 * counts add up.
 */
export function secretBallotTally(input: {
  present: number;
  represented: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  nonParticipation: number;
}): Tally {
  const presentAndRepresented = input.present + input.represented;
  return {
    presentAndRepresented,
    present: input.present,
    represented: input.represented,
    abstentions: input.abstentions,
    nonParticipation: input.nonParticipation,
    expressed: presentAndRepresented - input.abstentions - input.nonParticipation,
    votesFor: input.votesFor,
    votesAgainst: input.votesAgainst,
  };
}

/** Choices that cannot be counted: for someone unknown, excused or absent, or recorded twice. */
export function checkChoices({ attendance, choices }: VoteRecord): DomainIssue[] {
  const attendanceById = new Map(attendance.map((entry) => [entry.councillorId, entry]));
  const seen = new Set<string>();
  const issues: DomainIssue[] = [];
  for (const { councillorId } of choices) {
    const entry = attendanceById.get(councillorId);
    if (seen.has(councillorId)) {
      const who = entry ? entry.name : `l'élu d'identifiant « ${councillorId} »`;
      issues.push({ code: "DUPLICATE_CHOICE", message: `Plusieurs votes sont enregistrés pour ${who}.`, councillorId });
      continue;
    }
    seen.add(councillorId);
    if (!entry) {
      issues.push({
        code: "CHOICE_FOR_UNKNOWN_COUNCILLOR",
        message: `Un vote est enregistré pour un élu absent de la liste de présence (identifiant « ${councillorId} »).`,
        councillorId,
      });
      continue;
    }
    if (!votesAtThisDeliberation(entry)) {
      issues.push({
        code: "CHOICE_FOR_NON_VOTING_MEMBER",
        message: `Un vote est enregistré pour ${entry.name}, qui ne figure ni parmi les présents ni parmi les représentés : ce vote ne peut pas être compté.`,
        councillorId,
      });
    }
  }
  return issues;
}


/** The arithmetic a tally must satisfy, with French messages naming the figures. */
export function checkTally(tally: Tally, options: { membersInOffice?: number } = {}): DomainIssue[] {
  const malformed = TALLY_FIGURES.map((key) => ({ key, label: TALLY_LABELS[key] })).filter(({ key }) => !Number.isInteger(tally[key]) || tally[key] < 0);
  if (malformed.length > 0) {
    // The identities below mean nothing on figures that are not counts.
    return malformed.map(({ key, label }) => ({
      code: "INVALID_FIGURE",
      message: `${label} (${String(tally[key])}) doit être un nombre entier positif ou nul.`,
    }));
  }
  const issues: DomainIssue[] = [];
  const { presentAndRepresented, present, represented, abstentions, nonParticipation, expressed, votesFor, votesAgainst } = tally;
  if (present + represented !== presentAndRepresented) {
    issues.push({
      code: "PRESENT_AND_REPRESENTED_MISMATCH",
      message: `Présents (${present}) + pouvoirs (${represented}) ne font pas les présents et représentés (${presentAndRepresented}).`,
    });
  }
  const expectedExpressed = presentAndRepresented - abstentions - nonParticipation;
  if (expressed !== expectedExpressed) {
    issues.push({
      code: "EXPRESSED_MISMATCH",
      message: `Présents et représentés (${presentAndRepresented}) − abstentions (${abstentions}) − non participation (${nonParticipation}) ne font pas les suffrages exprimés (${expressed}).`,
    });
  }
  if (votesFor + votesAgainst !== expressed) {
    issues.push({
      code: "FOR_AGAINST_MISMATCH",
      message: `Pour (${votesFor}) + contre (${votesAgainst}) ne font pas les suffrages exprimés (${expressed}).`,
    });
  }
  const { membersInOffice } = options;
  if (membersInOffice !== undefined && presentAndRepresented > membersInOffice) {
    issues.push({
      code: "MORE_VOTERS_THAN_MEMBERS",
      message: `Présents et représentés (${presentAndRepresented}) dépassent le nombre de membres en exercice (${membersInOffice}).`,
    });
  }
  return issues;
}

export type CastingVote = "FOR" | "AGAINST";

export type Decision = { outcome: "ADOPTED" | "REJECTED"; casting: boolean };

/**
 * Absolute majority of suffrages exprimés (L2121-20): adopted when pour > contre.
 * On a tie the president's vote decides in a public vote; in a secret ballot a tie rejects.
 * With no suffrage exprimé nothing is adopted. An inconsistent tally, or a public tie
 * without the casting vote, gives the issue instead of a decision.
 */
export function weighOutcome({
  tally,
  secret,
  castingVote,
}: {
  tally: Tally;
  secret: boolean;
  castingVote?: CastingVote | null;
}): { decision: Decision } | { issue: DomainIssue } {
  const [firstIssue] = checkTally(tally);
  if (firstIssue) return { issue: { code: "INCONSISTENT_TALLY", message: `Décompte incohérent : ${firstIssue.message}` } };
  const { votesFor, votesAgainst } = tally;
  const decided = (outcome: Decision["outcome"], casting = false) => ({ decision: { outcome, casting } });
  if (votesFor + votesAgainst === 0) return decided("REJECTED");
  if (votesFor > votesAgainst) return decided("ADOPTED");
  if (votesFor < votesAgainst) return decided("REJECTED");
  if (secret) return decided("REJECTED");
  switch (castingVote) {
    case "FOR":
      return decided("ADOPTED", true);
    case "AGAINST":
      return decided("REJECTED", true);
    case null:
    case undefined:
      return {
        issue: {
          code: "CASTING_VOTE_REQUIRED",
          message: `Partage égal des voix (${votesFor} pour, ${votesAgainst} contre) : indiquez le vote du président de séance, qui est prépondérant.`,
        },
      };
    default:
      return assertNever(castingVote);
  }
}

/** The decision of `weighOutcome`, or its issue thrown as a DomainError. */
export function decideOutcome(input: { tally: Tally; secret: boolean; castingVote?: CastingVote | null }): Decision {
  const weighed = weighOutcome(input);
  if ("issue" in weighed) throw new DomainError(weighed.issue.code, weighed.issue.message);
  return weighed.decision;
}

/**
 * A tally as a published act states it: an archived act may leave figures
 * unknown (null) and say only "à l'unanimité". An act entered here has them all.
 */
export type StatedTally = { [K in keyof Tally]: number | null } & { unanimous?: boolean };

/** The French wording of a result, as printed on the extract ("Adopté à l'unanimité"); an unknown figure is not guessed. */
export function describeOutcome({ outcome, tally }: { outcome: Outcome; tally: StatedTally | null }): string {
  switch (outcome) {
    case "ADOPTED":
      if (!tally) return "Adopté";
      if (tally.votesAgainst !== null && tally.votesAgainst > 0) return "Adopté à la majorité";
      if (tally.votesAgainst === null && !tally.unanimous) return "Adopté";
      if ((tally.abstentions ?? 0) > 0 || (tally.nonParticipation ?? 0) > 0) return "Adopté à l'unanimité des suffrages exprimés";
      return "Adopté à l'unanimité";
    case "REJECTED":
      return "Rejeté";
    case "WITHDRAWN":
      return "Retiré de l'ordre du jour";
    default:
      return assertNever(outcome);
  }
}
