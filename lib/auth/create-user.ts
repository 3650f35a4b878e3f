// No "server-only" here: the command line (npm run user:create) runs this use case outside Next.
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import type { Db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validations/parse";
import { userSchema } from "@/lib/validations/user";
import { hashPassword } from "./password";
import { ADMIN_ROLES, authorize, type Role, type SessionUser } from "./roles";

/**
 * Creates a back-office account. `actor` is the administrator doing it, or
 * null for the command line (run by whoever holds the database's address).
 */
export async function createUser(
  db: Db,
  options: { municipalitySlug: string; input: unknown; actor: SessionUser | null },
): Promise<{ id: string; email: string; role: Role }> {
  if (options.actor) authorize(options.actor, ADMIN_ROLES);
  const input = parseInput(userSchema, options.input);
  const municipality = await db.municipality.findUnique({ where: { slug: options.municipalitySlug }, select: { id: true } });
  if (!municipality) throw new AppError("NOT_FOUND", `La collectivité « ${options.municipalitySlug} » n'existe pas dans la base.`);
  if (options.actor && options.actor.municipalityId !== municipality.id) throw new AppError("FORBIDDEN", "Ce compte appartient à une autre collectivité.");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `Un compte existe déjà pour ${input.email}.`, { email: ["Cette adresse a déjà un compte."] });
    }
    const user = await tx.user.create({
      data: { municipalityId: municipality.id, email: input.email, name: input.name, role: input.role, passwordHash },
      select: { id: true, email: true, role: true },
    });
    await appendAuditEvent(tx, {
      municipalityId: municipality.id,
      userId: options.actor?.id ?? null,
      action: "user.create",
      entity: "user",
      entityId: user.id,
      after: { email: user.email, name: input.name, role: user.role },
    });
    return user;
  });
}
