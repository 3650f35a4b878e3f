import "server-only";
import type { Db } from "@/lib/db/prisma";
import { LOGIN_WINDOW_MINUTES, nextAttemptAt, type FailureCount } from "./login-delay";

// Sign-in attempts, counted in PostgreSQL so that every web instance sees the
// same figures. They set a delay per account and address (lib/auth/login-delay.ts):
// nobody can lock an account he does not sign in from.

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function failuresSince(db: Db, where: { email?: string; address: string }, since: Date): Promise<FailureCount> {
  const found = await db.loginAttempt.aggregate({
    where: { ...where, succeeded: false, attemptedAt: { gt: since } },
    _count: { _all: true },
    _max: { attemptedAt: true },
  });
  return { failures: found._count._all, lastFailureAt: found._max.attemptedAt };
}

/**
 * When this account may next be tried from this address, or null for now.
 * The pair's failures count from its last success in the window.
 */
export async function loginDelayedUntil(db: Db, input: { email: string; address: string; now?: Date }): Promise<Date | null> {
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const email = normalizeEmail(input.email);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, address: input.address, succeeded: true, attemptedAt: { gt: since } },
    orderBy: { attemptedAt: "desc" },
    select: { attemptedAt: true },
  });
  const [pair, address] = await Promise.all([
    failuresSince(db, { email, address: input.address }, lastSuccess?.attemptedAt ?? since),
    failuresSince(db, { address: input.address }, since),
  ]);
  return nextAttemptAt({ pair, address }, now);
}

export async function recordLoginAttempt(db: Db, input: { email: string; address: string; succeeded: boolean }): Promise<void> {
  await db.loginAttempt.create({ data: { email: normalizeEmail(input.email), address: input.address, succeeded: input.succeeded } });
}
