import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { isSameOriginCallback } from "@/lib/http/callback-url";
import { refuseCrossOrigin } from "@/lib/http/same-origin";

// next-auth's endpoints (csrf, sign-in callback, session, sign-out). The
// options are built per request so that a missing production secret is
// reported when a session is needed, not when the build imports this file.
type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: RouteContext) {
  // next-auth throws (a 500) on a callback address it cannot read; the portal only ever sends its own.
  const callbackUrls = [request.nextUrl.searchParams.get("callbackUrl")];
  if (request.method === "POST" && request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) {
    callbackUrls.push(new URLSearchParams(await request.clone().text()).get("callbackUrl"));
  }
  const origin = process.env.NEXTAUTH_URL ?? request.nextUrl.origin;
  if (callbackUrls.some((url) => url !== null && !isSameOriginCallback(url, origin))) {
    return new Response("Adresse de retour refusée : le portail ne renvoie que vers ses propres pages.\n", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return NextAuth(request as never, context as never, authOptions()) as Promise<Response>;
}

/** Signing in and out change the session: next-auth checks its CSRF token, and the origin is checked as for every write. */
function post(request: NextRequest, context: RouteContext) {
  return refuseCrossOrigin(request) ?? handler(request, context);
}

export { handler as GET, post as POST };
