import "server-only";
import type { Db } from "@/lib/db/prisma";
import { isoDay, localDay } from "@/lib/domain/calendar";
import type { MinutesState } from "@/lib/domain/sitting-deadlines";

/**
 * Where the deadlines read each held sitting's procès-verbal: its newest
 * version's status, the day it was adopted and the sitting it is submitted
 * to (lib/minutes writes them). A sitting without a PV row reads "NONE".
 */
export async function readMinutesStates(db: Db, municipalityId: string, sittingIds: readonly string[], zone: string): Promise<Map<string, MinutesState>> {
  const rows = await db.minutes.findMany({
    where: { municipalityId, sittingId: { in: [...sittingIds] } },
    orderBy: { version: "desc" },
    select: { sittingId: true, status: true, adoptedAt: true, approvingSitting: { select: { startsAt: true } } },
  });
  const states = new Map<string, MinutesState>(sittingIds.map((id) => [id, { status: "NONE", adoptedDay: null, approvingSittingDay: null }]));
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.sittingId)) continue; // the newest version only
    seen.add(row.sittingId);
    states.set(row.sittingId, {
      status: row.status,
      adoptedDay: row.adoptedAt ? isoDay(row.adoptedAt) : null,
      approvingSittingDay: row.approvingSitting ? localDay(row.approvingSitting.startsAt, zone) : null,
    });
  }
  return states;
}
