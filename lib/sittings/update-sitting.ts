import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { EDITOR_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validations/parse";
import { sittingSchema } from "@/lib/validations/sitting";
import { SITTING_SELECT, assertSittingOfficers, sittingData, sittingSnapshot } from "./sitting-fields";

/** Edits a sitting; refused once one of its deliberations is published (the published act names it as it was). */
export async function updateSitting(options: { db: Db; actor: SessionUser | null; id: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorize(options.actor, EDITOR_ROLES);
  const input = parseInput(sittingSchema, options.input);
  const data = sittingData(input);
  return options.db.$transaction(async (tx) => {
    const before = await tx.sitting.findFirst({ where: { id: options.id, municipalityId: actor.municipalityId }, select: SITTING_SELECT });
    if (!before) throw new AppError("NOT_FOUND", "Cette séance n'existe pas.");
    const published = await tx.deliberation.count({ where: { sittingId: before.id, status: "PUBLISHED" } });
    if (published) {
      throw new AppError("INVALID_STATE", "Cette séance a des délibérations publiées : elle ne peut plus être modifiée. Rectifiez la délibération concernée.");
    }
    await assertSittingOfficers(tx, actor.municipalityId, input);
    await tx.sitting.update({ where: { id: before.id }, data });
    await appendAuditEvent(tx, {
      municipalityId: actor.municipalityId,
      userId: actor.id,
      action: "sitting.update",
      entity: "sitting",
      entityId: before.id,
      before: sittingSnapshot(before),
      after: sittingSnapshot(data),
    });
    return { id: before.id };
  });
}
