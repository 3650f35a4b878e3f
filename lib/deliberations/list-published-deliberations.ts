import "server-only";
import { tallySelect } from "@/lib/publication/tally-select";
import { getPrisma, Prisma, type Outcome } from "@/lib/db/prisma";
import type { StatedTally } from "@/lib/domain";
import { publishedDeliberationCountSql, publishedDeliberationSql } from "@/lib/publication/published-deliberation";

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

/**
 * Published deliberations of one municipality, newest sitting first, with their number (`total`, unless
 * `withTotal: false`). The page's acts are picked in SQL, walking the sittings from the newest (the index on
 * sitting dates, then each sitting's acts), and read with their tallies; the count comes from the indexes
 * (publishedDeliberationCountSql). Sorting on the sitting through Prisma read and sorted every act of the town.
 */
export async function listPublishedDeliberations({
  municipalityId,
  limit,
  offset = 0,
  withTotal = true,
}: {
  municipalityId: string;
  limit: number;
  offset?: number;
  withTotal?: boolean;
}): Promise<PublishedDeliberationPage> {
  const prisma = getPrisma();
  const [picked, counted] = await Promise.all([
    prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT d."id" FROM "sitting" s JOIN "deliberation" d ON d."sitting_id" = s."id"
      WHERE s."municipality_id" = ${municipalityId}::uuid AND ${publishedDeliberationSql("d", municipalityId)}
      ORDER BY s."starts_at" DESC, d."year" DESC, d."sequence" DESC, d."id"
      LIMIT ${Math.max(0, Math.min(limit, 200))} OFFSET ${Math.max(0, offset)}`),
    withTotal ? prisma.$queryRaw<{ count: number }[]>(publishedDeliberationCountSql(municipalityId)) : Promise.resolve(null),
  ]);
  const ids = picked.map((row) => row.id);
  const rows = ids.length
    ? await prisma.deliberation.findMany({
        where: { municipalityId, id: { in: ids } },
        select: {
          id: true,
          number: true,
          isDemo: true,
          subject: true,
          matterCode: true,
          outcome: true,
          publishedAt: true,
          sitting: { select: { startsAt: true } },
          vote: { select: tallySelect },
        },
      })
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    total: counted ? (counted[0]?.count ?? 0) : ids.length,
    deliberations: ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const { number, isDemo, subject, matterCode, outcome, sitting, vote, publishedAt } = row;
      return [{
        number,
        isDemo,
        subject,
        matterCode,
        outcome,
        // The rule guarantees a publication date.
        publishedAt: publishedAt ?? sitting.startsAt,
        sittingStartsAt: sitting.startsAt,
        tally: vote,
      }];
    }),
  };
}
