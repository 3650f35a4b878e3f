import "server-only";
import type { Db } from "@/lib/db/prisma";
import { ADMIN_ROLES, authorize, type SessionUser } from "./roles";

/** The municipality's back-office accounts (never their password hashes). */
export async function listUsers(options: { db: Db; actor: SessionUser | null }) {
  const actor = authorize(options.actor, ADMIN_ROLES);
  return options.db.user.findMany({
    where: { municipalityId: actor.municipalityId },
    orderBy: [{ disabled: "asc" }, { name: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabled: true, updatedAt: true },
  });
}
