import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { formatCouncillorName } from "@/lib/domain/format";
import { sittingNotHeldMessage } from "@/lib/domain/past-events";
import { checkQuorum } from "@/lib/domain/quorum";
import type { AttendanceEntry } from "@/lib/domain/types";
import { checkVoteForm, VOTE_REFUSAL } from "@/lib/domain/vote-form";
import { AppError, refuseIfIssues } from "@/lib/errors";
import { loadDerogationWindows } from "@/lib/municipality/load-derogation-windows";
import { voteSchema, type VoteData } from "@/lib/validations/deliberation";
import { parseInput } from "@/lib/validations/parse";
import { dateColumn, localDay } from "@/lib/domain/calendar";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { lockDeliberation, stepTo } from "./deliberation-workflow";


/**
 * Records the vote of a draft: a public vote names those against, abstaining
 * or not taking part (everyone else present or represented voted for); a
 * secret ballot gives counts. The tally and the result come from the domain
 * library; a broken tally, a vote without quorum or a tie without the
 * president's casting vote is refused with the reason.
 */
export async function recordVote(options: { db: Db; actor: SessionUser | null; id: string; input: unknown }): Promise<RecordedVote> {
  const actor = authorizeEditor(options.actor);
  const vote = parseInput(voteSchema, options.input);
  return options.db.$transaction((tx) => recordVoteInTransaction(tx, actor, { deliberationId: options.id, vote }));
}

export type RecordedVote = { id: string; outcome: "ADOPTED" | "REJECTED" };

/** The core of `recordVote`, inside the caller's transaction. */
export async function recordVoteInTransaction(tx: Tx, actor: Editor, { deliberationId, vote: input }: { deliberationId: string; vote: VoteData }): Promise<RecordedVote> {
  const deliberation = await lockDeliberation(tx, actor, deliberationId);
  const status = stepTo(deliberation, "RECORD_VOTE");
  const zone = await timeZoneOf(tx, actor.municipalityId);
  const sittingDay = localDay(deliberation.sitting.startsAt, zone);
  const notHeld = sittingNotHeldMessage(sittingDay, localDay(new Date(), zone));
  if (notHeld) throw new AppError("INVALID_STATE", notHeld);
  const rows = await tx.attendance.findMany({
    where: { deliberationId: deliberation.id },
    select: { councillorId: true, status: true, proxyHolderId: true, councillor: { select: { civility: true, firstName: true, lastName: true } } },
  });
  if (!rows.length) throw new AppError("INVALID_STATE", "Faites d'abord l'appel : la liste de présence de cette délibération est vide.");
  const attendance: AttendanceEntry[] = rows.map((row) => ({ councillorId: row.councillorId, name: formatCouncillorName(row.councillor), status: row.status, proxyHolderId: row.proxyHolderId }));
  // The sitting's own figure: the members in office on its day, not today's setting.
  const { membersInOffice, startsAt, reconvened } = deliberation.sitting;
  const windows = await loadDerogationWindows(tx, actor.municipalityId);
  const present = attendance.filter((entry) => entry.status === "PRESENT").length;
  const quorum = checkQuorum({ membersInOffice, present, date: localDay(startsAt, zone), reconvened, windows });
  if (!quorum.reached) throw new AppError("INVALID_STATE", quorum.message);

  const check = checkVoteForm({ attendance, membersInOffice, vote: input });
  refuseIfIssues(check.issues, VOTE_REFUSAL);
  // A form without issues has its tally and its decision.
  const tally = check.tally!;
  const decision = check.decision!;
  const { choices, castingVote } = check;
  const vote = await tx.vote.create({
    data: {
      municipalityId: actor.municipalityId,
      deliberationId: deliberation.id,
      secret: input.secret,
      ...tally,
      castingVote,
      result: decision.outcome,
    },
    select: { id: true },
  });
  if (choices.length) {
    await tx.voteRecord.createMany({ data: choices.map((choice) => ({ municipalityId: actor.municipalityId, voteId: vote.id, ...choice })) });
  }
  await tx.deliberation.update({ where: { id: deliberation.id }, data: { status, outcome: decision.outcome, votedAt: dateColumn(sittingDay) } });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "deliberation.vote",
    entity: "deliberation",
    entityId: deliberation.id,
    before: { status: deliberation.status },
    after: { status, outcome: decision.outcome, secret: input.secret, tally, castingVote, notFor: choices.filter((choice) => choice.choice !== "FOR") },
  });
  return { id: deliberation.id, outcome: decision.outcome };
}
