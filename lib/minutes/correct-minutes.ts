import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import { MinutesStatus, type Db, type Prisma, type Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { correctMinutesSchema } from "@/lib/validations/minutes";
import { parseInput } from "@/lib/validations/parse";
import { loadHeldSitting, lockLatestMinutes, requireMinutes } from "./minutes-access";

/**
 * Starts the correction of a published PV: a new version, a draft pointing to
 * the published one (which stays as it is, RG033), starting from its texts.
 * It goes through submission and adoption again before it is published.
 */
export async function correctMinutes(options: { db: Db; actor: SessionUser | null; sittingId: string; input: unknown }): Promise<{ id: string; version: number }> {
  const actor = authorizeEditor(options.actor);
  const { reason } = parseInput(correctMinutesSchema, options.input);
  return options.db.$transaction((tx) => correctMinutesInTransaction(tx, actor, { sittingId: options.sittingId, reason }));
}

export async function correctMinutesInTransaction(tx: Tx, actor: Editor, { sittingId, reason }: { sittingId: string; reason: string }) {
  const sitting = await loadHeldSitting(tx, actor, sittingId);
  const published = requireMinutes(await lockLatestMinutes(tx, sitting.id));
  if (published.status !== MinutesStatus.PUBLISHED) {
    throw new AppError("INVALID_STATE", "Seul un procès-verbal publié se corrige par une nouvelle version ; celui-ci se modifie encore directement.");
  }
  const created = await tx.minutes.create({
    data: {
      municipalityId: actor.municipalityId,
      sittingId: sitting.id,
      version: published.version + 1,
      previousVersionId: published.id,
      correctionReason: reason,
      openingDiscussion: published.openingDiscussion,
      ballotRequests: published.ballotRequests,
      urgencyRuling: published.urgencyRuling,
      itemDiscussions: published.itemDiscussions as Prisma.InputJsonValue,
    },
    select: { id: true, version: true },
  });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "minutes.correct",
    entity: "minutes",
    entityId: created.id,
    before: { id: published.id, version: published.version },
    after: { version: created.version, previousVersionId: published.id, correctionReason: reason },
  });
  return created;
}
