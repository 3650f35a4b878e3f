import "server-only";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validations/common";

export const AGENDA_ITEM_SELECT = {
  id: true,
  sittingId: true,
  position: true,
  kind: true,
  title: true,
  summaryNote: true,
  deliberationId: true,
  minutesSittingId: true,
} as const;

/** What the audit trail keeps of an item. */
export function agendaItemSnapshot(item: { position: number; kind: string; title: string; summaryNote: string | null; deliberationId: string | null; minutesSittingId: string | null }) {
  return { position: item.position, kind: item.kind, title: item.title, summaryNote: item.summaryNote, deliberationId: item.deliberationId, minutesSittingId: item.minutesSittingId };
}

/** The editor's sitting, or NOT_FOUND; refused once one of its acts is published (the agenda it was convened on is history). */
export async function editableSitting(tx: Tx, municipalityId: string, sittingId: string, options: { evenPublished?: boolean } = {}) {
  const sitting = isUuid(sittingId)
    ? await tx.sitting.findFirst({ where: { id: sittingId, municipalityId }, select: { id: true, startsAt: true, isDemo: true } })
    : null;
  if (!sitting) throw new AppError("NOT_FOUND", "Cette séance n'existe pas.");
  const published = options.evenPublished ? 0 : await tx.deliberation.count({ where: { sittingId: sitting.id, status: "PUBLISHED" } });
  if (published) throw new AppError("INVALID_STATE", "Cette séance a des délibérations publiées : son ordre du jour ne se modifie plus.");
  return sitting;
}

/** An item of the editor's municipality, or NOT_FOUND. */
export async function findAgendaItem(tx: Tx, municipalityId: string, itemId: string) {
  const item = isUuid(itemId) ? await tx.agendaItem.findFirst({ where: { id: itemId, municipalityId }, select: AGENDA_ITEM_SELECT }) : null;
  if (!item) throw new AppError("NOT_FOUND", "Ce point de l'ordre du jour n'existe pas.");
  return item;
}

/** Numbers the sitting's items 1, 2, 3… in their current order (after a removal or a move). */
export async function renumberAgenda(tx: Tx, sittingId: string, order?: readonly string[]): Promise<void> {
  const items = await tx.agendaItem.findMany({ where: { sittingId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, position: true } });
  const ids = order ?? items.map((item) => item.id);
  for (const [index, id] of ids.entries()) {
    const current = items.find((item) => item.id === id);
    if (current && current.position !== index + 1) await tx.agendaItem.update({ where: { id }, data: { position: index + 1 } });
  }
}
