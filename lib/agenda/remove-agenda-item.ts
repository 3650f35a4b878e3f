import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { agendaItemSnapshot, editableSitting, findAgendaItem, renumberAgenda } from "./agenda-fields";

/** Takes an item off the agenda; a deliberation item's draft stays a draft of the sitting. */
export async function removeAgendaItem(options: { db: Db; actor: SessionUser | null; itemId: string }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  return options.db.$transaction((tx) => removeAgendaItemInTransaction(tx, actor, { itemId: options.itemId }));
}

/** The core of `removeAgendaItem`, inside the caller's transaction. */
export async function removeAgendaItemInTransaction(tx: Tx, actor: Editor, { itemId }: { itemId: string }): Promise<{ id: string }> {
  const item = await findAgendaItem(tx, actor.municipalityId, itemId);
  await editableSitting(tx, actor.municipalityId, item.sittingId);
  await tx.agendaItem.delete({ where: { id: item.id } });
  await renumberAgenda(tx, item.sittingId);
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "agenda_item.remove",
    entity: "agenda_item",
    entityId: item.id,
    before: { sittingId: item.sittingId, ...agendaItemSnapshot(item) },
  });
  return { id: item.id };
}
