import { encode, getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_IDLE_SECONDS, sessionCookieName, sessionOutlived } from "@/lib/auth/session-lifetime";
import { authSecret } from "@/lib/env";

// Slides the back-office session: every request to /admin (pages and server
// actions) re-issues the session cookie for another idle period, until the
// absolute limit. Authorization is not decided here: pages, actions and route
// handlers check the session and the role themselves.

export async function proxy(request: NextRequest) {
  const response = NextResponse.next();
  const { name, secure } = sessionCookieName(process.env.NEXTAUTH_URL);
  if (!request.cookies.has(name)) return response;
  const secret = authSecret();
  const token = await getToken({ req: request, secret, secureCookie: secure, cookieName: name });
  if (!token || sessionOutlived(token.signedInAt)) return response;
  const value = await encode({ token, secret, maxAge: SESSION_IDLE_SECONDS });
  response.cookies.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: SESSION_IDLE_SECONDS });
  return response;
}

export const config = { matcher: ["/admin/:path*"] };
