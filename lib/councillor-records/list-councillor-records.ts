import "server-only";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import { getPrisma, Prisma, type Db } from "@/lib/db/prisma";
import { sittingPresenceSql } from "./attendance-sql";

export type CouncillorRecordSummary = CouncillorRef & {
  isDemo: boolean;
  mandateStart: Date;
  mandateEnd: Date | null;
  /** Public sittings held during the mandate. */
  sittings: number;
  present: number;
  represented: number;
  /** present / sittings, null without any sitting. */
  attendanceRate: number | null;
  proxiesGiven: number;
  proxiesHeld: number;
  reported: number;
};

type Row = {
  id: string; civility: CouncillorRef["civility"]; first_name: string; last_name: string; role: CouncillorRef["role"];
  role_label: string | null; is_demo: boolean; mandate_start: Date; mandate_end: Date | null;
  sittings: number; present: number; represented: number; proxies_given: number; proxies_held: number; reported: number;
};

/**
 * Every councillor of the municipality with their attendance and participation figures. Each figure is counted for
 * all councillors at once (one pass over the published acts, grouped by councillor): counted councillor by
 * councillor, a town of 200,000 acts and 120 councillors took seven seconds.
 */
export async function listCouncillorRecords({ municipalityId, db = getPrisma() }: { municipalityId: string; db?: Db }): Promise<CouncillorRecordSummary[]> {
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH ${sittingPresenceSql(municipalityId)}, mandates AS (
      SELECT m."councillor_id", count(*)::int AS "sittings", (count(*) FILTER (WHERE m."present"))::int AS "present",
        (count(*) FILTER (WHERE m."represented"))::int AS "represented"
      FROM mandate_sittings m GROUP BY m."councillor_id"
    ), proxies AS (
      SELECT a."councillor_id", a."proxy_holder_id" FROM "attendance" a JOIN pub ON pub."id" = a."deliberation_id"
      WHERE a."municipality_id" = ${municipalityId}::uuid AND a."status" = 'REPRESENTED'
    ), given AS (
      SELECT p."councillor_id", count(*)::int AS "count" FROM proxies p GROUP BY p."councillor_id"
    ), held AS (
      SELECT p."proxy_holder_id" AS "councillor_id", count(*)::int AS "count" FROM proxies p WHERE p."proxy_holder_id" IS NOT NULL
      GROUP BY p."proxy_holder_id"
    ), reports AS (
      SELECT pub."rapporteur_id" AS "councillor_id", count(*)::int AS "count" FROM pub WHERE pub."rapporteur_id" IS NOT NULL
      GROUP BY pub."rapporteur_id"
    )
    SELECT c."id", c."civility", c."first_name", c."last_name", c."role", c."role_label", c."is_demo", c."mandate_start", c."mandate_end",
      coalesce(m."sittings", 0) AS "sittings", coalesce(m."present", 0) AS "present", coalesce(m."represented", 0) AS "represented",
      coalesce(g."count", 0) AS "proxies_given", coalesce(h."count", 0) AS "proxies_held", coalesce(r."count", 0) AS "reported"
    FROM "councillor" c
      LEFT JOIN mandates m ON m."councillor_id" = c."id"
      LEFT JOIN given g ON g."councillor_id" = c."id"
      LEFT JOIN held h ON h."councillor_id" = c."id"
      LEFT JOIN reports r ON r."councillor_id" = c."id"
    WHERE c."municipality_id" = ${municipalityId}::uuid`);
  return rows.map((row) => ({
    id: row.id,
    civility: row.civility,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    roleLabel: row.role_label,
    isDemo: row.is_demo,
    mandateStart: row.mandate_start,
    mandateEnd: row.mandate_end,
    sittings: row.sittings,
    present: row.present,
    represented: row.represented,
    attendanceRate: row.sittings ? row.present / row.sittings : null,
    proxiesGiven: row.proxies_given,
    proxiesHeld: row.proxies_held,
    reported: row.reported,
  }));
}
