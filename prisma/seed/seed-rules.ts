import type { VoteChoice } from "@/lib/db/generated/enums";
import { checkActesId, parseActesId } from "@/lib/domain/actes";
import type { DerogationWindow } from "@/lib/domain/derogations";
import { DomainError } from "@/lib/domain/errors";
import { formatDeliberationNumber } from "@/lib/domain/numbering";
import { DEFAULT_TIME_ZONE, localDay } from "@/lib/domain/calendar";
import { checkProxies, checkQuorum } from "@/lib/domain/quorum";
import { checkTally, decideOutcome, deriveTally } from "@/lib/domain/tally";
import type { AttendanceEntry } from "@/lib/domain/types";
import type { AttendanceSeed, CalendarDate, DeliberationSeed, Instant, TallySeed } from "./types";

// The seed's data checked by the council's rules as lib/domain states them
// (quorum, proxies against the municipality's derogation windows, tally,
// result, numbering, ACTES identifier), before its deliberations are written,
// so that a mistake in the data is reported in French, by deliberation number,
// instead of surfacing as a constraint violation. No rule is restated here.

/** The calendar day of an instant in Paris. */
export function parisDay(instant: Instant): CalendarDate {
  return localDay(instant, DEFAULT_TIME_ZONE) as CalendarDate;
}

/** The domain's attendance entries, the seed's names standing for the councillors' ids. */
function attendanceEntries(attendance: readonly AttendanceSeed<string>[]): AttendanceEntry[] {
  return attendance.map((entry) => ({
    councillorId: entry.councillor,
    name: entry.councillor,
    status: entry.status,
    proxyHolderId: entry.status === "REPRESENTED" ? entry.proxyHolder : null,
  }));
}

/** The tally of a public vote, from the roll call and each voter's choice (lib/domain's deriveTally). */
export function tallyOf(attendance: readonly AttendanceSeed<string>[], records: readonly { councillor: string; choice: VoteChoice }[]): TallySeed {
  return deriveTally({ attendance: attendanceEntries(attendance), choices: records.map((record) => ({ councillorId: record.councillor, choice: record.choice })) });
}

/** The result the domain decides for a tally (a public tie needs the president's casting vote). */
export function resultOf(tally: TallySeed, { secret, castingVote }: { secret: boolean; castingVote: "FOR" | "AGAINST" | null }): "ADOPTED" | "REJECTED" {
  return decideOutcome({ tally, secret, castingVote }).outcome;
}

export type DeliberationContext = {
  sittingStartsAt: Instant;
  membersInOffice: number;
  /** The municipality's derogation windows, as the database holds them. */
  windows: readonly DerogationWindow[];
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

  const number = formatDeliberationNumber(seed.year, seed.sequence);
  if (seed.number !== number) problems.push(`le numéro ne s'écrit pas ${number}`);
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
  // Only an adopted act goes to the prefecture (lib/domain/workflow.ts): a rejected or withdrawn one is published without.
  const transmitted = (seed.status === "TRANSMITTED" || seed.status === "PUBLISHED") && seed.outcome === "ADOPTED";
  if (transmitted && (seed.prefectureReceipt === null || seed.transmittedAt === null)) problems.push("une délibération transmise porte l'accusé de réception de la préfecture");
  if (!transmitted && seed.prefectureReceipt !== null) problems.push("seule une délibération adoptée est transmise en préfecture");

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
    const attendance = attendanceEntries(seed.attendance);
    problems.push(...checkProxies({ attendance, date: parisDay(context.sittingStartsAt), windows: context.windows }).map((issue) => issue.message));
    const present = seed.attendance.filter((entry) => entry.status === "PRESENT").length;
    // More present than members is reported above; the quorum is then judged on the members.
    const quorum = checkQuorum({ membersInOffice: context.membersInOffice, present: Math.min(present, context.membersInOffice), date: parisDay(context.sittingStartsAt), windows: context.windows });
    if (!quorum.reached) problems.push(quorum.message);
    if (seed.rapporteur !== null && statusOf.get(seed.rapporteur) !== "PRESENT") problems.push(`le rapporteur ${seed.rapporteur} n'est pas présent`);
  }

  const vote = seed.vote;
  if (vote !== null) {
    problems.push(...checkTally(vote.tally, { membersInOffice: context.membersInOffice }).map((issue) => issue.message));
    const voters = seed.attendance.filter((entry) => entry.status === "PRESENT" || entry.status === "REPRESENTED");
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
    try {
      if (resultOf(vote.tally, vote) !== vote.result) problems.push("le résultat ne suit pas le décompte");
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push(error.message);
    }
    if (seed.outcome !== vote.result) problems.push("le résultat de la délibération n'est pas celui du vote");
  }

  const receipt = seed.prefectureReceipt;
  if (receipt !== null) {
    const parsed = parseActesId(receipt.actesId);
    if (!parsed.ok) problems.push(`l'identifiant ACTES ${receipt.actesId} : ${parsed.reason}`);
    else {
      const expected = { departmentCode: context.departmentCode, siren: context.siren, sittingDate: parisDay(context.sittingStartsAt), nature: "DE" as const };
      problems.push(...checkActesId(parsed.value, expected).map((issue) => `l'identifiant ACTES ${receipt.actesId} : ${issue.message}`));
    }
  }
  return problems.map((problem) => `${seed.number} : ${problem}`);
}
