import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { dateColumn, isoDay } from "@/lib/domain/calendar";
import { formatCouncillorName } from "@/lib/domain/format";
import { checkMembership } from "@/lib/domain/political-groups";
import { AppError, refuseIfIssues } from "@/lib/errors";
import { isUuid } from "@/lib/validations/common";
import { endGroupMembershipSchema } from "@/lib/validations/political-group";
import { parseInput } from "@/lib/validations/parse";

/** A councillor leaves a group on a day (the last day of membership); audited. */
export async function endGroupMembership(options: { db: Db; actor: SessionUser | null; id: string; input: unknown }): Promise<{ id: string; councillorId: string }> {
  const actor = authorizeEditor(options.actor);
  const { endsOn } = parseInput(endGroupMembershipSchema, options.input);
  return options.db.$transaction((tx) => endGroupMembershipInTransaction(tx, actor, { membershipId: options.id, endsOn }));
}

/** The core of `endGroupMembership`, inside the caller's transaction. */
export async function endGroupMembershipInTransaction(tx: Tx, actor: Editor, { membershipId, endsOn }: { membershipId: string; endsOn: string }): Promise<{ id: string; councillorId: string }> {
  const membership = isUuid(membershipId)
    ? await tx.groupMembership.findFirst({
        where: { id: membershipId, municipalityId: actor.municipalityId },
        select: { id: true, councillorId: true, startsOn: true, endsOn: true, councillor: { select: { civility: true, firstName: true, lastName: true, mandateStart: true, mandateEnd: true } } },
      })
    : null;
  if (!membership) throw new AppError("NOT_FOUND", "Cette appartenance à un groupe n'existe pas.");
  const { councillor } = membership;
  const startsOn = isoDay(membership.startsOn);
  const issues = checkMembership({
    membership: { startsOn, endsOn },
    name: formatCouncillorName(councillor),
    mandate: { start: isoDay(councillor.mandateStart), end: councillor.mandateEnd ? isoDay(councillor.mandateEnd) : null },
    others: [],
  });
  refuseIfIssues(issues, "Cette date de sortie ne peut pas être enregistrée.");
  await tx.groupMembership.update({ where: { id: membership.id }, data: { endsOn: dateColumn(endsOn) } });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "group.membership.end",
    entity: "group_membership",
    entityId: membership.id,
    before: { endsOn: membership.endsOn ? isoDay(membership.endsOn) : null },
    after: { endsOn },
  });
  return { id: membership.id, councillorId: membership.councillorId };
}
