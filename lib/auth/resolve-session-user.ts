import "server-only";
import type { Db } from "@/lib/db/prisma";
import type { SessionUser } from "./roles";

/** What the signed session cookie carries: who, which version of their sessions, and which recorded session. */
export type SessionClaims = { userId: string; sessionVersion: number; sessionId: string };

/**
 * The user behind a session, reloaded from the database: null when the account
 * is gone, disabled, belongs to another municipality, has had its session
 * version bumped (role or password changed) since the cookie was issued, or
 * when this session has been closed (signed out).
 */
export async function resolveSessionUser(db: Db, claims: SessionClaims, municipalityId: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: {
      id: true,
      municipalityId: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      sessionVersion: true,
      sessions: { where: { id: claims.sessionId, revokedAt: null }, select: { id: true } },
    },
  });
  if (!user || user.disabled || user.sessionVersion !== claims.sessionVersion || user.municipalityId !== municipalityId) return null;
  if (user.sessions.length === 0) return null;
  return { id: user.id, municipalityId: user.municipalityId, email: user.email, name: user.name, role: user.role };
}
