import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { councillorSchema } from "@/lib/validations/councillor";
import { parseInput } from "@/lib/validations/parse";
import { COUNCILLOR_SELECT, councillorData, councillorSnapshot, type CouncillorData } from "./councillor-fields";

export async function updateCouncillor(options: { db: Db; actor: SessionUser | null; id: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const input = parseInput(councillorSchema, options.input);
  const data = councillorData(input);
  return options.db.$transaction((tx) => updateCouncillorInTransaction(tx, actor, { councillorId: options.id, councillor: data }));
}

/** The core of `updateCouncillor`, inside the caller's transaction. */
export async function updateCouncillorInTransaction(tx: Tx, actor: Editor, { councillorId, councillor: data }: { councillorId: string; councillor: CouncillorData }): Promise<{ id: string }> {
  const before = await tx.councillor.findFirst({ where: { id: councillorId, municipalityId: actor.municipalityId }, select: COUNCILLOR_SELECT });
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
}
