import "server-only";
import { getPrisma, Prisma, type Db } from "@/lib/db/prisma";
import { publishedDeliberationSql } from "@/lib/publication/published-deliberation";
import { unanimousVoteSql } from "@/lib/publication/tally-select";

export type YearCount = { year: number; isDemo: boolean; deliberations: number; adopted: number; unanimous: number };
export type MatterCount = { code: string; deliberations: number };
export type SittingAttendance = { sittingId: string; startsAt: Date; isDemo: boolean; present: number; represented: number; members: number };

export type CouncilStatistics = { years: YearCount[]; matters: MatterCount[]; sittings: SittingAttendance[] };

/** Figures over published deliberations only; demo (fictional) figures kept apart by isDemo. */
export async function getCouncilStatistics({ municipalityId, db = getPrisma() }: { municipalityId: string; db?: Db }): Promise<CouncilStatistics> {
  const published = publishedDeliberationSql("d", municipalityId);
  const [years, matters, sittings] = await Promise.all([
    db.$queryRaw<{ year: number; is_demo: boolean; deliberations: number; adopted: number; unanimous: number }[]>(Prisma.sql`
      SELECT d."year", d."is_demo", count(*)::int AS "deliberations",
        count(*) FILTER (WHERE d."outcome" = 'ADOPTED')::int AS "adopted",
        count(*) FILTER (WHERE d."outcome" = 'ADOPTED' AND ${unanimousVoteSql("v")})::int AS "unanimous"
      FROM "deliberation" d LEFT JOIN "vote" v ON v."deliberation_id" = d."id"
      WHERE ${published} GROUP BY d."year", d."is_demo" ORDER BY d."year", d."is_demo"`),
    db.$queryRaw<{ code: string; deliberations: number }[]>(Prisma.sql`
      SELECT split_part(d."matter_code", '.', 1) AS "code", count(*)::int AS "deliberations"
      FROM "deliberation" d WHERE ${published} AND NOT d."is_demo" AND d."matter_code" IS NOT NULL GROUP BY 1 ORDER BY 1`),
    db.$queryRaw<{ sitting_id: string; starts_at: Date; is_demo: boolean; present: number; represented: number }[]>(Prisma.sql`
      WITH per AS (
        SELECT d."sitting_id", a."councillor_id", bool_or(a."status" = 'PRESENT') AS "present", bool_or(a."status" = 'REPRESENTED') AS "represented"
        FROM "deliberation" d JOIN "attendance" a ON a."deliberation_id" = d."id"
        WHERE ${published} GROUP BY d."sitting_id", a."councillor_id"
      )
      SELECT s."id" AS "sitting_id", s."starts_at", s."is_demo",
        count(*) FILTER (WHERE per."present")::int AS "present",
        count(*) FILTER (WHERE NOT per."present" AND per."represented")::int AS "represented"
      FROM per JOIN "sitting" s ON s."id" = per."sitting_id"
      GROUP BY s."id", s."starts_at", s."is_demo" ORDER BY s."starts_at"`),
  ]);
  const membersRow = await db.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { membersInOffice: true } });
  return {
    years: years.map((row) => ({ year: row.year, isDemo: row.is_demo, deliberations: row.deliberations, adopted: row.adopted, unanimous: row.unanimous })),
    matters,
    sittings: sittings.map((row) => ({
      sittingId: row.sitting_id,
      startsAt: row.starts_at,
      isDemo: row.is_demo,
      present: row.present,
      represented: row.represented,
      members: membersRow.membersInOffice,
    })),
  };
}
