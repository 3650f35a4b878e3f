import type { NextRequest } from "next/server";
import { slideSession } from "@/lib/auth/slide-session";
import { withBackOfficePolicy } from "@/lib/http/back-office-policy";

// Next 16 reads its proxy (formerly middleware) only from this file at the
// project's root; the work is in lib/auth/slide-session.ts and lib/http.

export async function proxy(request: NextRequest) {
  return withBackOfficePolicy(request, (forwarded, next) => slideSession(forwarded, next));
}

// Not the annex upload nor the archive upload: the proxy would buffer their bodies and cut them at
// 10 MB (experimental.proxyClientMaxBodySize), and their route handlers read them themselves.
export const config = { matcher: ["/admin", "/admin/((?!deliberations/[^/]+/annexes$|import/televersement$).*)"] };
