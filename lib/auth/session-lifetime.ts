// How long a back-office session lasts. The cookie is re-issued on every
// request to /admin (proxy.ts), so an active clerk stays signed in while an
// idle one is signed out soon; past the absolute limit, everyone signs in again.

/** Without a request to the back office for this long, the session ends. */
export const SESSION_IDLE_SECONDS = 30 * 60;
/** However active, a session ends this long after signing in (a long council sitting fits in it). */
export const SESSION_ABSOLUTE_SECONDS = 10 * 60 * 60;

/** Seconds since the epoch, as JWT claims count time. */
export const nowInSeconds = (now = Date.now()) => Math.floor(now / 1000);

/** True when the session signed in at `signedInAt` (seconds) is past the absolute limit, or carries no sign-in time. */
export function sessionOutlived(signedInAt: unknown, now = Date.now()): boolean {
  return typeof signedInAt !== "number" || nowInSeconds(now) - signedInAt >= SESSION_ABSOLUTE_SECONDS;
}

/** The session cookie's name, as next-auth chooses it: secure cookies when the portal is served over HTTPS. */
export function sessionCookieName(baseUrl: string | undefined): { name: string; secure: boolean } {
  const secure = (baseUrl ?? "").startsWith("https://");
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, secure };
}
