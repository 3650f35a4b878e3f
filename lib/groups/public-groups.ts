import "server-only";
import { getPrisma, type Db } from "@/lib/db/prisma";
import { isoDay, localDay } from "@/lib/domain/calendar";
import { votesByGroup, type GroupTally, type Membership } from "@/lib/domain/political-groups";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { publishedDeliberationWhere } from "@/lib/publication/published-deliberation";

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

/** Every named choice of the published public votes, by the voter's group on the day of the sitting. */
export async function getVotesByGroup({ municipalityId, db = getPrisma() }: { municipalityId: string; db?: Db }): Promise<GroupTally[]> {
  const [records, memberships, zone] = await Promise.all([
    db.voteRecord.findMany({
      where: { municipalityId, vote: { secret: false, deliberation: publishedDeliberationWhere(municipalityId) } },
      select: { councillorId: true, choice: true, vote: { select: { deliberation: { select: { sitting: { select: { startsAt: true } } } } } } },
    }),
    db.groupMembership.findMany({ where: { municipalityId }, select: { councillorId: true, ...membershipSelect } }),
    timeZoneOf(db, municipalityId),
  ]);
  if (!memberships.length) return [];
  const byCouncillor = new Map<string, Membership[]>();
  for (const row of memberships) byCouncillor.set(row.councillorId, [...(byCouncillor.get(row.councillorId) ?? []), toMembership(row)]);
  return votesByGroup(
    records.map((record) => ({ day: localDay(record.vote.deliberation.sitting.startsAt, zone), choice: record.choice, memberships: byCouncillor.get(record.councillorId) ?? [] })),
  );
}
