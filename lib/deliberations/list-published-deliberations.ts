import "server-only";
import { tallySelect } from "@/lib/publication/tally-select";
import { getPrisma, type Outcome } from "@/lib/db/prisma";
import type { StatedTally } from "@/lib/domain";
import { publishedDeliberationWhere } from "@/lib/publication/published-deliberation";

export type PublishedDeliberationSummary = {
  number: string;
  isDemo: boolean;
  subject: string;
  matterCode: string | null;
  outcome: Outcome | null;
  publishedAt: Date;
  sittingStartsAt: Date;
  tally: (StatedTally & { secret: boolean }) | null;
};

export type PublishedDeliberationPage = { deliberations: PublishedDeliberationSummary[]; total: number };

/** Published deliberations of one municipality, newest sitting first. */
export async function listPublishedDeliberations({
  municipalityId,
  limit,
  offset = 0,
}: {
  municipalityId: string;
  limit: number;
  offset?: number;
}): Promise<PublishedDeliberationPage> {
  const prisma = getPrisma();
  const where = publishedDeliberationWhere(municipalityId);
  const [rows, total] = await Promise.all([
    prisma.deliberation.findMany({
      where,
      orderBy: [{ sitting: { startsAt: "desc" } }, { year: "desc" }, { sequence: "desc" }],
      take: Math.max(0, Math.min(limit, 200)),
      skip: Math.max(0, offset),
      select: {
        number: true,
        isDemo: true,
        subject: true,
        matterCode: true,
        outcome: true,
        publishedAt: true,
        sitting: { select: { startsAt: true } },
        vote: {
          select: tallySelect,
        },
      },
    }),
    prisma.deliberation.count({ where }),
  ]);
  return {
    total,
    deliberations: rows.map(({ sitting, vote, publishedAt, ...deliberation }) => ({
      ...deliberation,
      // The filter guarantees a publication date.
      publishedAt: publishedAt ?? sitting.startsAt,
      sittingStartsAt: sitting.startsAt,
      tally: vote,
    })),
  };
}
