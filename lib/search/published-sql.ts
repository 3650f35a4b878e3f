import { Prisma } from "@/lib/db/prisma";

/**
 * The rule of publishedDeliberationWhere (lib/deliberations/published-filter.ts)
 * in SQL, for the raw queries of search and open data: published, of this
 * municipality, and only the newest published version of a rectified act.
 * `alias` is the deliberation table's alias in the query.
 */
export function publishedDeliberationSql(alias: string, municipalityId: string): Prisma.Sql {
  const d = Prisma.raw(alias);
  return Prisma.sql`${d}."municipality_id" = ${municipalityId}::uuid
    AND ${d}."status" = 'PUBLISHED' AND ${d}."published_at" IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM "deliberation" newer
      WHERE newer."previous_version_id" = ${d}."id" AND newer."status" = 'PUBLISHED'
    )`;
}
