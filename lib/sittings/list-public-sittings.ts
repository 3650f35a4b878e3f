import "server-only";
import { getPrisma, type SittingKind } from "@/lib/db/prisma";
import { localDay } from "@/lib/domain";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { publicSittingWhere, publishedDeliberationWhere } from "@/lib/publication/published-deliberation";
import { assignSittingSlugs } from "./sitting-slug";

export type PublicSittingSummary = {
  id: string;
  slug: string;
  startsAt: Date;
  kind: SittingKind;
  isPublic: boolean;
  /** Demo data (a fictional council): labelled as such on every page. */
  isDemo: boolean;
  place: string;
  publishedDeliberationCount: number;
};

export type PublicSittingList = {
  sittings: PublicSittingSummary[];
  /** Years (Paris time) that have at least one public sitting, newest first. */
  years: number[];
};

function localYear(date: Date, zone: string): number {
  return Number(localDay(date, zone).slice(0, 4));
}

/** Sittings with at least one published deliberation, newest first; `year` narrows to one calendar year. */
export async function listPublicSittings({
  municipalityId,
  year,
  limit,
}: {
  municipalityId: string;
  year?: number;
  limit?: number;
}): Promise<PublicSittingList> {
  const prisma = getPrisma();
  const where = publicSittingWhere(municipalityId);
  // Openings of every public sitting: the years to offer, and the rank of sittings sharing a day.
  const openings = await prisma.sitting.findMany({ where, select: { id: true, startsAt: true } });
  const zone = await timeZoneOf(prisma, municipalityId);
  const slugs = assignSittingSlugs(openings, zone);
  const years = [...new Set(openings.map((sitting) => localYear(sitting.startsAt, zone)))].sort((a, b) => b - a);

  const sittings = await prisma.sitting.findMany({
    where: {
      ...where,
      // 1 January always falls in winter time (UTC+1) in Paris.
      ...(year === undefined
        ? {}
        : { startsAt: { gte: new Date(Date.UTC(year, 0, 1) - 3_600_000), lt: new Date(Date.UTC(year + 1, 0, 1) - 3_600_000) } }),
    },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    ...(limit === undefined ? {} : { take: Math.max(0, limit) }),
    select: {
      id: true,
      startsAt: true,
      kind: true,
      isPublic: true,
      isDemo: true,
      place: true,
      _count: { select: { deliberations: { where: publishedDeliberationWhere(municipalityId) } } },
    },
  });

  return {
    years,
    sittings: sittings.map(({ _count, ...sitting }) => ({
      ...sitting,
      slug: slugs.get(sitting.id) ?? localDay(sitting.startsAt, zone),
      publishedDeliberationCount: _count.deliberations,
    })),
  };
}
