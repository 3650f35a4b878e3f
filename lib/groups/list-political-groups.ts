import "server-only";
import { EDITOR_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { dateColumn, isoDay } from "@/lib/domain/calendar";
import { formatCouncillorName } from "@/lib/domain/format";

export type GroupListing = {
  id: string;
  name: string;
  isDemo: boolean;
  memberships: { id: string; councillorId: string; name: string; startsOn: string; endsOn: string | null }[];
};

/** The municipality's groups, each with its memberships (current and past), for the back office. */
export async function listPoliticalGroups(options: { db: Db; actor: SessionUser | null }): Promise<GroupListing[]> {
  const actor = authorize(options.actor, EDITOR_ROLES);
  const groups = await options.db.politicalGroup.findMany({
    where: { municipalityId: actor.municipalityId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      isDemo: true,
      memberships: {
        orderBy: [{ councillor: { lastName: "asc" } }, { startsOn: "asc" }],
        select: { id: true, councillorId: true, startsOn: true, endsOn: true, councillor: { select: { civility: true, firstName: true, lastName: true } } },
      },
    },
  });
  return groups.map((group) => ({
    ...group,
    memberships: group.memberships.map((membership) => ({
      id: membership.id,
      councillorId: membership.councillorId,
      name: formatCouncillorName(membership.councillor),
      startsOn: isoDay(membership.startsOn),
      endsOn: membership.endsOn ? isoDay(membership.endsOn) : null,
    })),
  }));
}

/** Each group with the councillors who belong to it on a day (the vote form's "the whole group votes…"). */
export async function groupsOnDay(tx: Db | Tx, municipalityId: string, day: string): Promise<{ id: string; name: string; memberIds: string[] }[]> {
  const date = dateColumn(day);
  const groups = await tx.politicalGroup.findMany({
    where: { municipalityId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, memberships: { where: { startsOn: { lte: date }, OR: [{ endsOn: null }, { endsOn: { gte: date } }] }, select: { councillorId: true } } },
  });
  return groups.filter((group) => group.memberships.length).map((group) => ({ id: group.id, name: group.name, memberIds: group.memberships.map((membership) => membership.councillorId) }));
}
