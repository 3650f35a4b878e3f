import "server-only";
import type { Tx } from "@/lib/db/prisma";
import { dateColumn, localDay } from "@/lib/domain/calendar";
import { timeZoneOf } from "@/lib/municipality/time-zone";

/** The councillors in office on the sitting's local day (real ones for a real sitting, fictional ones for a demo sitting). */
export async function councillorsInOffice(tx: Tx, municipalityId: string, sitting: { startsAt: Date; isDemo: boolean }) {
  const day = dateColumn(localDay(sitting.startsAt, await timeZoneOf(tx, municipalityId)));
  return tx.councillor.findMany({
    where: { municipalityId, isDemo: sitting.isDemo, mandateStart: { lte: day }, OR: [{ mandateEnd: null }, { mandateEnd: { gte: day } }] },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, civility: true, firstName: true, lastName: true },
  });
}
