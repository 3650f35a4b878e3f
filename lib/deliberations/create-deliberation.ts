import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { deliberationSchema } from "@/lib/validations/deliberation";
import { parseInput } from "@/lib/validations/parse";
import { assertDeliberationData, deliberationData, deliberationSnapshot, type DeliberationData } from "./deliberation-fields";

/**
 * Adds a draft deliberation to a sitting. Its roll call starts as the one of
 * the sitting's previous deliberation (the clerk then records arrivals and
 * departures), so the grid is typed once per sitting.
 */
export async function createDeliberation(options: { db: Db; actor: SessionUser | null; sittingId: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const data = deliberationData(parseInput(deliberationSchema, options.input));
  return options.db.$transaction((tx) => createDeliberationInTransaction(tx, actor, { sittingId: options.sittingId, deliberation: data }));
}

/** The core of `createDeliberation`, inside the caller's transaction. */
export async function createDeliberationInTransaction(tx: Tx, actor: Editor, { sittingId, deliberation: data }: { sittingId: string; deliberation: DeliberationData }): Promise<{ id: string }> {
  const sitting = /^[0-9a-f-]{36}$/i.test(sittingId)
    ? await tx.sitting.findFirst({ where: { id: sittingId, municipalityId: actor.municipalityId }, select: { id: true, startsAt: true, isDemo: true } })
    : null;
  if (!sitting) throw new AppError("NOT_FOUND", "Cette séance n'existe pas.");
  await assertDeliberationData(tx, { municipalityId: actor.municipalityId, sittingStartsAt: sitting.startsAt, data });
  const deliberation = await tx.deliberation.create({
    data: { municipalityId: actor.municipalityId, sittingId: sitting.id, isDemo: sitting.isDemo, ...data },
    select: { id: true },
  });
  const previous = await tx.deliberation.findFirst({
    where: { sittingId: sitting.id, id: { not: deliberation.id }, orderInSitting: { lte: data.orderInSitting }, attendances: { some: {} } },
    orderBy: [{ orderInSitting: "desc" }, { createdAt: "desc" }],
    select: { attendances: { select: { councillorId: true, status: true, proxyHolderId: true, note: true } } },
  });
  if (previous) {
    await tx.attendance.createMany({
      data: previous.attendances.map((entry) => ({ municipalityId: actor.municipalityId, deliberationId: deliberation.id, ...entry, note: null })),
    });
  }
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "deliberation.create",
    entity: "deliberation",
    entityId: deliberation.id,
    after: { sittingId: sitting.id, ...deliberationSnapshot(data), rollCallCopied: previous ? previous.attendances.length : 0 },
  });
  return deliberation;
}
