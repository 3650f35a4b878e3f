import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getPrisma } from "@/lib/db/prisma";
import { authSecret } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, UNKNOWN_ADDRESS } from "@/lib/http/client-address";
import { signInSchema } from "@/lib/validations/auth";
import { isSessionId, openSession, revokeSession } from "./auth-session";
import { authenticateUser } from "./authenticate-user";
import { nowInSeconds, SESSION_IDLE_SECONDS, sessionOutlived } from "./session-lifetime";
import type { SessionClaims } from "./resolve-session-user";


/**
 * The client's address as the front (lib/http/front.ts) saw it on the socket,
 * REGISTRE_TRUSTED_PROXIES applied; never X-Forwarded-For as the client wrote it.
 */
export function clientAddress(headers: Record<string, unknown> | undefined): string {
  const address = headers?.[CLIENT_ADDRESS_HEADER];
  return (typeof address === "string" && address.trim()) || UNKNOWN_ADDRESS;
}

/** Built on demand: the secret is checked when a request needs it, not when the build imports the module. */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    // The idle limit; proxy.ts slides it on every back-office request, sessionClaims enforces the absolute one.
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
    jwt: { maxAge: SESSION_IDLE_SECONDS },
    pages: { signIn: "/connexion", error: "/connexion", signOut: "/connexion" },
    providers: [
      CredentialsProvider({
        name: "Adresse électronique et mot de passe",
        credentials: { email: { label: "Adresse électronique", type: "email" }, password: { label: "Mot de passe", type: "password" } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const user = await authenticateUser(getPrisma(), { ...parsed.data, address: clientAddress(request?.headers) });
          if (!user) return null;
          const sessionId = await openSession(getPrisma(), user.id);
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.userId = user.id;
          token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion;
          token.sessionId = (user as { sessionId?: string }).sessionId;
          token.signedInAt = nowInSeconds();
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.userId, sessionVersion: token.sessionVersion, sessionId: token.sessionId, signedInAt: token.signedInAt };
      },
    },
    events: {
      // Signing out closes this session on the server: a copy of its cookie opens nothing afterwards.
      async signOut({ token }) {
        if (isSessionId(token?.sessionId)) await revokeSession(getPrisma(), token.sessionId);
      },
    },
  };
}

/** The claims the session callback exposes, or null when the session does not carry them or has outlived its absolute limit. */
export function sessionClaims(session: unknown, now = Date.now()): SessionClaims | null {
  if (!session || typeof session !== "object") return null;
  const { userId, sessionVersion, sessionId, signedInAt } = session as { userId?: unknown; sessionVersion?: unknown; sessionId?: unknown; signedInAt?: unknown };
  if (typeof userId !== "string" || typeof sessionVersion !== "number" || !isSessionId(sessionId) || sessionOutlived(signedInAt, now)) return null;
  return { userId, sessionVersion, sessionId };
}
