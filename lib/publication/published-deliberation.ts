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
  return Prisma.sql`${d}."municipality_id" = ${municipalityId}::uuid AND ${publishedOnline(alias)}
    AND NOT EXISTS (
      SELECT 1 FROM "deliberation" newer
      WHERE newer."previous_version_id" = ${d}."id" AND newer."previous_version_id" IS NOT NULL
        AND newer."status" = 'PUBLISHED'
    )`;
}

/** Published and put online: the part of the rule an index holds (the counts below read it alone). */
function publishedOnline(alias: string): Prisma.Sql {
  const d = Prisma.raw(alias);
  return Prisma.sql`${d}."status" = 'PUBLISHED' AND ${d}."published_at" IS NOT NULL`;
}

/** The municipality's published acts (`d`) that a newer published version replaces: what the counts subtract. */
function replacedActsSql(municipalityId: string): Prisma.Sql {
  return Prisma.sql`FROM "deliberation" newer JOIN "deliberation" d ON d."id" = newer."previous_version_id"
    WHERE newer."previous_version_id" IS NOT NULL AND newer."status" = 'PUBLISHED'
      AND d."municipality_id" = ${municipalityId}::uuid AND ${publishedOnline("d")}`;
}

/**
 * How many of the municipality's deliberations pass the rule, counted from the
 * indexes: the published acts (an index-only scan of municipality, status and
 * publication date) less those a newer published version replaces (each act
 * has at most one newer version, found from the few rectifications). Counting
 * the rule row by row reads every act: seconds for a town of 200,000 acts.
 */
export function publishedDeliberationCountSql(municipalityId: string): Prisma.Sql {
  return Prisma.sql`SELECT ((SELECT count(*) FROM "deliberation" d WHERE d."municipality_id" = ${municipalityId}::uuid AND ${publishedOnline("d")})
    - (SELECT count(*) ${replacedActsSql(municipalityId)}))::int AS "count"`;
}

/**
 * How many of each sitting's deliberations pass the rule, counted from the
 * indexes as publishedDeliberationCountSql counts the whole town's: each
 * sitting's published acts (an index-only probe of sitting, status and
 * publication date) less those a newer published version replaces. Rows of
 * "sitting_id", "starts_at" and "count" (0 for a sitting without any), for the
 * given sittings, or every sitting of the municipality. Grouping the rule's
 * rows reads every act: a quarter of a second for 200 sittings of 1,000 acts.
 */
export function publishedDeliberationCountBySittingSql(municipalityId: string, sittingIds?: readonly string[]): Prisma.Sql {
  const only = sittingIds ? Prisma.sql`AND s."id" = ANY (${[...sittingIds]}::uuid[])` : Prisma.empty;
  return Prisma.sql`
    WITH "replaced" AS (SELECT d."sitting_id", count(*) AS "count" ${replacedActsSql(municipalityId)} GROUP BY d."sitting_id")
    SELECT s."id" AS "sitting_id", s."starts_at", (p."count" - coalesce(r."count", 0))::int AS "count"
    FROM "sitting" s
    CROSS JOIN LATERAL (
      SELECT count(*) AS "count" FROM "deliberation" d
      WHERE d."sitting_id" = s."id" AND ${publishedOnline("d")}
    ) p
    LEFT JOIN "replaced" r ON r."sitting_id" = s."id"
    WHERE s."municipality_id" = ${municipalityId}::uuid ${only}`;
}
