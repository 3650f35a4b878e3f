import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import type { SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { assertEditable, editor, lockDeliberation } from "./deliberation-workflow";

/** Removes an annex from a draft (the audit trail keeps its title and hash). */
export async function removeAnnex(options: { db: Db; actor: SessionUser | null; id: string; annexId: string }): Promise<{ id: string }> {
  const actor = editor(options.actor);
  return options.db.$transaction(async (tx) => {
    const deliberation = await lockDeliberation(tx, actor, options.id);
    assertEditable(deliberation);
    const annex = /^[0-9a-f-]{36}$/i.test(options.annexId)
      ? await tx.annex.findFirst({ where: { id: options.annexId, deliberationId: deliberation.id }, select: { id: true, title: true, fileName: true, sha256: true } })
      : null;
    if (!annex) throw new AppError("NOT_FOUND", "Cette annexe n'existe pas.");
    await tx.annex.delete({ where: { id: annex.id } });
    await appendAuditEvent(tx, {
      municipalityId: actor.municipalityId,
      userId: actor.id,
      action: "deliberation.annex-remove",
      entity: "annex",
      entityId: annex.id,
      before: { deliberationId: deliberation.id, title: annex.title, fileName: annex.fileName, sha256: annex.sha256 },
    });
    return { id: deliberation.id };
  });
}
