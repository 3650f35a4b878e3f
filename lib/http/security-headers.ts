// The security headers of every answer, in one place (next.config.ts sets the
// static ones, proxy.ts the back office's nonce-based policy).
//
// Public pages are rendered once and served from Next's cache, so their policy
// cannot carry a per-request nonce. Scripts come from the portal's origin only,
// each pinned by hash through Next's subresource integrity (`experimental.sri`
// in next.config.ts); Next also writes its page data as inline scripts
// (`self.__next_f.push(…)`), different on every page, which a policy without a
// nonce can only admit with 'unsafe-inline' (without it, measured: every public
// page is refused its data and never hydrates). Nothing else is inline: no
// inline style, no plugin, no base rewrite, no framing, forms post to the
// portal only. The back office, where sessions and writes are, is rendered per
// request anyway: it gets a nonce and 'strict-dynamic', and no 'unsafe-inline'.

const COMMON_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The policy of cached public pages, feeds, files and the API: no nonce, so caching stays possible. */
export const PUBLIC_CONTENT_SECURITY_POLICY = [...COMMON_DIRECTIVES, "script-src 'self' 'unsafe-inline'", "style-src 'self'"].join("; ");

/** The back office's policy: scripts need this request's nonce. */
export function backOfficeContentSecurityPolicy(nonce: string): string {
  return [...COMMON_DIRECTIVES, `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`, `style-src 'self' 'nonce-${nonce}'`].join("; ");
}

/** No feature the portal does not use; no shared browsing context with other sites' windows. */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), browsing-topics=(), interest-cohort=()",
  },
];

/** Two years, as the HSTS preload list asks; sent only on answers that went over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
