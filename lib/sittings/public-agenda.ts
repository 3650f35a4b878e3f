import "server-only";
import type { AgendaItemKind, Db, Tx } from "@/lib/db/prisma";
import { publishedDeliberationWhere } from "@/lib/publication/published-deliberation";

/** One item of a sitting's agenda as citizens see it: its title and note, never the draft behind it. */
export type PublicAgendaItem = {
  position: number;
  kind: AgendaItemKind;
  title: string;
  /** The note explicative de synthèse sent with the convocation (Markdown). */
  summaryNote: string | null;
  /** The published deliberation the item became, once the sitting is held and the act published. */
  deliberationNumber: string | null;
  /** For the approval of a procès-verbal: the public address of the sitting whose PV it is. */
  minutesSittingSlug: string | null;
};

export const AGENDA_ITEM_KIND_LABELS: Record<AgendaItemKind, string> = {
  DELIBERATION: "Délibération",
  MINUTES_APPROVAL: "Approbation du procès-verbal",
  COMMUNICATION: "Communication",
  DELEGATED_DECISIONS: "Décisions prises par délégation (article L 2122-23 du CGCT)",
  ORAL_QUESTION: "Question orale",
};

/** The agendas of the sittings given, in order, keyed by sitting. */
export async function listPublicAgendas(db: Db | Tx, municipalityId: string, sittingIds: readonly string[]): Promise<Map<string, PublicAgendaItem[]>> {
  const agendas = new Map<string, PublicAgendaItem[]>(sittingIds.map((id) => [id, []]));
  if (sittingIds.length === 0) return agendas;
  const items = await db.agendaItem.findMany({
    where: { municipalityId, sittingId: { in: [...sittingIds] } },
    orderBy: [{ sittingId: "asc" }, { position: "asc" }, { createdAt: "asc" }],
    select: {
      sittingId: true,
      position: true,
      kind: true,
      title: true,
      summaryNote: true,
      deliberationId: true,
      minutesSitting: { select: { publicSlug: true } },
    },
  });
  // The act an item became, by its newest published version (a rectification keeps the number).
  const draftIds = items.flatMap((item) => (item.deliberationId ? [item.deliberationId] : []));
  const published = draftIds.length
    ? await db.deliberation.findMany({
        where: { ...publishedDeliberationWhere(municipalityId), OR: [{ id: { in: draftIds } }, { previousVersionId: { in: draftIds } }] },
        select: { id: true, number: true, previousVersionId: true },
      })
    : [];
  const numberOf = new Map<string, string>();
  for (const act of published) {
    numberOf.set(act.id, act.number);
    if (act.previousVersionId) numberOf.set(act.previousVersionId, act.number);
  }
  for (const item of items) {
    agendas.get(item.sittingId)?.push({
      position: item.position,
      kind: item.kind,
      title: item.title,
      summaryNote: item.summaryNote,
      deliberationNumber: item.deliberationId ? (numberOf.get(item.deliberationId) ?? null) : null,
      minutesSittingSlug: item.minutesSitting?.publicSlug ?? null,
    });
  }
  return agendas;
}
