import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { EDITOR_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { parseInput } from "@/lib/validations/parse";
import { sittingSchema } from "@/lib/validations/sitting";
import { assertSittingOfficers, sittingData, sittingSnapshot } from "./sitting-fields";

export async function createSitting(options: { db: Db; actor: SessionUser | null; input: unknown }): Promise<{ id: string }> {
  const actor = authorize(options.actor, EDITOR_ROLES);
  const input = parseInput(sittingSchema, options.input);
  const data = sittingData(input);
  return options.db.$transaction(async (tx) => {
    await assertSittingOfficers(tx, actor.municipalityId, input);
    const sitting = await tx.sitting.create({ data: { municipalityId: actor.municipalityId, ...data }, select: { id: true, membersInOffice: true } });
    await appendAuditEvent(tx, {
      municipalityId: actor.municipalityId,
      userId: actor.id,
      action: "sitting.create",
      entity: "sitting",
      entityId: sitting.id,
      after: sittingSnapshot({ ...data, membersInOffice: sitting.membersInOffice }),
    });
    return { id: sitting.id };
  });
}
