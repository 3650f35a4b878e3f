import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { councillorSchema } from "@/lib/validations/councillor";
import { parseInput } from "@/lib/validations/parse";
import { councillorData, councillorSnapshot, type CouncillorData } from "./councillor-fields";

export async function createCouncillor(options: { db: Db; actor: SessionUser | null; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const input = parseInput(councillorSchema, options.input);
  const data = councillorData(input);
  return options.db.$transaction((tx) => createCouncillorInTransaction(tx, actor, { councillor: data }));
}

/** The core of `createCouncillor`, inside the caller's transaction. */
export async function createCouncillorInTransaction(tx: Tx, actor: Editor, { councillor: data }: { councillor: CouncillorData }): Promise<{ id: string }> {
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
}
