import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { EDITOR_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { councillorSchema } from "@/lib/validations/councillor";
import { parseInput } from "@/lib/validations/parse";
import { councillorData, councillorSnapshot } from "./councillor-fields";

export async function createCouncillor(options: { db: Db; actor: SessionUser | null; input: unknown }): Promise<{ id: string }> {
  const actor = authorize(options.actor, EDITOR_ROLES);
  const input = parseInput(councillorSchema, options.input);
  const data = councillorData(input);
  return options.db.$transaction(async (tx) => {
    const councillor = await tx.councillor.create({ data: { municipalityId: actor.municipalityId, ...data }, select: { id: true } });
    await appendAuditEvent(tx, {
      municipalityId: actor.municipalityId,
      userId: actor.id,
      action: "councillor.create",
      entity: "councillor",
      entityId: councillor.id,
      after: councillorSnapshot(data),
    });
    return councillor;
  });
}
