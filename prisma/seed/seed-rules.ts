import type { VoteChoice } from "@/lib/db/generated/enums";
import type { AttendanceSeed, CalendarDate, DeliberationSeed, Instant, TallySeed } from "./types";

// The council's rules, as far as the seed data must obey them: checked before
// anything is written, so that a mistake in the data is reported in French,
// by deliberation number, instead of surfacing as a constraint violation.
// Self-contained on purpose: the seed does not depend on lib/domain.

/**
 * The COVID derogation in force at the reference case (loi n° 2021-1465 du
 * 10 novembre 2021, art. 10): quorum of one third, two proxies per holder.
 * The earlier windows (2020–2021) contain no seeded date: the reference case
 * is of 7 April 2022, the demo sittings of 2018–2019, under the ordinary rules.
 */
const DEROGATION_WINDOW = { from: "2021-11-11", to: "2022-07-31" } as const;

export function isUnderDerogation(day: CalendarDate): boolean {
  return day >= DEROGATION_WINDOW.from && day <= DEROGATION_WINDOW.to;
}

/** L2121-20: one proxy per holder; two under the derogation. */
export function maxProxiesPerHolder(day: CalendarDate): number {
  return isUnderDerogation(day) ? 2 : 1;
}

/** L2121-17: more than half of the members in office present; one third under the derogation. */
export function isQuorumReached(present: number, membersInOffice: number, day: CalendarDate): boolean {
  return isUnderDerogation(day) ? present * 3 >= membersInOffice : present * 2 > membersInOffice;
}

/** The calendar day of an instant in Paris (the seeded instants carry their Paris offset). */
export function parisDay(instant: Instant): CalendarDate {
  return instant.slice(0, 10) as CalendarDate;
}

export function compactDate(day: CalendarDate): string {
  return day.replaceAll("-", "");
}

/** Who takes part in the vote: present, or represented through a proxy. */
export function votesAt(entry: AttendanceSeed<string>): boolean {
  return entry.status === "PRESENT" || entry.status === "REPRESENTED";
}

/** The tally of a public vote, from the roll call and each voter's choice. */
export function tallyOf(
  attendance: readonly AttendanceSeed<string>[],
  records: readonly { choice: VoteChoice }[],
): TallySeed {
  const present = attendance.filter((entry) => entry.status === "PRESENT").length;
  const represented = attendance.filter((entry) => entry.status === "REPRESENTED").length;
  const count = (choice: VoteChoice) => records.filter((record) => record.choice === choice).length;
  const abstentions = count("ABSTENTION");
  const nonParticipation = count("NOT_VOTING");
  const presentAndRepresented = present + represented;
  return {
    presentAndRepresented,
    present,
    represented,
    abstentions,
    nonParticipation,
    expressed: presentAndRepresented - abstentions - nonParticipation,
    votesFor: count("FOR"),
    votesAgainst: count("AGAINST"),
  };
}

/** Absolute majority of suffrages exprimés; on a tie in a public vote, the president's vote decides. */
export function resultOf(tally: TallySeed, castingVote: "FOR" | "AGAINST" | null): "ADOPTED" | "REJECTED" {
  if (tally.votesFor > tally.votesAgainst) return "ADOPTED";
  if (tally.votesFor === tally.votesAgainst && tally.votesFor > 0 && castingVote === "FOR") return "ADOPTED";
  return "REJECTED";
}

function tallyProblems(tally: TallySeed): string[] {
  const problems: string[] = [];
  if (tally.present + tally.represented !== tally.presentAndRepresented) {
    problems.push("présents + représentés ne font pas les présents et représentés");
  }
  if (tally.presentAndRepresented - tally.abstentions - tally.nonParticipation !== tally.expressed) {
    problems.push("présents et représentés − abstentions − non-participation ne font pas les suffrages exprimés");
  }
  if (tally.votesFor + tally.votesAgainst !== tally.expressed) {
    problems.push("pour + contre ne font pas les suffrages exprimés");
  }
  if (Object.values(tally).some((figure) => !Number.isInteger(figure) || figure < 0)) {
    problems.push("un chiffre du décompte n'est pas un entier positif");
  }
  return problems;
}

export type DeliberationContext = {
  sittingStartsAt: Instant;
  membersInOffice: number;
  departmentCode: string;
  siren: string;
  /** Every member in office, by name. */
  councillors: readonly string[];
};

/** What is wrong with one deliberation of the seed data, in French (empty when nothing). */
export function deliberationProblems(seed: DeliberationSeed<string>, context: DeliberationContext): string[] {
  const problems: string[] = [];
  const day = parisDay(context.sittingStartsAt);
  const known = new Set(context.councillors);
  const unknown = (name: string | null) => name !== null && !known.has(name);

  if (seed.number !== `DL.${seed.year}-${seed.sequence}`) problems.push(`le numéro ne s'écrit pas DL.${seed.year}-${seed.sequence}`);
  if (seed.year !== Number(day.slice(0, 4))) problems.push("l'année du numéro n'est pas celle de la séance");
  for (const name of [seed.rapporteur, seed.cosignatory]) {
    if (unknown(name)) problems.push(`« ${name} » n'est pas un élu en exercice`);
  }

  const isVoted = seed.vote !== null;
  switch (seed.status) {
    case "DRAFT":
      if (seed.outcome !== null || isVoted || seed.attendance.length > 0) problems.push("un projet ne porte ni présences, ni vote, ni résultat");
      break;
    case "WITHDRAWN":
      if (seed.outcome !== "WITHDRAWN" || isVoted) problems.push("un point retiré n'a pas de vote et a pour résultat « retiré »");
      break;
    case "VOTED":
    case "TRANSMITTED":
    case "PUBLISHED":
      if (seed.outcome === "WITHDRAWN") {
        if (isVoted) problems.push("un point retiré n'a pas de vote");
      } else if (!isVoted || seed.votedAt !== day) {
        problems.push("une délibération votée porte son vote, à la date de la séance");
      }
      break;
    default: {
      const exhaustive: never = seed.status;
      problems.push(`statut inconnu ${String(exhaustive)}`);
    }
  }
  if ((seed.status === "PUBLISHED") !== (seed.publishedAt !== null)) problems.push("seule une délibération publiée a une date de mise en ligne");
  if ((seed.status === "TRANSMITTED" || seed.status === "PUBLISHED") && seed.outcome !== "WITHDRAWN") {
    if (seed.prefectureReceipt === null || seed.transmittedAt === null) problems.push("une délibération transmise porte l'accusé de réception de la préfecture");
  }

  if (seed.attendance.length > 0) {
    const seen = new Set<string>();
    for (const entry of seed.attendance) {
      if (unknown(entry.councillor)) problems.push(`« ${entry.councillor} » n'est pas un élu en exercice`);
      if (seen.has(entry.councillor)) problems.push(`${entry.councillor} figure deux fois dans les présences`);
      seen.add(entry.councillor);
    }
    if (seen.size !== context.membersInOffice) {
      problems.push(`les présences comptent ${seen.size} élus au lieu des ${context.membersInOffice} membres en exercice`);
    }
    const statusOf = new Map(seed.attendance.map((entry) => [entry.councillor, entry.status]));
    const proxiesHeld = new Map<string, number>();
    for (const entry of seed.attendance) {
      if (entry.status !== "REPRESENTED") continue;
      if (statusOf.get(entry.proxyHolder) !== "PRESENT") problems.push(`${entry.proxyHolder}, mandataire de ${entry.councillor}, n'est pas présent`);
      proxiesHeld.set(entry.proxyHolder, (proxiesHeld.get(entry.proxyHolder) ?? 0) + 1);
    }
    for (const [holder, count] of proxiesHeld) {
      if (count > maxProxiesPerHolder(day)) problems.push(`${holder} porte ${count} pouvoirs (au plus ${maxProxiesPerHolder(day)} le ${day})`);
    }
    const present = seed.attendance.filter((entry) => entry.status === "PRESENT").length;
    if (!isQuorumReached(present, context.membersInOffice, day)) problems.push(`le quorum n'est pas atteint (${present} présents)`);
    if (seed.rapporteur !== null && statusOf.get(seed.rapporteur) !== "PRESENT") problems.push(`le rapporteur ${seed.rapporteur} n'est pas présent`);
  }

  const vote = seed.vote;
  if (vote !== null) {
    problems.push(...tallyProblems(vote.tally));
    const voters = seed.attendance.filter(votesAt);
    if (vote.tally.present !== voters.filter((entry) => entry.status === "PRESENT").length || vote.tally.represented !== voters.length - vote.tally.present) {
      problems.push("les présents et représentés du décompte ne sont pas ceux de la liste de présence");
    }
    if (vote.secret) {
      if (vote.records.length > 0) problems.push("un scrutin secret ne nomme pas les votants");
      if (vote.castingVote !== null) problems.push("la voix du président n'est pas prépondérante au scrutin secret");
    } else {
      const voterNames = new Set(voters.map((entry) => entry.councillor));
      const recorded = new Set(vote.records.map((record) => record.councillor));
      if (recorded.size !== vote.records.length || recorded.size !== voterNames.size || [...recorded].some((name) => !voterNames.has(name))) {
        problems.push("les votes nominatifs ne sont pas exactement ceux des présents et représentés");
      }
      const derived = tallyOf(seed.attendance, vote.records);
      if (JSON.stringify(derived) !== JSON.stringify(vote.tally)) problems.push("le décompte ne résulte pas des votes nominatifs");
    }
    if (vote.castingVote !== null && vote.tally.votesFor !== vote.tally.votesAgainst) problems.push("la voix prépondérante ne vaut qu'en cas de partage égal");
    if (resultOf(vote.tally, vote.castingVote) !== vote.result) problems.push("le résultat ne suit pas le décompte");
    if (seed.outcome !== vote.result) problems.push("le résultat de la délibération n'est pas celui du vote");
  }

  const receipt = seed.prefectureReceipt;
  if (receipt !== null) {
    const expectedStart = `${context.departmentCode}-${context.siren}-${compactDate(day)}-`;
    const shape = /^([0-9]{3}|02A|02B)-[0-9]{9}-[0-9]{8}-[A-Za-z0-9_]{1,15}-DE(-[0-9]+-[0-9]+)?$/;
    if (!receipt.actesId.startsWith(expectedStart) || !shape.test(receipt.actesId)) {
      problems.push(`l'identifiant ACTES ${receipt.actesId} ne correspond pas à la commune et à la date de la séance`);
    }
  }
  return problems.map((problem) => `${seed.number} : ${problem}`);
}
