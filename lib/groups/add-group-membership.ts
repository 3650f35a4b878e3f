import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { dateColumn, isoDay } from "@/lib/domain/calendar";
import { formatCouncillorName } from "@/lib/domain/format";
import { checkMembership } from "@/lib/domain/political-groups";
import { AppError, refuseIfIssues } from "@/lib/errors";
import { groupMembershipSchema } from "@/lib/validations/political-group";
import { parseInput } from "@/lib/validations/parse";

export type MembershipData = { groupId: string; councillorId: string; startsOn: string; endsOn: string | null };

/** A councillor joins a group from a day: inside the mandate, one group at a time; audited. */
export async function addGroupMembership(options: { db: Db; actor: SessionUser | null; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const input = parseInput(groupMembershipSchema, options.input);
  return options.db.$transaction((tx) => addGroupMembershipInTransaction(tx, actor, { ...input, endsOn: input.endsOn || null }));
}

/** The core of `addGroupMembership`, inside the caller's transaction. */
export async function addGroupMembershipInTransaction(tx: Tx, actor: Editor, membership: MembershipData): Promise<{ id: string }> {
  const { municipalityId } = actor;
  // Two clerks assigning the same councillor are served in turn.
  await tx.$queryRaw`SELECT id FROM councillor WHERE id = ${membership.councillorId}::uuid AND municipality_id = ${municipalityId}::uuid FOR UPDATE`;
  const [group, councillor] = await Promise.all([
    tx.politicalGroup.findFirst({ where: { id: membership.groupId, municipalityId }, select: { id: true, name: true } }),
    tx.councillor.findFirst({
      where: { id: membership.councillorId, municipalityId },
      select: {
        civility: true,
        firstName: true,
        lastName: true,
        mandateStart: true,
        mandateEnd: true,
        groupMemberships: { select: { groupId: true, startsOn: true, endsOn: true, group: { select: { name: true } } } },
      },
    }),
  ]);
  if (!group) throw new AppError("VALIDATION", "Ce groupe n'existe pas.", { groupId: ["Ce groupe n'existe pas."] });
  if (!councillor) throw new AppError("VALIDATION", "Cet élu n'existe pas dans la collectivité.", { councillorId: ["Cet élu n'existe pas dans la collectivité."] });
  const issues = checkMembership({
    membership,
    name: formatCouncillorName(councillor),
    mandate: { start: isoDay(councillor.mandateStart), end: councillor.mandateEnd ? isoDay(councillor.mandateEnd) : null },
    others: councillor.groupMemberships.map((other) => ({ groupId: other.groupId, groupName: other.group.name, startsOn: isoDay(other.startsOn), endsOn: other.endsOn ? isoDay(other.endsOn) : null })),
  });
  refuseIfIssues(issues, "Cette appartenance ne peut pas être enregistrée : corrigez les dates signalées.");
  const created = await tx.groupMembership.create({
    data: { municipalityId, groupId: group.id, councillorId: membership.councillorId, startsOn: dateColumn(membership.startsOn), endsOn: membership.endsOn ? dateColumn(membership.endsOn) : null },
    select: { id: true },
  });
  await appendAuditEvent(tx, {
    municipalityId,
    userId: actor.id,
    action: "group.membership.add",
    entity: "group_membership",
    entityId: created.id,
    after: { groupId: group.id, group: group.name, councillorId: membership.councillorId, startsOn: membership.startsOn, endsOn: membership.endsOn },
  });
  return created;
}
