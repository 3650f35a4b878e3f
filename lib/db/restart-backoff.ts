// How long `npm start` waits before restarting a crashed web process: 1 s,
// then doubling up to 30 s while it keeps crashing; a process that stayed up
// for a minute starts the count again.

export const MAX_RESTART_DELAY_MS = 30_000;
/** A process that ran this long was not crash-looping. */
export const STABLE_RUN_MS = 60_000;

export function restartDelayMs(consecutiveCrashes: number): number {
  return Math.min(1_000 * 2 ** Math.max(consecutiveCrashes - 1, 0), MAX_RESTART_DELAY_MS);
}

/** The crash count after a process that ran `ranForMs` crashed. */
export function nextCrashCount(previous: number, ranForMs: number): number {
  return ranForMs >= STABLE_RUN_MS ? 1 : previous + 1;
}
