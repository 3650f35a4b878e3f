import { Prisma } from "@/lib/db/prisma";

/**
 * The rule of publishedDeliberationWhere (lib/deliberations/published-filter.ts)
 * in SQL, for the raw queries of search and open data: published, of this
 * municipality, and only the newest published version of a rectified act.
 * `alias` is the deliberation table's alias in the query.
 *
 * `newer."previous_version_id" IS NOT NULL` says nothing new (the join implies
 * it) but lets PostgreSQL read the few rectifications from the index on
 * previous_version_id once, instead of hashing the whole table to find that
 * almost no act has a newer version.
 */
export function publishedDeliberationSql(alias: string, municipalityId: string): Prisma.Sql {
  const d = Prisma.raw(alias);
  return Prisma.sql`${d}."municipality_id" = ${municipalityId}::uuid
    AND ${d}."status" = 'PUBLISHED' AND ${d}."published_at" IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM "deliberation" newer
      WHERE newer."previous_version_id" = ${d}."id" AND newer."previous_version_id" IS NOT NULL
        AND newer."status" = 'PUBLISHED'
    )`;
}
