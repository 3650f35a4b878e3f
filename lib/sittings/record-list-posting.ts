import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { dateColumn, isoDay, localDay } from "@/lib/domain/calendar";
import { AppError } from "@/lib/errors";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { isUuid } from "@/lib/validations/common";
import { parseInput } from "@/lib/validations/parse";
import { listPostingSchema } from "@/lib/validations/sitting";
import { assertListPostedInThePast } from "./sitting-fields";

/**
 * Records the day the list of the sitting's deliberations was posted (CGCT
 * L2121-25, within a week of the sitting). It comes after the acts, often
 * after their publication: the freeze of a sitting with published acts covers
 * what the acts state, not this later fact, which stays enterable (audited).
 */
export async function recordListPosting(options: { db: Db; actor: SessionUser | null; sittingId: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const { listPostedAt } = parseInput(listPostingSchema, options.input);
  return options.db.$transaction((tx) => recordListPostingInTransaction(tx, actor, { sittingId: options.sittingId, listPostedAt }));
}

/** The core of `recordListPosting`, inside the caller's transaction. */
export async function recordListPostingInTransaction(tx: Tx, actor: Editor, { sittingId, listPostedAt }: { sittingId: string; listPostedAt: string }): Promise<{ id: string }> {
  if (!isUuid(sittingId)) throw new AppError("NOT_FOUND", "Cette séance n'existe pas.");
  const sitting = await tx.sitting.findFirst({ where: { id: sittingId, municipalityId: actor.municipalityId }, select: { id: true, startsAt: true, listPostedAt: true } });
  if (!sitting) throw new AppError("NOT_FOUND", "Cette séance n'existe pas.");
  const zone = await timeZoneOf(tx, actor.municipalityId);
  if (listPostedAt && listPostedAt < localDay(sitting.startsAt, zone)) {
    const message = "La liste des délibérations ne peut être affichée avant la séance.";
    throw new AppError("VALIDATION", message, { listPostedAt: [message] });
  }
  assertListPostedInThePast(listPostedAt, zone);
  await tx.sitting.update({ where: { id: sitting.id }, data: { listPostedAt: listPostedAt ? dateColumn(listPostedAt) : null } });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "sitting.list-posting",
    entity: "sitting",
    entityId: sitting.id,
    before: { listPostedAt: sitting.listPostedAt ? isoDay(sitting.listPostedAt) : null },
    after: { listPostedAt: listPostedAt || null },
  });
  return { id: sitting.id };
}
