import "server-only";
import type { Db } from "@/lib/db/prisma";
import { loginDelayedUntil, normalizeEmail, recordLoginAttempt } from "./login-attempts";
import { decoyPasswordHash, verifyPassword } from "./password";
import type { Role } from "./roles";

export type AuthenticatedUser = { id: string; email: string; name: string; role: Role; sessionVersion: number };

/**
 * Checks an email and password. Every failure (unknown account, wrong password,
 * disabled account, an attempt made before this account and address's delay
 * has run out) gives the same null, so that the answer tells an attacker
 * nothing; each attempt is counted, and one made too early is not examined.
 */
export async function authenticateUser(
  db: Db,
  input: { email: string; password: string; address: string },
): Promise<AuthenticatedUser | null> {
  const email = normalizeEmail(input.email);
  if (!email || !input.password) return null;
  if (await loginDelayedUntil(db, { email, address: input.address })) {
    await recordLoginAttempt(db, { email, address: input.address, succeeded: false });
    return null;
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true, passwordHash: true },
  });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  const succeeded = Boolean(user && passwordMatches && !user.disabled);
  await recordLoginAttempt(db, { email, address: input.address, succeeded });
  if (!user || !succeeded) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
