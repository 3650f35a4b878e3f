import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { agendaMoveSchema } from "@/lib/validations/agenda";
import { parseValue } from "@/lib/validations/parse";
import { editableSitting, findAgendaItem, renumberAgenda } from "./agenda-fields";

/** Moves an item one place up or down the agenda; the items are numbered 1, 2, 3… again. */
export async function moveAgendaItem(options: { db: Db; actor: SessionUser | null; itemId: string; direction: unknown }): Promise<{ id: string; position: number }> {
  const actor = authorizeEditor(options.actor);
  const { direction } = parseValue(agendaMoveSchema, { direction: options.direction });
  return options.db.$transaction((tx) => moveAgendaItemInTransaction(tx, actor, { itemId: options.itemId, direction }));
}

/** The core of `moveAgendaItem`, inside the caller's transaction. */
export async function moveAgendaItemInTransaction(tx: Tx, actor: Editor, { itemId, direction }: { itemId: string; direction: "up" | "down" }): Promise<{ id: string; position: number }> {
  const item = await findAgendaItem(tx, actor.municipalityId, itemId);
  await editableSitting(tx, actor.municipalityId, item.sittingId);
  const order = (await tx.agendaItem.findMany({ where: { sittingId: item.sittingId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true } })).map((row) => row.id);
  const from = order.indexOf(item.id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= order.length) return { id: item.id, position: from + 1 };
  [order[from], order[to]] = [order[to]!, order[from]!];
  await renumberAgenda(tx, item.sittingId, order);
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "agenda_item.move",
    entity: "agenda_item",
    entityId: item.id,
    before: { position: from + 1 },
    after: { position: to + 1 },
  });
  return { id: item.id, position: to + 1 };
}
