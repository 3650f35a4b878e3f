import "server-only";
import { BACK_OFFICE_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { nextDeliberationNumber } from "@/lib/domain/numbering";

/** The next number of the year's sequence ("DL.2022-92" after DL.2022-91). */
export async function proposeDeliberationNumber(options: { db: Db; actor: SessionUser | null; year: number }): Promise<string> {
  const actor = authorize(options.actor, BACK_OFFICE_ROLES);
  const rows = await options.db.deliberation.findMany({ where: { municipalityId: actor.municipalityId, year: options.year }, select: { number: true } });
  return nextDeliberationNumber(options.year, rows.map((row) => row.number));
}
