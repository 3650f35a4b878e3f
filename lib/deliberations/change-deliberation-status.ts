import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import type { SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { editor, lockDeliberation, stepTo } from "./deliberation-workflow";

export type StatusChange = "CANCEL_VOTE" | "WITHDRAW" | "REINSTATE";

/**
 * The steps that only move the workflow: cancel a vote not yet transmitted
 * (to correct it), withdraw a draft from the agenda, put a withdrawn item back.
 */
export async function changeDeliberationStatus(options: { db: Db; actor: SessionUser | null; id: string; change: StatusChange }): Promise<{ id: string }> {
  const actor = editor(options.actor);
  return options.db.$transaction(async (tx) => {
    const deliberation = await lockDeliberation(tx, actor, options.id);
    const status = stepTo(deliberation, options.change);
    const outcome = options.change === "WITHDRAW" ? "WITHDRAWN" : null;
    if (options.change === "CANCEL_VOTE") await tx.vote.deleteMany({ where: { deliberationId: deliberation.id } });
    await tx.deliberation.update({ where: { id: deliberation.id }, data: { status, outcome, votedAt: null } });
    await appendAuditEvent(tx, {
      municipalityId: actor.municipalityId,
      userId: actor.id,
      action: `deliberation.${options.change.toLowerCase().replace("_", "-")}`,
      entity: "deliberation",
      entityId: deliberation.id,
      before: { status: deliberation.status, outcome: deliberation.outcome },
      after: { status, outcome },
    });
    return { id: deliberation.id };
  });
}
