import { addIssue, type FormIssues } from "./form-issues";
import { formatDateFr } from "./format";
import type { VoteChoice } from "./types";

// Political groups of the council: a councillor belongs to one group at a
// time, inside the mandate (the database holds both rules too). Days are ISO
// calendar days ("2020-07-04"); an open end (null) means until further notice.

export type Membership = { groupId: string; groupName: string; startsOn: string; endsOn: string | null };

const overlaps = (a: { startsOn: string; endsOn: string | null }, b: { startsOn: string; endsOn: string | null }) =>
  (a.endsOn === null || b.startsOn <= a.endsOn) && (b.endsOn === null || a.startsOn <= b.endsOn);

/** "depuis le 4 juillet 2020" or "du 4 juillet 2020 au 1er mars 2023". */
export function describeMembershipDays({ startsOn, endsOn }: { startsOn: string; endsOn: string | null }): string {
  return endsOn ? `du ${formatDateFr(startsOn)} au ${formatDateFr(endsOn)}` : `depuis le ${formatDateFr(startsOn)}`;
}

/**
 * A new membership against the councillor's mandate and their other memberships:
 * issues keyed by the form's fields ("startsOn", "endsOn").
 */
export function checkMembership({
  membership,
  name,
  mandate,
  others,
}: {
  membership: { startsOn: string; endsOn: string | null };
  /** the councillor's name, as messages say it */
  name: string;
  mandate: { start: string; end: string | null };
  others: readonly Membership[];
}): FormIssues {
  const issues: FormIssues = {};
  const { startsOn, endsOn } = membership;
  if (endsOn !== null && endsOn < startsOn) addIssue(issues, "endsOn", "La fin de l'appartenance ne peut précéder son début.");
  if (startsOn < mandate.start) addIssue(issues, "startsOn", `Le mandat de ${name} commence le ${formatDateFr(mandate.start)} : l'appartenance ne peut commencer avant.`);
  if (mandate.end !== null) {
    if (startsOn > mandate.end) addIssue(issues, "startsOn", `Le mandat de ${name} a pris fin le ${formatDateFr(mandate.end)} : l'appartenance ne peut commencer après.`);
    else if (endsOn !== null && endsOn > mandate.end) addIssue(issues, "endsOn", `Le mandat de ${name} a pris fin le ${formatDateFr(mandate.end)} : l'appartenance ne peut durer au-delà.`);
  }
  for (const other of others) {
    if (overlaps(membership, other)) {
      addIssue(issues, "startsOn", `${name} est déjà membre du groupe « ${other.groupName} » ${describeMembershipDays(other)} : un élu n'appartient qu'à un groupe à la fois (indiquez d'abord la fin de cette appartenance).`);
    }
  }
  return issues;
}

/** The group a councillor belongs to on a day, if any. */
export function groupOn<M extends { startsOn: string; endsOn: string | null }>(memberships: readonly M[], day: string): M | null {
  return memberships.find((membership) => membership.startsOn <= day && (membership.endsOn === null || day <= membership.endsOn)) ?? null;
}

/**
 * The choices after "the whole group votes so": every voter of the group gets the
 * choice, the others keep theirs.
 */
export function voteAsGroup<Choice extends VoteChoice>(choices: Readonly<Record<string, Choice>>, members: readonly string[], choice: Choice): Record<string, Choice> {
  const next = { ...choices };
  for (const id of members) if (id in next) next[id] = choice;
  return next;
}

/** The choices after "everyone votes so, except…": the excepted keep theirs. */
export function voteAllExcept<Choice extends VoteChoice>(choices: Readonly<Record<string, Choice>>, choice: Choice, except: ReadonlySet<string>): Record<string, Choice> {
  return Object.fromEntries(Object.entries(choices).map(([id, current]) => [id, except.has(id) ? current : choice]));
}

/**
 * The previous deliberation's vote carried to this one: the same choice for each
 * voter who voted there, "FOR" for those who did not.
 */
export function copyVote(voters: readonly string[], previous: readonly { councillorId: string; choice: VoteChoice }[]): Record<string, VoteChoice> {
  const before = new Map(previous.map((entry) => [entry.councillorId, entry.choice]));
  return Object.fromEntries(voters.map((id) => [id, before.get(id) ?? "FOR"]));
}

/** One key per choice, for the keyboard entry of a named vote: P pour, C contre, A abstention, N ne prend pas part. */
export const VOTE_CHOICE_KEYS: Readonly<Record<string, VoteChoice>> = { p: "FOR", c: "AGAINST", a: "ABSTENTION", n: "NOT_VOTING" };

export type GroupTally = { groupId: string | null; groupName: string; votes: Record<VoteChoice, number> };

/**
 * Votes of named public votes, by the voter's group on the day of each vote:
 * the statistics' "votes by group". Those without a group are counted together.
 * A record may stand for `count` equal choices (one councillor, one day): the
 * database counts them, so that years of roll calls are not read one by one.
 */
export function votesByGroup(records: readonly { day: string; choice: VoteChoice; memberships: readonly Membership[]; count?: number }[]): GroupTally[] {
  const tallies = new Map<string | null, GroupTally>();
  for (const record of records) {
    const group = groupOn(record.memberships, record.day);
    const key = group?.groupId ?? null;
    const tally = tallies.get(key) ?? { groupId: key, groupName: group?.groupName ?? "Sans groupe", votes: { FOR: 0, AGAINST: 0, ABSTENTION: 0, NOT_VOTING: 0 } };
    tally.votes[record.choice] += record.count ?? 1;
    tallies.set(key, tally);
  }
  const named = [...tallies.values()].filter((tally) => tally.groupId !== null).sort((a, b) => a.groupName.localeCompare(b.groupName, "fr"));
  return [...named, ...(tallies.has(null) ? [tallies.get(null)!] : [])];
}
