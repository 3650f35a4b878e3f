import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { refuseCrossOrigin } from "@/lib/http/same-origin";

// next-auth's endpoints (csrf, sign-in callback, session, sign-out). The
// options are built per request so that a missing production secret is
// reported when a session is needed, not when the build imports this file.
type RouteContext = { params: Promise<{ nextauth: string[] }> };

function handler(request: NextRequest, context: RouteContext) {
  return NextAuth(request as never, context as never, authOptions()) as Promise<Response>;
}

/** Signing in and out change the session: next-auth checks its CSRF token, and the origin is checked as for every write. */
function post(request: NextRequest, context: RouteContext) {
  return refuseCrossOrigin(request) ?? handler(request, context);
}

export { handler as GET, post as POST };
