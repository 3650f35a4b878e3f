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

/** Every councillor of the municipality with their attendance and participation figures. */
export async function listCouncillorRecords({ municipalityId, db = getPrisma() }: { municipalityId: string; db?: Db }): Promise<CouncillorRecordSummary[]> {
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH ${sittingPresenceSql(municipalityId)}
    SELECT c."id", c."civility", c."first_name", c."last_name", c."role", c."role_label", c."is_demo", c."mandate_start", c."mandate_end",
      (SELECT count(*)::int FROM mandate_sittings m WHERE m."councillor_id" = c."id") AS "sittings",
      (SELECT count(*)::int FROM mandate_sittings m WHERE m."councillor_id" = c."id" AND m."present") AS "present",
      (SELECT count(*)::int FROM mandate_sittings m WHERE m."councillor_id" = c."id" AND m."represented") AS "represented",
      (SELECT count(*)::int FROM "attendance" a JOIN pub ON pub."id" = a."deliberation_id"
        WHERE a."councillor_id" = c."id" AND a."status" = 'REPRESENTED') AS "proxies_given",
      (SELECT count(*)::int FROM "attendance" a JOIN pub ON pub."id" = a."deliberation_id"
        WHERE a."proxy_holder_id" = c."id") AS "proxies_held",
      (SELECT count(*)::int FROM "deliberation" d JOIN pub ON pub."id" = d."id" WHERE d."rapporteur_id" = c."id") AS "reported"
    FROM "councillor" c WHERE c."municipality_id" = ${municipalityId}::uuid`);
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
