import "server-only";
import type { Db } from "@/lib/db/prisma";
import { SESSION_ABSOLUTE_SECONDS } from "./session-lifetime";

// Back-office sessions are recorded in PostgreSQL: the signed cookie carries
// the session's id, and a session is valid only while its row is open. Signing
// out closes that row, so a copy of the cookie opens nothing afterwards, while
// the account's other sessions (another browser, another computer) stay open.

/**
 * Records a new session for the user who has just signed in; returns its id,
 * to be put in the cookie. The user's sessions past the absolute limit, which
 * no cookie can use any more, are removed on the way.
 */
export async function openSession(db: Db, userId: string, now = new Date()): Promise<string> {
  const outlived = new Date(now.getTime() - SESSION_ABSOLUTE_SECONDS * 1000);
  const [, session] = await db.$transaction([
    db.authSession.deleteMany({ where: { userId, createdAt: { lt: outlived } } }),
    db.authSession.create({ data: { userId }, select: { id: true } }),
  ]);
  return session.id;
}

/** Closes one session. Closing it again, or a session that does not exist, changes nothing. */
export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  if (!isSessionId(sessionId)) return;
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** True while the session exists and has not been closed. */
export async function isSessionOpen(db: Db, sessionId: string): Promise<boolean> {
  if (!isSessionId(sessionId)) return false;
  const session = await db.authSession.findUnique({ where: { id: sessionId }, select: { revokedAt: true } });
  return Boolean(session && !session.revokedAt);
}

/** A cookie is signed, but an id that is not a UUID must not reach a uuid column as a query error. */
export function isSessionId(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
