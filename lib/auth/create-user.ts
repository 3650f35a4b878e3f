// No "server-only" here: the command line (npm run user:create) runs this use case outside Next.
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validations/parse";
import { userSchema, type UserInput } from "@/lib/validations/user";
import { hashPassword } from "./password";
import { authorizeAdmin, type Admin, type Role, type SessionUser } from "./roles";

/**
 * Creates a back-office account. `actor` is the administrator doing it, or
 * null for the command line (run by whoever holds the database's address).
 */
export async function createUser(
  db: Db,
  options: { municipalitySlug: string; input: unknown; actor: SessionUser | null },
): Promise<{ id: string; email: string; role: Role }> {
  const actor = options.actor ? authorizeAdmin(options.actor) : null;
  const input = parseInput(userSchema, options.input);
  const municipality = await db.municipality.findUnique({ where: { slug: options.municipalitySlug }, select: { id: true } });
  if (!municipality) throw new AppError("NOT_FOUND", `La collectivité « ${options.municipalitySlug} » n'existe pas dans la base.`);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction((tx) => createUserInTransaction(tx, actor, { municipalityId: municipality.id, user: input, passwordHash }));
}

/** The core of `createUser`, inside the caller's transaction (the password already hashed: argon2 takes its time outside it). */
export async function createUserInTransaction(
  tx: Tx,
  actor: Admin | null,
  { municipalityId, user: input, passwordHash }: { municipalityId: string; user: UserInput; passwordHash: string },
): Promise<{ id: string; email: string; role: Role }> {
  if (actor && actor.municipalityId !== municipalityId) throw new AppError("FORBIDDEN", "Ce compte appartient à une autre collectivité.");
  if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new AppError("CONFLICT", `Un compte existe déjà pour ${input.email}.`, { email: ["Cette adresse a déjà un compte."] });
  }
  const user = await tx.user.create({
    data: { municipalityId, email: input.email, name: input.name, role: input.role, passwordHash },
    select: { id: true, email: true, role: true },
  });
  await appendAuditEvent(tx, {
    municipalityId,
    userId: actor?.id ?? null,
    action: "user.create",
    entity: "user",
    entityId: user.id,
    after: { email: user.email, name: input.name, role: user.role },
  });
  return user;
}
