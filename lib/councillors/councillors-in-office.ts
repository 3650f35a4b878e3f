import "server-only";
import type { Tx } from "@/lib/db/prisma";
import { sittingDay } from "./council-days";

/** The councillors in office on the sitting's day (real ones for a real sitting, fictional ones for a demo sitting). */
export async function councillorsInOffice(tx: Tx, municipalityId: string, sitting: { startsAt: Date; isDemo: boolean }) {
  const day = sittingDay(sitting.startsAt);
  return tx.councillor.findMany({
    where: { municipalityId, isDemo: sitting.isDemo, mandateStart: { lte: day }, OR: [{ mandateEnd: null }, { mandateEnd: { gte: day } }] },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, civility: true, firstName: true, lastName: true },
  });
}
