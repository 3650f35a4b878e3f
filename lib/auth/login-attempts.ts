import "server-only";
import type { Db } from "@/lib/db/prisma";

// Sign-in attempts are limited per account and per address, counted in
// PostgreSQL so that every web instance sees the same figures.

export const LOGIN_WINDOW_MINUTES = 15;
/** Failures allowed for one account in the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failures allowed from one address in the window (several accounts behind one proxy). */
export const MAX_FAILURES_PER_ADDRESS = 20;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** True when the account or the address has used up its failures of the window. */
export async function isLoginLimited(db: Db, input: { email: string; address: string; now?: Date }): Promise<boolean> {
  const since = new Date((input.now ?? new Date()).getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const [perAccount, perAddress] = await Promise.all([
    db.loginAttempt.count({ where: { email: normalizeEmail(input.email), succeeded: false, attemptedAt: { gte: since } } }),
    db.loginAttempt.count({ where: { address: input.address, succeeded: false, attemptedAt: { gte: since } } }),
  ]);
  return perAccount >= MAX_FAILURES_PER_ACCOUNT || perAddress >= MAX_FAILURES_PER_ADDRESS;
}

export async function recordLoginAttempt(db: Db, input: { email: string; address: string; succeeded: boolean }): Promise<void> {
  await db.loginAttempt.create({ data: { email: normalizeEmail(input.email), address: input.address, succeeded: input.succeeded } });
}
