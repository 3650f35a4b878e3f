import "server-only";
import { replaceAttendance } from "@/lib/attendance/replace-attendance";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import type { SittingRollCall } from "@/lib/domain/roll-call";
import { localDay } from "@/lib/domain/calendar";
import { checkRollCallForm, ROLL_CALL_REFUSAL } from "@/lib/domain/roll-call-form";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { AppError, refuseIfIssues } from "@/lib/errors";
import { sittingRollCallSchema } from "@/lib/validations/deliberation";
import { parseInput } from "@/lib/validations/parse";
import { loadSittingRollCall } from "./get-sitting-roll-call";
import { isUuid } from "@/lib/validations/common";

/**
 * Records the sitting's roll call: the call at the opening and the arrivals and
 * departures from a given deliberation on. Every draft of the sitting gets the
 * attendance that follows from it (each audited); a deliberation already voted
 * keeps its own, and a change that would alter it is refused. Proxy rules are
 * checked at every deliberation, each refusal reported on the rows that cause it.
 */
export async function recordSittingRollCall(options: { db: Db; actor: SessionUser | null; sittingId: string; input: unknown }): Promise<{ id: string; updated: number }> {
  const actor = authorizeEditor(options.actor);
  const input = parseInput(sittingRollCallSchema, options.input);
  const clean = <Mark extends { proxyHolderId: string; note: string }>(mark: Mark) => ({ ...mark, proxyHolderId: mark.proxyHolderId || null, note: mark.note || null });
  const rollCall: SittingRollCall = { opening: input.opening.map(clean), changes: input.changes.map(clean) };
  if (!isUuid(options.sittingId)) throw new AppError("NOT_FOUND", "Cette séance n'existe pas.");
  return options.db.$transaction((tx) => recordSittingRollCallInTransaction(tx, actor, { sittingId: options.sittingId, rollCall }));
}

/** The core of `recordSittingRollCall`, inside the caller's transaction: each draft's attendance goes through the attendance writer. */
export async function recordSittingRollCallInTransaction(tx: Tx, actor: Editor, { sittingId, rollCall }: { sittingId: string; rollCall: SittingRollCall }): Promise<{ id: string; updated: number }> {
  // Two clerks on one sitting are served in turn; a deliberation's own actions lock it too.
  await tx.$queryRaw`SELECT id FROM deliberation WHERE sitting_id = ${sittingId}::uuid AND municipality_id = ${actor.municipalityId}::uuid ORDER BY id FOR UPDATE`;
  const { sitting, councillors, membersInOffice, windows, deliberations } = await loadSittingRollCall(tx, actor.municipalityId, sittingId);
  if (!deliberations.length) throw new AppError("INVALID_STATE", "Ajoutez d'abord les délibérations de la séance : l'appel s'enregistre pour chacune.");
  const { issues, toWrite } = checkRollCallForm({ rollCall, councillors, deliberations, date: localDay(sitting.startsAt, await timeZoneOf(tx, actor.municipalityId)), membersInOffice, reconvened: sitting.reconvened, windows });
  refuseIfIssues(issues, ROLL_CALL_REFUSAL);

  for (const { deliberationId, marks } of toWrite) await replaceAttendance(tx, actor, { deliberationId, entries: marks });
  return { id: sitting.id, updated: toWrite.length };
}
