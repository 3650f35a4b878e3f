import { encode, getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { getPrisma } from "@/lib/db/prisma";
import { authSecret } from "@/lib/env";
import { isSessionOpen } from "./auth-session";
import { SESSION_IDLE_SECONDS, sessionCookieName, sessionOutlived } from "./session-lifetime";

/**
 * Slides the back-office session: the request's session cookie is re-issued for
 * another idle period, until the absolute limit. Run by proxy.ts on every /admin
 * request (pages and server actions), while its recorded session is open: a
 * signed-out cookie is not renewed. Authorization is not decided here: pages,
 * actions and route handlers check the session and the role themselves.
 */
export async function slideSession(request: NextRequest, next: () => NextResponse = () => NextResponse.next()): Promise<NextResponse> {
  const response = next();
  const { name, secure } = sessionCookieName(process.env.NEXTAUTH_URL);
  if (!request.cookies.has(name)) return response;
  const secret = authSecret();
  const token = await getToken({ req: request, secret, secureCookie: secure, cookieName: name });
  if (!token || sessionOutlived(token.signedInAt)) return response;
  // The database unreachable: no renewal, and the page itself answers (503).
  const open = await isSessionOpen(getPrisma(), String(token.sessionId ?? "")).catch(() => false);
  if (!open) return response;
  const value = await encode({ token, secret, maxAge: SESSION_IDLE_SECONDS });
  response.cookies.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: SESSION_IDLE_SECONDS });
  return response;
}
