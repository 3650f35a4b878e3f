import "server-only";
import type { Db } from "@/lib/db/prisma";
import type { SessionUser } from "./roles";

/** What the signed session cookie carries: who, and which version of their sessions. */
export type SessionClaims = { userId: string; sessionVersion: number };

/**
 * The user behind a session, reloaded from the database: null when the account
 * is gone, disabled, belongs to another municipality, or has had its session
 * version bumped (role or password changed) since the cookie was issued.
 */
export async function resolveSessionUser(db: Db, claims: SessionClaims, municipalityId: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, municipalityId: true, email: true, name: true, role: true, disabled: true, sessionVersion: true },
  });
  if (!user || user.disabled || user.sessionVersion !== claims.sessionVersion || user.municipalityId !== municipalityId) return null;
  return { id: user.id, municipalityId: user.municipalityId, email: user.email, name: user.name, role: user.role };
}
