import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validations/parse";
import { userUpdateSchema, type UserUpdateData } from "@/lib/validations/user";
import { hashPassword } from "./password";
import { authorizeAdmin, type Admin, type SessionUser } from "./roles";

/**
 * An administrator changes an account's name, role, status or password. A
 * change of role, status or password bumps the session version: the
 * account's open sessions end at their next request.
 */
export async function updateUser(options: { db: Db; actor: SessionUser | null; id: string; input: unknown }): Promise<{ id: string; sessionsEnded: boolean }> {
  const actor = authorizeAdmin(options.actor);
  const input = parseInput(userUpdateSchema, options.input);
  if (options.id === actor.id) refuseOwnDemotion(input);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return options.db.$transaction((tx) => updateUserInTransaction(tx, actor, { userId: options.id, user: input, passwordHash }));
}

/** The core of `updateUser`, inside the caller's transaction. */
export async function updateUserInTransaction(tx: Tx, actor: Admin, { userId, user: input, passwordHash }: { userId: string; user: UserUpdateData; passwordHash: string | null }): Promise<{ id: string; sessionsEnded: boolean }> {
  if (userId === actor.id) refuseOwnDemotion(input);
  const before = /^[0-9a-f-]{36}$/i.test(userId)
    ? await tx.user.findFirst({ where: { id: userId, municipalityId: actor.municipalityId }, select: { id: true, name: true, role: true, disabled: true } })
    : null;
  if (!before) throw new AppError("NOT_FOUND", "Ce compte n'existe pas.");
  const sessionsEnded = before.role !== input.role || before.disabled !== input.disabled || passwordHash !== null;
  await tx.user.update({
    where: { id: before.id },
    data: {
      name: input.name,
      role: input.role,
      disabled: input.disabled,
      ...(passwordHash ? { passwordHash } : {}),
      ...(sessionsEnded ? { sessionVersion: { increment: 1 } } : {}),
    },
  });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "user.update",
    entity: "user",
    entityId: before.id,
    before: { name: before.name, role: before.role, disabled: before.disabled },
    after: { name: input.name, role: input.role, disabled: input.disabled, passwordChanged: passwordHash !== null, sessionsEnded },
  });
  return { id: before.id, sessionsEnded };
}

/** An administrator does not lock themself out: the last word on their own rights is another administrator's. */
function refuseOwnDemotion(input: UserUpdateData): void {
  if (input.disabled || input.role !== "ADMIN") {
    throw new AppError("VALIDATION", "Vous ne pouvez pas retirer vos propres droits d'administrateur ni désactiver votre compte.", {
      role: ["Demandez-le à un autre administrateur."],
    });
  }
}
