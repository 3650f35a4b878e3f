import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { lockDeliberation, stepTo } from "./deliberation-workflow";

export type StatusChange = "CANCEL_VOTE" | "WITHDRAW" | "REINSTATE";

/**
 * The steps that only move the workflow: cancel a vote not yet transmitted
 * (to correct it), withdraw a draft from the agenda, put a withdrawn item back.
 */
export async function changeDeliberationStatus(options: { db: Db; actor: SessionUser | null; id: string; change: StatusChange }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  return options.db.$transaction((tx) => changeDeliberationStatusInTransaction(tx, actor, { deliberationId: options.id, change: options.change }));
}

/** The core of `changeDeliberationStatus`, inside the caller's transaction. */
export async function changeDeliberationStatusInTransaction(tx: Tx, actor: Editor, input: { deliberationId: string; change: StatusChange }): Promise<{ id: string }> {
  const deliberation = await lockDeliberation(tx, actor, input.deliberationId);
  const status = stepTo(deliberation, input.change);
  const outcome = input.change === "WITHDRAW" ? "WITHDRAWN" : null;
  if (input.change === "CANCEL_VOTE") await tx.vote.deleteMany({ where: { deliberationId: deliberation.id } });
  await tx.deliberation.update({ where: { id: deliberation.id }, data: { status, outcome, votedAt: null } });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: `deliberation.${input.change.toLowerCase().replace("_", "-")}`,
    entity: "deliberation",
    entityId: deliberation.id,
    before: { status: deliberation.status, outcome: deliberation.outcome },
    after: { status, outcome },
  });
  return { id: deliberation.id };
}
