import { Prisma } from "@/lib/db/prisma";
import { publishedDeliberationSql } from "@/lib/publication/published-deliberation";

// A councillor's presence at a sitting, read from the roll call of its
// published deliberations: present if present for at least one of them,
// else represented if represented (by proxy) for one, else excused or absent.
// The sittings of a mandate are the public sittings held between its start and
// end (a fictional councillor's, the fictional council's sittings).

export function sittingPresenceSql(municipalityId: string): Prisma.Sql {
  return Prisma.sql`
    pub AS (
      SELECT d."id", d."sitting_id", d."rapporteur_id" FROM "deliberation" d WHERE ${publishedDeliberationSql("d", municipalityId)}
    ), sits AS (
      SELECT s."id", s."starts_at", s."is_demo", (s."starts_at" AT TIME ZONE (SELECT m."time_zone" FROM "municipality" m WHERE m."id" = ${municipalityId}::uuid))::date AS "day"
      FROM "sitting" s WHERE s."municipality_id" = ${municipalityId}::uuid AND EXISTS (SELECT 1 FROM pub WHERE pub."sitting_id" = s."id")
    ), presence AS (
      SELECT a."councillor_id", pub."sitting_id",
        bool_or(a."status" = 'PRESENT') AS "present",
        bool_or(a."status" = 'REPRESENTED') AS "represented",
        bool_or(a."status" = 'EXCUSED') AS "excused"
      FROM "attendance" a JOIN pub ON pub."id" = a."deliberation_id"
      GROUP BY a."councillor_id", pub."sitting_id"
    ), mandate_sittings AS (
      SELECT c."id" AS "councillor_id", sits."id" AS "sitting_id", sits."starts_at",
        coalesce(p."present", false) AS "present",
        coalesce(NOT p."present" AND p."represented", false) AS "represented",
        coalesce(NOT p."present" AND NOT p."represented" AND p."excused", false) AS "excused"
      FROM "councillor" c
      JOIN sits ON sits."is_demo" = c."is_demo" AND sits."day" >= c."mandate_start" AND (c."mandate_end" IS NULL OR sits."day" <= c."mandate_end")
      LEFT JOIN presence p ON p."councillor_id" = c."id" AND p."sitting_id" = sits."id"
      WHERE c."municipality_id" = ${municipalityId}::uuid
    )`;
}
