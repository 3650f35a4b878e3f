import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import type { SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parisInstant } from "@/lib/sittings/paris-instant";
import { publishSchema } from "@/lib/validations/deliberation";
import { parseInput } from "@/lib/validations/parse";
import { editor, lockDeliberation, stepTo } from "./deliberation-workflow";

/**
 * Publishes a deliberation: it becomes public at once and immutable (the
 * database refuses any later change). The moment put online is now, or, for
 * an archived act entered afterwards, the past day and hour given.
 */
export async function publishDeliberation(options: { db: Db; actor: SessionUser | null; id: string; input?: unknown; now?: Date }): Promise<{ id: string; number: string }> {
  const actor = editor(options.actor);
  const input = parseInput(publishSchema, options.input ?? { publishedOn: "", publishedAtTime: "" });
  const now = options.now ?? new Date();
  const publishedAt = input.publishedOn ? parisInstant(input.publishedOn, input.publishedAtTime || "00:00") : now;
  if (publishedAt.getTime() > now.getTime()) {
    throw new AppError("VALIDATION", "La date de mise en ligne ne peut être dans le futur.", { publishedOn: ["La date de mise en ligne ne peut être dans le futur."] });
  }
  return options.db.$transaction(async (tx) => {
    const deliberation = await lockDeliberation(tx, actor, options.id);
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
  });
}
