import { DeliberationStatus, Prisma } from "@/lib/db/prisma";

// What citizens may see, defined once: a deliberation of this municipality,
// published (with the moment it was put online), and, for a rectified act,
// only its newest published version (the older one stays in the history). The
// rule has two forms, one for Prisma's queries and one for the raw SQL of
// search, open data and statistics; tests/integration/published-deliberation.test.ts
// runs both on the same rows and requires the same answer.

/** The rule as a Prisma filter on deliberations. */
export function publishedDeliberationWhere(municipalityId: string): Prisma.DeliberationWhereInput {
  return {
    municipalityId,
    status: DeliberationStatus.PUBLISHED,
    publishedAt: { not: null },
    OR: [{ nextVersion: { is: null } }, { nextVersion: { is: { status: { not: DeliberationStatus.PUBLISHED } } } }],
  };
}

/** Sittings with at least one published deliberation: the only ones the portal shows. */
export function publicSittingWhere(municipalityId: string): Prisma.SittingWhereInput {
  return { municipalityId, deliberations: { some: publishedDeliberationWhere(municipalityId) } };
}

/**
 * The rule as a SQL condition on the deliberation table, `alias` being its
 * alias in the query.
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
