import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import type { Db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validations/parse";
import { userUpdateSchema } from "@/lib/validations/user";
import { hashPassword } from "./password";
import { ADMIN_ROLES, authorize, type SessionUser } from "./roles";

/**
 * An administrator changes an account's name, role, status or password. A
 * change of role, status or password bumps the session version: the
 * account's open sessions end at their next request.
 */
export async function updateUser(options: { db: Db; actor: SessionUser | null; id: string; input: unknown }): Promise<{ id: string; sessionsEnded: boolean }> {
  const actor = authorize(options.actor, ADMIN_ROLES);
  const input = parseInput(userUpdateSchema, options.input);
  if (options.id === actor.id && (input.disabled || input.role !== "ADMIN")) {
    throw new AppError("VALIDATION", "Vous ne pouvez pas retirer vos propres droits d'administrateur ni désactiver votre compte.", {
      role: ["Demandez-le à un autre administrateur."],
    });
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return options.db.$transaction(async (tx) => {
    const before = /^[0-9a-f-]{36}$/i.test(options.id)
      ? await tx.user.findFirst({ where: { id: options.id, municipalityId: actor.municipalityId }, select: { id: true, name: true, role: true, disabled: true } })
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
  });
}
