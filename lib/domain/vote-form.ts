import { addIssue, type FormIssues } from "./form-issues";
import { checkChoices, checkTally, deriveTally, secretBallotTally, weighOutcome, type CastingVote, type CouncillorChoice, type Decision } from "./tally";
import type { AttendanceEntry, Tally } from "./types";
import { TALLY_LABELS } from "./vote-wording";

// The vote as its form sends it, checked the same way in the browser (live, as
// the clerk types) and by the use case (before writing). Issues are keyed as
// the form's fields: "choices.<councillor id>", a count ("abstentions"), the
// tally as a whole ("tally"), the president's casting vote ("castingVote").

/** The counts of a secret ballot, as typed. */
export const SECRET_BALLOT_COUNTS = ["votesFor", "votesAgainst", "abstentions", "nonParticipation"] as const;
export type SecretBallotCount = (typeof SECRET_BALLOT_COUNTS)[number];

export type VoteFormValues =
  | { secret: false; choices: readonly CouncillorChoice[]; castingVote: CastingVote | "" | null }
  | ({ secret: true } & Record<SecretBallotCount, string>);

export type VoteFormCheck = {
  /** The tally the form gives; null while a count of a secret ballot is not a number. */
  tally: Tally | null;
  /** Each figure, or null when not known yet. */
  figures: { [Key in keyof Tally]: number | null };
  issues: FormIssues;
  /** The outcome, when the form is complete and consistent. */
  decision: Decision | null;
  /** A public vote's choice for everyone present or represented ("FOR" unless named). */
  choices: CouncillorChoice[];
  castingVote: CastingVote | null;
};

/** The summary of a refused vote; each issue is said beside its field. */
export const VOTE_REFUSAL = "Le vote ne peut pas être enregistré : corrigez ce qui est signalé.";

/** What a count must look like, and the message when it does not. */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : null;
}

export function countMessage(key: SecretBallotCount): string {
  return `${TALLY_LABELS[key]} : saisissez un nombre entier.`;
}

const votes = (entry: AttendanceEntry) => entry.status === "PRESENT" || entry.status === "REPRESENTED";

/**
 * The vote of a deliberation against its list of presence: a public vote's named
 * choices (everyone else present or represented voted for), or a secret ballot's
 * counts; then the tally's arithmetic and the result, a tie in a public vote
 * asking for the president's casting vote.
 */
export function checkVoteForm({ attendance, membersInOffice, vote }: { attendance: readonly AttendanceEntry[]; membersInOffice: number; vote: VoteFormValues }): VoteFormCheck {
  const issues: FormIssues = {};
  const present = attendance.filter((entry) => entry.status === "PRESENT").length;
  const represented = attendance.filter((entry) => entry.status === "REPRESENTED").length;
  let tally: Tally;
  let choices: CouncillorChoice[] = [];
  let castingVote: CastingVote | null = null;
  if (vote.secret) {
    const counts = Object.fromEntries(SECRET_BALLOT_COUNTS.map((key) => [key, parseCount(vote[key])])) as Record<SecretBallotCount, number | null>;
    for (const key of SECRET_BALLOT_COUNTS) if (counts[key] === null) addIssue(issues, key, countMessage(key));
    if (SECRET_BALLOT_COUNTS.some((key) => counts[key] === null)) {
      // The figures that follow from what is typed; the rest waits.
      const presentAndRepresented = present + represented;
      const expressed = counts.abstentions !== null && counts.nonParticipation !== null ? presentAndRepresented - counts.abstentions - counts.nonParticipation : null;
      return { tally: null, figures: { presentAndRepresented, present, represented, expressed, ...counts }, issues, decision: null, choices, castingVote };
    }
    tally = secretBallotTally({ present, represented, ...(counts as Record<SecretBallotCount, number>) });
    for (const issue of checkTally(tally, { membersInOffice })) addIssue(issues, "tally", issue.message);
  } else {
    const everyone = [...attendance];
    for (const issue of checkChoices({ attendance: everyone, choices: [...vote.choices] })) addIssue(issues, `choices.${issue.councillorId}`, issue.message);
    const named = new Map<string, CouncillorChoice["choice"]>();
    for (const { councillorId, choice } of vote.choices) if (!named.has(councillorId)) named.set(councillorId, choice);
    choices = everyone.filter(votes).map((entry) => ({ councillorId: entry.councillorId, choice: named.get(entry.councillorId) ?? "FOR" }));
    tally = deriveTally({ attendance: everyone, choices });
    castingVote = vote.castingVote || null;
  }
  let decision: Decision | null = null;
  if (!Object.keys(issues).length) {
    const weighed = weighOutcome({ tally, secret: vote.secret, castingVote });
    // The tally was checked above: the one issue left is a tie without the casting vote.
    if ("issue" in weighed) addIssue(issues, "castingVote", weighed.issue.message);
    else decision = weighed.decision;
  }
  return { tally, figures: tally, issues, decision, choices, castingVote: decision?.casting ? castingVote : null };
}
