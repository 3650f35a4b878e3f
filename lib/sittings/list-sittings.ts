import "server-only";
import { BACK_OFFICE_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";

/** Every sitting of the municipality, latest first, with how many deliberations each has per status (the back office sees drafts). */
export async function listSittings(options: { db: Db; actor: SessionUser | null }) {
  const actor = authorize(options.actor, BACK_OFFICE_ROLES);
  return options.db.sitting.findMany({
    where: { municipalityId: actor.municipalityId },
    orderBy: { startsAt: "desc" },
    select: { id: true, startsAt: true, kind: true, place: true, isDemo: true, _count: { select: { deliberations: true } } },
  });
}
