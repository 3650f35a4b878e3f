import { describe, expect, it } from "vitest";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, sessionCookieName, sessionOutlived } from "@/lib/auth/session-lifetime";

// The back office's sessions: short when idle (the proxy slides them), bounded however active.

describe("session lifetime", () => {
  const signedIn = Date.UTC(2026, 10, 29, 8, 0, 0);
  const seconds = signedIn / 1000;

  it("[sessions]: idle for half an hour at most, ten hours in all", () => {
    expect(SESSION_IDLE_SECONDS).toBe(1800);
    expect(SESSION_ABSOLUTE_SECONDS).toBe(36_000);
  });

  it("[sessions]: a session outlives its absolute limit ten hours after signing in, or at once without a sign-in time", () => {
    expect(sessionOutlived(seconds, signedIn + 9.99 * 3600 * 1000)).toBe(false);
    expect(sessionOutlived(seconds, signedIn + 10 * 3600 * 1000)).toBe(true);
    expect(sessionOutlived(undefined, signedIn)).toBe(true);
    expect(sessionOutlived("08:00", signedIn)).toBe(true);
  });

  it("[sessions]: the cookie is next-auth's, secure behind HTTPS", () => {
    expect(sessionCookieName("https://deliberations.example.fr")).toEqual({ name: "__Secure-next-auth.session-token", secure: true });
    expect(sessionCookieName("http://127.0.0.1:3000")).toEqual({ name: "next-auth.session-token", secure: false });
    expect(sessionCookieName(undefined)).toEqual({ name: "next-auth.session-token", secure: false });
  });
});
