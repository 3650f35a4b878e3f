import { env } from "@/lib/env";

// Cross-site request forgery on route handlers. Server actions compare Origin
// with the host themselves; a route handler that changes something calls
// refuseCrossOrigin first. `Sec-Fetch-Site: same-site` is refused too: another
// port of the same host is same-site, and a page there must not write here.

export const CROSS_ORIGIN_MESSAGE = "Requête refusée : elle ne vient pas d'une page du registre. Rechargez la page du registre et recommencez.";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * Why this request must be refused as cross-origin, or null. A browser sends
 * `Origin` and `Sec-Fetch-Site` with every POST; each one it sends must say
 * "this portal". A request with neither comes from no browser (a script, curl)
 * and cannot be forged by another site's page.
 */
export function crossOriginReason(request: Request, publicBaseUrl = env.PUBLIC_BASE_URL): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return `Sec-Fetch-Site: ${fetchSite}`;
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const originHost = hostOf(origin);
  const allowed = [request.headers.get("host"), hostOf(publicBaseUrl)].filter(Boolean);
  return originHost && allowed.includes(originHost) ? null : `Origin: ${origin}`;
}

/** The 403 a state-changing route handler returns to a cross-origin request (JSON, as the forms read it), or null to go on. */
export function refuseCrossOrigin(request: Request): Response | null {
  const reason = crossOriginReason(request);
  if (!reason) return null;
  return Response.json({ ok: false, message: CROSS_ORIGIN_MESSAGE }, { status: 403, headers: { "Cache-Control": "no-store" } });
}
