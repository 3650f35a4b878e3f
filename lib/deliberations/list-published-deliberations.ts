import "server-only";
import { tallySelect } from "@/lib/publication/tally-select";
import { getPrisma, Prisma, type Db, type Outcome } from "@/lib/db/prisma";
import type { StatedTally } from "@/lib/domain";
import { publishedDeliberationCountBySittingSql, publishedDeliberationCountSql, publishedDeliberationSql } from "@/lib/publication/published-deliberation";

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

export type PublishedDeliberationPage = { deliberations: PublishedDeliberationSummary[] };

/** From this offset on, a page starts by skipping whole sittings (skipSittings) instead of reading every act before it. */
const SKIP_SITTINGS_FROM = 1_000;

/**
 * A deep page (`/deliberations?page=5000`): the sittings (by their moment, as the list orders them) whose
 * acts all come before `offset` are skipped by their counts, read from the indexes
 * (publishedDeliberationCountBySittingSql); the page is then read from the first sitting it reaches, at
 * `offset - before`. With OFFSET alone, PostgreSQL read the 100,000 acts before page 5,000 (0.8 s).
 * The moment is returned as PostgreSQL's text, compared back exactly. Null when nothing is published.
 */
async function skipSittings(prisma: Db, municipalityId: string, offset: number): Promise<{ startsAt: string; before: number } | null> {
  const [reached] = await prisma.$queryRaw<{ starts_at: string; before: number }[]>(Prisma.sql`
    WITH "counted" AS (${publishedDeliberationCountBySittingSql(municipalityId)}),
    "moments" AS (SELECT "starts_at", sum("count") AS "count" FROM "counted" GROUP BY "starts_at" HAVING sum("count") > 0),
    "running" AS (SELECT "starts_at", (sum("count") OVER (ORDER BY "starts_at" DESC) - "count")::int AS "before" FROM "moments")
    SELECT "starts_at"::text AS "starts_at", "before" FROM "running" WHERE "before" <= ${offset}
    ORDER BY "starts_at" ASC LIMIT 1`);
  return reached ? { startsAt: reached.starts_at, before: reached.before } : null;
}

/**
 * A page of the municipality's published deliberations, newest sitting first (their number:
 * countPublishedDeliberations). The page's acts are picked in SQL, walking the sittings from the newest (the
 * index on sitting dates, then each sitting's acts), and read with their tallies. Sorting on the sitting
 * through Prisma read and sorted every act of the town.
 */
export async function listPublishedDeliberations({
  municipalityId,
  limit,
  offset = 0,
  skipSittingsFrom = SKIP_SITTINGS_FROM,
}: {
  municipalityId: string;
  limit: number;
  offset?: number;
  /** The offset from which whole sittings are skipped by their counts (a test sets 0 to compare both ways). */
  skipSittingsFrom?: number;
}): Promise<PublishedDeliberationPage> {
  const prisma = getPrisma();
  const skipped = offset >= skipSittingsFrom ? await skipSittings(prisma, municipalityId, offset) : null;
  const picked = await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT d."id" FROM "sitting" s JOIN "deliberation" d ON d."sitting_id" = s."id"
      WHERE s."municipality_id" = ${municipalityId}::uuid AND ${publishedDeliberationSql("d", municipalityId)}
        ${skipped ? Prisma.sql`AND s."starts_at" <= ${skipped.startsAt}::timestamptz` : Prisma.empty}
      ORDER BY s."starts_at" DESC, d."year" DESC, d."sequence" DESC, d."id"
      LIMIT ${Math.max(0, Math.min(limit, 200))} OFFSET ${Math.max(0, offset - (skipped?.before ?? 0))}`);
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

/**
 * How many deliberations the municipality has published (the rule's count, from the indexes): about 50 ms
 * for 200,000 acts, which is why the list page reads it through the data cache (readPublishedDeliberationCount).
 */
export async function countPublishedDeliberations({ municipalityId, db = getPrisma() }: { municipalityId: string; db?: Db }): Promise<number> {
  const [counted] = await db.$queryRaw<{ count: number }[]>(publishedDeliberationCountSql(municipalityId));
  return counted?.count ?? 0;
}
