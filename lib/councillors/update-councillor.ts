import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { EDITOR_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { councillorSchema } from "@/lib/validations/councillor";
import { parseInput } from "@/lib/validations/parse";
import { COUNCILLOR_SELECT, councillorData, councillorSnapshot } from "./councillor-fields";

export async function updateCouncillor(options: { db: Db; actor: SessionUser | null; id: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorize(options.actor, EDITOR_ROLES);
  const input = parseInput(councillorSchema, options.input);
  const data = councillorData(input);
  return options.db.$transaction(async (tx) => {
    const before = await tx.councillor.findFirst({ where: { id: options.id, municipalityId: actor.municipalityId }, select: COUNCILLOR_SELECT });
    if (!before) throw new AppError("NOT_FOUND", "Cet élu n'existe pas.");
    await tx.councillor.update({ where: { id: before.id }, data });
    await appendAuditEvent(tx, {
      municipalityId: actor.municipalityId,
      userId: actor.id,
      action: "councillor.update",
      entity: "councillor",
      entityId: before.id,
      before: councillorSnapshot(before),
      after: councillorSnapshot(data),
    });
    return { id: before.id };
  });
}
