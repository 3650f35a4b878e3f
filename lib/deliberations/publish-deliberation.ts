import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parisInstant } from "@/lib/sittings/paris-instant";
import { publishSchema } from "@/lib/validations/deliberation";
import { parseInput } from "@/lib/validations/parse";
import { lockDeliberation, stepTo } from "./deliberation-workflow";

/**
 * Publishes a deliberation: it becomes public at once and immutable (the
 * database refuses any later change). The moment put online is now, or, for
 * an archived act entered afterwards, the past day and hour given.
 */
export async function publishDeliberation(options: { db: Db; actor: SessionUser | null; id: string; input?: unknown; now?: Date }): Promise<{ id: string; number: string }> {
  const actor = authorizeEditor(options.actor);
  const input = parseInput(publishSchema, options.input ?? { publishedOn: "", publishedAtTime: "" });
  const now = options.now ?? new Date();
  const publishedAt = input.publishedOn ? parisInstant(input.publishedOn, input.publishedAtTime || "00:00") : now;
  return options.db.$transaction((tx) => publishDeliberationInTransaction(tx, actor, { deliberationId: options.id, publishedAt, now }));
}

/** The core of `publishDeliberation`, inside the caller's transaction. */
export async function publishDeliberationInTransaction(tx: Tx, actor: Editor, { deliberationId, publishedAt, now }: { deliberationId: string; publishedAt: Date; now: Date }): Promise<{ id: string; number: string }> {
  if (publishedAt.getTime() > now.getTime()) {
    throw new AppError("VALIDATION", "La date de mise en ligne ne peut être dans le futur.", { publishedOn: ["La date de mise en ligne ne peut être dans le futur."] });
  }
  const deliberation = await lockDeliberation(tx, actor, deliberationId);
  const status = stepTo(deliberation, "PUBLISH");
  if (publishedAt.getTime() < deliberation.sitting.startsAt.getTime()) {
    throw new AppError("VALIDATION", "Une délibération ne peut être mise en ligne avant sa séance.", { publishedOn: ["Date antérieure à la séance."] });
  }
  await tx.deliberation.update({ where: { id: deliberation.id }, data: { status, publishedAt } });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "deliberation.publish",
    entity: "deliberation",
    entityId: deliberation.id,
    before: { status: deliberation.status },
    after: { status, publishedAt: publishedAt.toISOString() },
  });
  return { id: deliberation.id, number: deliberation.number };
}
