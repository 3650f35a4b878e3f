import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { politicalGroupSchema } from "@/lib/validations/political-group";
import { parseInput } from "@/lib/validations/parse";

/** Creates a political group of the council, audited. */
export async function createPoliticalGroup(options: { db: Db; actor: SessionUser | null; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const { name } = parseInput(politicalGroupSchema, options.input);
  return options.db.$transaction((tx) => createPoliticalGroupInTransaction(tx, actor, { name }));
}

/** The core of `createPoliticalGroup`, inside the caller's transaction. */
export async function createPoliticalGroupInTransaction(tx: Tx, actor: Editor, { name, isDemo = false }: { name: string; isDemo?: boolean }): Promise<{ id: string }> {
  const taken = await tx.politicalGroup.findFirst({ where: { municipalityId: actor.municipalityId, name }, select: { id: true } });
  if (taken) throw new AppError("VALIDATION", "Un groupe porte déjà ce nom.", { name: ["Un groupe porte déjà ce nom."] });
  const group = await tx.politicalGroup.create({ data: { municipalityId: actor.municipalityId, name, isDemo }, select: { id: true } });
  await appendAuditEvent(tx, { municipalityId: actor.municipalityId, userId: actor.id, action: "group.create", entity: "political_group", entityId: group.id, after: { name } });
  return group;
}
