import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getPrisma } from "@/lib/db/prisma";
import { authSecret } from "@/lib/env";
import { signInSchema } from "@/lib/validations/auth";
import { authenticateUser } from "./authenticate-user";
import type { SessionClaims } from "./resolve-session-user";

/** A session lasts a working half-day; the user is reloaded from the database on every request anyway. */
export const SESSION_MAX_AGE_SECONDS = 4 * 60 * 60;

/** The client's address, as the reverse proxy (or Next's server) reports it. */
export function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" && real.trim()) || "inconnue";
}

/** Built on demand: the secret is checked when a request needs it, not when the build imports the module. */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
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
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.userId = user.id;
          token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.userId, sessionVersion: token.sessionVersion };
      },
    },
  };
}

/** The claims the session callback exposes, or null when the session does not carry them. */
export function sessionClaims(session: unknown): SessionClaims | null {
  if (!session || typeof session !== "object") return null;
  const { userId, sessionVersion } = session as { userId?: unknown; sessionVersion?: unknown };
  if (typeof userId !== "string" || typeof sessionVersion !== "number") return null;
  return { userId, sessionVersion };
}
