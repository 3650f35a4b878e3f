import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { checkpointAuditChain } from "@/lib/audit/checkpoint-audit-chain";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { instantAt } from "@/lib/domain/calendar";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { publishSchema } from "@/lib/validations/deliberation";
import { parseInput } from "@/lib/validations/parse";
import { lockDeliberation, stepTo } from "./deliberation-workflow";

/**
 * Publishes a deliberation: it becomes public at once and immutable (the
 * database refuses any later change), and what it states is frozen: the
 * statement that publishes makes the database store its record
 * (deliberation_snapshot), which every public rendering reads. The moment put online is now, or, for
 * an archived act entered afterwards, the past day and hour given.
 */
export async function publishDeliberation(options: { db: Db; actor: SessionUser | null; id: string; input?: unknown; now?: Date }): Promise<{ id: string; number: string }> {
  const actor = authorizeEditor(options.actor);
  const input = parseInput(publishSchema, options.input ?? { publishedOn: "", publishedAtTime: "" });
  const now = options.now ?? new Date();
  // Now, or the local day and hour an archived act was put online, read in the municipality's zone.
  const publishedAt = input.publishedOn ? instantAt(input.publishedOn, input.publishedAtTime || "00:00", await timeZoneOf(options.db, actor.municipalityId)) : now;
  const published = await options.db.$transaction((tx) => publishDeliberationInTransaction(tx, actor, { deliberationId: options.id, publishedAt, now }));
  // Every publication anchors the audit chain's head outside the table.
  await checkpointAuditChain(options.db);
  return published;
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
  // That statement froze what the act states (deliberation_snapshot, taken by the database): the audit row keeps its digest.
  const [snapshot] = await tx.$queryRaw<{ digest: string }[]>`
    SELECT encode(sha256(convert_to(s.record::text || s.municipality_record::text, 'UTF8')), 'hex') AS digest
    FROM deliberation_snapshot s WHERE s.deliberation_id = ${deliberation.id}::uuid`;
  if (!snapshot) throw new Error(`La publication de ${deliberation.number} n'a pas figé l'acte (deliberation_snapshot).`);
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "deliberation.publish",
    entity: "deliberation",
    entityId: deliberation.id,
    before: { status: deliberation.status },
    after: { status, publishedAt: publishedAt.toISOString(), snapshotDigest: snapshot.digest },
  });
  return { id: deliberation.id, number: deliberation.number };
}
