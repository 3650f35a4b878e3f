import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "@/lib/db/prisma";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { authOptions, sessionClaims } from "./auth-options";
import { resolveSessionUser } from "./resolve-session-user";
import type { SessionUser } from "./roles";

export type { Role, SessionUser } from "./roles";

/** The signed-in user, reloaded from the database (disabled accounts and bumped session versions count as signed out). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const claims = sessionClaims(await getServerSession(authOptions()));
  if (!claims) return null;
  const municipality = await getCurrentMunicipality();
  return resolveSessionUser(getPrisma(), claims, municipality.id);
});

/**
 * The back office's pages: the signed-in user, or off to the sign-in page. The
 * layout redirects too, but a page renders alongside it and must not fail first.
 */
export async function getPageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/connexion");
  return user;
}
