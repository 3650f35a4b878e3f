import "server-only";
import { compareCouncillors, type CouncillorRef } from "@/lib/councillors/councillor-ref";
import { getPrisma, Prisma, type Db } from "@/lib/db/prisma";
import { localYear } from "@/lib/domain";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { publishedDeliberationSql } from "@/lib/publication/published-deliberation";

export type SearchFacets = {
  years: number[];
  /** The municipality's time zone, the sittings' days read in. */
  timeZone: string;
  sittings: { id: string; startsAt: Date; isDemo: boolean }[];
  rapporteurs: (CouncillorRef & { isDemo: boolean })[];
};

/**
 * What the search filters offer: only values that lead to at least one published deliberation.
 * One probe per sitting and per councillor (indexed), never a scan of the whole archive: a
 * LATERAL subquery with LIMIT 1 is run for each row, where an EXISTS would let PostgreSQL
 * hash every published deliberation to answer for a hundred councillors.
 * The page reads them through listSearchFilterOptions (cached, labelled).
 */
export async function listSearchFacets({ municipalityId, db = getPrisma() }: { municipalityId: string; db?: Db }): Promise<SearchFacets> {
  const zone = await timeZoneOf(db, municipalityId);
  const [sittings, rapporteurs] = await Promise.all([
    db.$queryRaw<{ id: string; starts_at: Date; is_demo: boolean }[]>(Prisma.sql`
      SELECT s."id", s."starts_at", s."is_demo" FROM "sitting" s
      CROSS JOIN LATERAL (
        SELECT 1 FROM "deliberation" d WHERE d."sitting_id" = s."id" AND ${publishedDeliberationSql("d", municipalityId)} LIMIT 1
      ) published
      WHERE s."municipality_id" = ${municipalityId}::uuid
      ORDER BY s."starts_at" DESC`),
    db.$queryRaw<{ id: string; civility: CouncillorRef["civility"]; first_name: string; last_name: string; role: CouncillorRef["role"]; role_label: string | null; is_demo: boolean }[]>(Prisma.sql`
      SELECT c."id", c."civility", c."first_name", c."last_name", c."role", c."role_label", c."is_demo" FROM "councillor" c
      CROSS JOIN LATERAL (
        SELECT 1 FROM "deliberation" d WHERE d."rapporteur_id" = c."id" AND ${publishedDeliberationSql("d", municipalityId)} LIMIT 1
      ) reported
      WHERE c."municipality_id" = ${municipalityId}::uuid`),
  ]);
  // A deliberation's year is its sitting's (numbering restarts each year).
  const years = [...new Set(sittings.map((sitting) => localYear(sitting.starts_at, zone)))].sort((a, b) => b - a);
  return {
    years,
    timeZone: zone,
    sittings: sittings.map((sitting) => ({ id: sitting.id, startsAt: sitting.starts_at, isDemo: sitting.is_demo })),
    rapporteurs: rapporteurs
      .map((row) => ({ id: row.id, civility: row.civility, firstName: row.first_name, lastName: row.last_name, role: row.role, roleLabel: row.role_label, isDemo: row.is_demo }))
      .sort(compareCouncillors),
  };
}
