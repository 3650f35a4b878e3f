import { describe, expect, it } from "vitest";
import { MAX_RESTART_DELAY_MS, nextCrashCount, restartDelayMs, STABLE_RUN_MS } from "@/lib/db/restart-backoff";

describe("restart back-off", () => {
  it("[serve]: a crashed web process is restarted after 1 s, then twice as late each time, up to 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(restartDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, MAX_RESTART_DELAY_MS]);
  });

  it("[serve]: a process that ran for a minute starts the count again", () => {
    expect(nextCrashCount(4, 500)).toBe(5);
    expect(nextCrashCount(4, STABLE_RUN_MS)).toBe(1);
    expect(nextCrashCount(0, 10)).toBe(1);
  });
});
