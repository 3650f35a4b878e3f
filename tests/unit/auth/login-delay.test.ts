import { describe, expect, it } from "vitest";
import { FREE_FAILURES_PER_ADDRESS, FREE_FAILURES_PER_PAIR, loginDelaySeconds, MAX_LOGIN_DELAY_SECONDS, nextAttemptAt } from "@/lib/auth/login-delay";

describe("login delay", () => {
  it("[login-delay]: free failures cost nothing, then the delay doubles up to its maximum", () => {
    expect([0, 2, 3, 4, 5, 8, 30].map((failures) => loginDelaySeconds(failures, 3))).toEqual([0, 0, 1, 2, 4, 32, MAX_LOGIN_DELAY_SECONDS]);
  });

  it("[login-delay]: the next attempt waits for the longer of the pair's and the address's delays, from each one's last failure", () => {
    const now = new Date("2026-12-01T10:00:10.000Z");
    const at = (iso: string) => new Date(iso);
    const none = { failures: 0, lastFailureAt: null };
    expect(nextAttemptAt({ pair: none, address: none }, now)).toBeNull();
    const pair = { failures: FREE_FAILURES_PER_PAIR + 3, lastFailureAt: at("2026-12-01T10:00:05.000Z") };
    expect(nextAttemptAt({ pair, address: none }, now)).toEqual(at("2026-12-01T10:00:13.000Z"));
    const address = { failures: FREE_FAILURES_PER_ADDRESS + 4, lastFailureAt: at("2026-12-01T10:00:00.000Z") };
    expect(nextAttemptAt({ pair, address }, now)).toEqual(at("2026-12-01T10:00:16.000Z"));
    expect(nextAttemptAt({ pair, address }, at("2026-12-01T10:00:16.000Z"))).toBeNull();
  });
});
