import "server-only";
import { BACK_OFFICE_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { COUNCILLOR_SELECT } from "./councillor-fields";

/** The municipality's councillors, by name; `query` searches first and last names; `onDay` keeps those in office that day. */
export async function listCouncillors(options: { db: Db; actor: SessionUser | null; query?: string; onDay?: string; demo?: boolean }) {
  const actor = authorize(options.actor, BACK_OFFICE_ROLES);
  const query = options.query?.trim();
  const day = options.onDay ? new Date(`${options.onDay}T00:00:00Z`) : undefined;
  return options.db.councillor.findMany({
    where: {
      municipalityId: actor.municipalityId,
      ...(options.demo === undefined ? {} : { isDemo: options.demo }),
      AND: [
        query ? { OR: [{ lastName: { contains: query, mode: "insensitive" as const } }, { firstName: { contains: query, mode: "insensitive" as const } }] } : {},
        day ? { mandateStart: { lte: day }, OR: [{ mandateEnd: null }, { mandateEnd: { gte: day } }] } : {},
      ],
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: COUNCILLOR_SELECT,
  });
}
