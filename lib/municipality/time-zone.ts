import "server-only";
import type { Db, Tx } from "@/lib/db/prisma";

/** The municipality's time zone, the one its days and hours are read in (lib/domain/calendar). */
export async function timeZoneOf(db: Db | Tx, municipalityId: string): Promise<string> {
  const municipality = await db.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { timeZone: true } });
  return municipality.timeZone;
}
