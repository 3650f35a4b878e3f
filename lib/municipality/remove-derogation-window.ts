import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeAdmin, type Admin, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { uuidSchema } from "@/lib/validations/common";
import { DEROGATION_WINDOW_SELECT, toDerogationWindow } from "./load-derogation-windows";

const windowId = uuidSchema("Cette période dérogatoire n'existe pas.");

/** Removes a derogation window (the database refuses it under a published act or a roll call that needs it). */
export async function removeDerogationWindow(options: { db: Db; actor: SessionUser | null; id: string }): Promise<{ id: string }> {
  const actor = authorizeAdmin(options.actor);
  const id = windowId.safeParse(options.id).data;
  if (!id) throw new AppError("NOT_FOUND", "Cette période dérogatoire n'existe pas.");
  return options.db.$transaction((tx) => removeDerogationWindowInTransaction(tx, actor, { id }));
}

/** The core of `removeDerogationWindow`, inside the caller's transaction. */
export async function removeDerogationWindowInTransaction(tx: Tx, actor: Admin, { id }: { id: string }): Promise<{ id: string }> {
  const current = await tx.derogationWindow.findFirst({ where: { id, municipalityId: actor.municipalityId }, select: DEROGATION_WINDOW_SELECT });
  if (!current) throw new AppError("NOT_FOUND", "Cette période dérogatoire n'existe pas.");
  await tx.derogationWindow.delete({ where: { id: current.id } });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "derogation_window.delete",
    entity: "derogation_window",
    entityId: current.id,
    before: toDerogationWindow(current),
  });
  return { id: current.id };
}
