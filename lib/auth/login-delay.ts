// How long a sign-in must wait after failures. A delay, not a lock: it grows
// with the failures of one account from one address (and of one address over
// every account), so whoever guesses passwords slows only himself; the right
// password from another address signs in at once.

/** Failures of one account from one address that cost nothing (typing mistakes). */
export const FREE_FAILURES_PER_PAIR = 3;
/** Failures from one address, all accounts together, that cost nothing (several clerks behind one proxy). */
export const FREE_FAILURES_PER_ADDRESS = 20;
/** The delay stops growing there. */
export const MAX_LOGIN_DELAY_SECONDS = 60;
/** Failures older than this no longer count. */
export const LOGIN_WINDOW_MINUTES = 15;

/** 0 while within the free failures, then 1 s, 2 s, 4 s… up to the maximum. */
export function loginDelaySeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** (failures - free), MAX_LOGIN_DELAY_SECONDS);
}

export type FailureCount = { failures: number; lastFailureAt: Date | null };

/** The moment from which a new attempt is examined, or null when it may be made now. */
export function nextAttemptAt(input: { pair: FailureCount; address: FailureCount }, now: Date): Date | null {
  const waits = [
    { count: input.pair, free: FREE_FAILURES_PER_PAIR },
    { count: input.address, free: FREE_FAILURES_PER_ADDRESS },
  ].map(({ count, free }) => (count.lastFailureAt ? count.lastFailureAt.getTime() + loginDelaySeconds(count.failures, free) * 1000 : 0));
  const until = Math.max(...waits);
  return until > now.getTime() ? new Date(until) : null;
}
