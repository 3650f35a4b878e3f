import "server-only";
import { authorizeAdmin, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import type { DerogationWindow } from "@/lib/domain/derogations";
import { localDay } from "@/lib/domain/calendar";
import { timeZoneOf } from "./time-zone";
import { DEROGATION_WINDOW_SELECT, toDerogationWindow } from "./load-derogation-windows";

export type ListedDerogationWindow = DerogationWindow & {
  id: string;
  /** A published act was voted under it: the rule it stated does not change (the database refuses). */
  coversPublishedAct: boolean;
};

/** The administrator's windows, each saying whether a published act depends on it. */
export async function listDerogationWindows(options: { db: Db; actor: SessionUser | null }): Promise<ListedDerogationWindow[]> {
  const actor = authorizeAdmin(options.actor);
  const [rows, publishedSittings, zone] = await Promise.all([
    options.db.derogationWindow.findMany({ where: { municipalityId: actor.municipalityId }, select: DEROGATION_WINDOW_SELECT, orderBy: { startsOn: "asc" } }),
    options.db.sitting.findMany({
      where: { municipalityId: actor.municipalityId, deliberations: { some: { status: "PUBLISHED" } } },
      select: { startsAt: true },
    }),
    timeZoneOf(options.db, actor.municipalityId),
  ]);
  const publishedDays = publishedSittings.map((sitting) => localDay(sitting.startsAt, zone));
  return rows.map((row) => {
    const window = toDerogationWindow(row);
    return { id: row.id, ...window, coversPublishedAct: publishedDays.some((day) => window.from <= day && day <= window.to) };
  });
}
