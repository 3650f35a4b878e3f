import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { assertEditable, lockDeliberation } from "./deliberation-workflow";

/** Removes an annex from a draft (the audit trail keeps its title and hash). */
export async function removeAnnex(options: { db: Db; actor: SessionUser | null; id: string; annexId: string }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  return options.db.$transaction((tx) => removeAnnexInTransaction(tx, actor, { deliberationId: options.id, annexId: options.annexId }));
}

/** The core of `removeAnnex`, inside the caller's transaction. */
export async function removeAnnexInTransaction(tx: Tx, actor: Editor, { deliberationId, annexId }: { deliberationId: string; annexId: string }): Promise<{ id: string }> {
  const deliberation = await lockDeliberation(tx, actor, deliberationId);
  assertEditable(deliberation);
  const annex = /^[0-9a-f-]{36}$/i.test(annexId)
    ? await tx.annex.findFirst({ where: { id: annexId, deliberationId: deliberation.id }, select: { id: true, title: true, fileName: true, sha256: true } })
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
}
