import "server-only";
import { getPrisma, type Db, type SittingKind } from "@/lib/db/prisma";
import { localDay, localDayBounds, localYear } from "@/lib/domain";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { publishedDeliberationCountBySittingSql } from "@/lib/publication/published-deliberation";
import { visibleSittingWhere } from "./convened";
import { listPublicAgendas, type PublicAgendaItem } from "./public-agenda";

export type PublicSittingSummary = {
  id: string;
  slug: string;
  startsAt: Date;
  kind: SittingKind;
  isPublic: boolean;
  /** Demo data (a fictional council): labelled as such on every page. */
  isDemo: boolean;
  place: string | null;
  cancelledAt: Date | null;
  publishedDeliberationCount: number;
};

export type PublicSittingList = {
  sittings: PublicSittingSummary[];
  /** Years (the municipality's calendar) that have at least one public sitting, newest first. */
  years: number[];
};

const summarySelect = {
  id: true,
  publicSlug: true,
  startsAt: true,
  kind: true,
  isPublic: true,
  isDemo: true,
  place: true,
  cancelledAt: true,
} as const;

type SummaryRow = {
  id: string;
  publicSlug: string | null;
  startsAt: Date;
  kind: SittingKind;
  isPublic: boolean;
  isDemo: boolean;
  place: string | null;
  cancelledAt: Date | null;
};

/**
 * The sittings with the number of their published acts, counted for these sittings only, from the indexes
 * (publishedDeliberationCountBySittingSql): counted through Prisma, every act of the town was grouped.
 */
async function withPublishedCounts(db: Db, municipalityId: string, rows: SummaryRow[], zone: string): Promise<PublicSittingSummary[]> {
  const counts = rows.length
    ? await db.$queryRaw<{ sitting_id: string; count: number }[]>(publishedDeliberationCountBySittingSql(municipalityId, rows.map((row) => row.id)))
    : [];
  const bySitting = new Map(counts.map((row) => [row.sitting_id, row.count]));
  return rows.map(({ publicSlug, ...sitting }) => ({
    ...sitting,
    slug: publicSlug ?? localDay(sitting.startsAt, zone),
    publishedDeliberationCount: bySitting.get(sitting.id) ?? 0,
  }));
}

/**
 * Sittings citizens may see (convened, or with a published act), newest first; `year` narrows
 * to one calendar year of the municipality.
 */
export async function listPublicSittings({
  municipalityId,
  year,
  limit,
  db = getPrisma(),
}: {
  municipalityId: string;
  year?: number;
  limit?: number;
  db?: Db;
}): Promise<PublicSittingList> {
  const where = visibleSittingWhere(municipalityId);
  const zone = await timeZoneOf(db, municipalityId);
  const openings = await db.sitting.findMany({ where, select: { startsAt: true } });
  const years = [...new Set(openings.map((sitting) => localYear(sitting.startsAt, zone)))].sort((a, b) => b - a);

  const sittings = await db.sitting.findMany({
    where: {
      ...where,
      ...(year === undefined
        ? {}
        : { startsAt: { gte: localDayBounds(`${year}-01-01`, zone).gte, lt: localDayBounds(`${year + 1}-01-01`, zone).gte } }),
    },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    ...(limit === undefined ? {} : { take: Math.max(0, limit) }),
    select: summarySelect,
  });
  return { years, sittings: await withPublishedCounts(db, municipalityId, sittings, zone) };
}

export type UpcomingSitting = PublicSittingSummary & { agenda: PublicAgendaItem[] };

/** Public sittings from today on (the municipality's day), soonest first, each with its agenda. */
export async function listUpcomingSittings({
  municipalityId,
  now = new Date(),
  limit,
  db = getPrisma(),
}: {
  municipalityId: string;
  now?: Date;
  limit?: number;
  db?: Db;
}): Promise<UpcomingSitting[]> {
  const zone = await timeZoneOf(db, municipalityId);
  const rows = await db.sitting.findMany({
    where: { ...visibleSittingWhere(municipalityId), startsAt: { gte: localDayBounds(localDay(now, zone), zone).gte } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    ...(limit === undefined ? {} : { take: Math.max(0, limit) }),
    select: summarySelect,
  });
  const [summaries, agendas] = await Promise.all([withPublishedCounts(db, municipalityId, rows, zone), listPublicAgendas(db, municipalityId, rows.map((row) => row.id))]);
  return summaries.map((summary) => ({ ...summary, agenda: agendas.get(summary.id) ?? [] }));
}
