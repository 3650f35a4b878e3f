import "server-only";
import { getPrisma, Prisma, type Db } from "@/lib/db/prisma";
import { isoDay } from "@/lib/domain/calendar";
import { votesByGroup, type GroupTally, type Membership } from "@/lib/domain/political-groups";
import type { VoteChoice } from "@/lib/domain";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { publishedDeliberationSql } from "@/lib/publication/published-deliberation";

// What the public pages show of the political groups: a councillor's groups
// (their page on /elus) and the named votes of published acts by group
// (/statistiques). Both read the memberships as they stand today.

const membershipSelect = { groupId: true, startsOn: true, endsOn: true, group: { select: { name: true } } } as const;

const toMembership = (row: { groupId: string; startsOn: Date; endsOn: Date | null; group: { name: string } }): Membership => ({
  groupId: row.groupId,
  groupName: row.group.name,
  startsOn: isoDay(row.startsOn),
  endsOn: row.endsOn ? isoDay(row.endsOn) : null,
});

/** A councillor's memberships, the latest first. */
export async function getCouncillorGroups({ municipalityId, councillorId, db = getPrisma() }: { municipalityId: string; councillorId: string; db?: Db }): Promise<Membership[]> {
  const rows = await db.groupMembership.findMany({ where: { municipalityId, councillorId }, orderBy: { startsOn: "desc" }, select: membershipSelect });
  return rows.map(toMembership);
}

/**
 * Every named choice of the published public votes, by the voter's group on the day of the sitting. The choices are
 * counted by councillor, day and choice in the database: a town's years of roll calls are hundreds of thousands of
 * rows, which neither the process's memory nor a query's parameters (a relation read as a list of ids) can hold.
 */
export async function getVotesByGroup({ municipalityId, db = getPrisma() }: { municipalityId: string; db?: Db }): Promise<GroupTally[]> {
  const [memberships, zone] = await Promise.all([
    db.groupMembership.findMany({ where: { municipalityId }, select: { councillorId: true, ...membershipSelect } }),
    timeZoneOf(db, municipalityId),
  ]);
  if (!memberships.length) return [];
  const choices = await db.$queryRaw<{ councillor_id: string; day: string; choice: VoteChoice; count: number }[]>(Prisma.sql`
    SELECT r."councillor_id", to_char((s."starts_at" AT TIME ZONE ${zone})::date, 'YYYY-MM-DD') AS "day", r."choice"::text AS "choice",
      count(*)::int AS "count"
    FROM "vote_record" r
    JOIN "vote" v ON v."municipality_id" = r."municipality_id" AND v."id" = r."vote_id"
    JOIN "deliberation" d ON d."id" = v."deliberation_id"
    JOIN "sitting" s ON s."id" = d."sitting_id"
    WHERE r."municipality_id" = ${municipalityId}::uuid AND NOT v."secret" AND ${publishedDeliberationSql("d", municipalityId)}
    GROUP BY 1, 2, 3`);
  const byCouncillor = new Map<string, Membership[]>();
  for (const row of memberships) byCouncillor.set(row.councillorId, [...(byCouncillor.get(row.councillorId) ?? []), toMembership(row)]);
  return votesByGroup(choices.map((row) => ({ day: row.day, choice: row.choice, count: row.count, memberships: byCouncillor.get(row.councillor_id) ?? [] })));
}
