import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validations/common";
import { parseInput } from "@/lib/validations/parse";
import { sittingCancellationSchema } from "@/lib/validations/sitting-cancellation";

/**
 * Cancels a sitting not held: it stays public, marked cancelled with its
 * reason, and its calendar event turns STATUS:CANCELLED with a higher
 * SEQUENCE (database trigger). A sitting with a published act was held: the
 * database refuses (RG021).
 */
export async function cancelSitting(options: { db: Db; actor: SessionUser | null; sittingId: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const { reason } = parseInput(sittingCancellationSchema, options.input);
  return options.db.$transaction((tx) => cancelSittingInTransaction(tx, actor, { sittingId: options.sittingId, reason }));
}

/** The core of `cancelSitting`, inside the caller's transaction. */
export async function cancelSittingInTransaction(tx: Tx, actor: Editor, { sittingId, reason }: { sittingId: string; reason: string }): Promise<{ id: string }> {
  if (!isUuid(sittingId)) throw new AppError("NOT_FOUND", "Cette séance n'existe pas.");
  const sitting = await tx.sitting.findFirst({ where: { id: sittingId, municipalityId: actor.municipalityId }, select: { id: true, cancelledAt: true } });
  if (!sitting) throw new AppError("NOT_FOUND", "Cette séance n'existe pas.");
  if (sitting.cancelledAt) throw new AppError("INVALID_STATE", "Cette séance est déjà annulée.");
  const cancelledAt = new Date();
  await tx.sitting.update({ where: { id: sitting.id }, data: { cancelledAt, cancellationReason: reason } });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "sitting.cancel",
    entity: "sitting",
    entityId: sitting.id,
    before: { cancelledAt: null },
    after: { cancelledAt: cancelledAt.toISOString(), reason },
  });
  return { id: sitting.id };
}
