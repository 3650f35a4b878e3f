import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { agendaItemEditSchema } from "@/lib/validations/agenda";
import { parseInput } from "@/lib/validations/parse";
import { agendaItemSnapshot, AGENDA_ITEM_SELECT, editableSitting, findAgendaItem } from "./agenda-fields";

/** Edits an item's wording and summary note (its kind, and the draft or PV it names, stay). */
export async function updateAgendaItem(options: { db: Db; actor: SessionUser | null; itemId: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const input = parseInput(agendaItemEditSchema, options.input);
  return options.db.$transaction((tx) => updateAgendaItemInTransaction(tx, actor, { itemId: options.itemId, title: input.title, summaryNote: input.summaryNote }));
}

/** The core of `updateAgendaItem`, inside the caller's transaction. */
export async function updateAgendaItemInTransaction(tx: Tx, actor: Editor, input: { itemId: string; title: string; summaryNote: string }): Promise<{ id: string }> {
  const before = await findAgendaItem(tx, actor.municipalityId, input.itemId);
  await editableSitting(tx, actor.municipalityId, before.sittingId);
  const after = await tx.agendaItem.update({ where: { id: before.id }, data: { title: input.title, summaryNote: input.summaryNote || null }, select: AGENDA_ITEM_SELECT });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "agenda_item.update",
    entity: "agenda_item",
    entityId: before.id,
    before: agendaItemSnapshot(before),
    after: agendaItemSnapshot(after),
  });
  return { id: before.id };
}
