import "server-only";
import { ADMIN_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import type { DerogationWindow } from "@/lib/domain/derogations";
import { toParisCalendarDate } from "@/lib/domain/paris-calendar";

// A municipality's derogation windows, as the domain takes them: the quorum
// and proxy rules of any day are computed from these rows.

export const DEROGATION_WINDOW_SELECT = {
  id: true,
  startsOn: true,
  endsOn: true,
  quorumNumerator: true,
  quorumDenominator: true,
  maxProxiesPerHolder: true,
  legalBasis: true,
} as const;

type DerogationWindowRow = { startsOn: Date; endsOn: Date; quorumNumerator: number; quorumDenominator: number; maxProxiesPerHolder: number; legalBasis: string };

/** A `date` column's day (stored as midnight UTC). */
const dayOfDateColumn = (day: Date) => day.toISOString().slice(0, 10);

export function toDerogationWindow(row: DerogationWindowRow): DerogationWindow {
  return {
    from: dayOfDateColumn(row.startsOn),
    to: dayOfDateColumn(row.endsOn),
    quorumFraction: { numerator: row.quorumNumerator, denominator: row.quorumDenominator },
    maxProxiesPerHolder: row.maxProxiesPerHolder,
    legalBasis: row.legalBasis,
  };
}

/** The windows of a municipality, oldest first, for the domain's quorum and proxy rules. */
export async function loadDerogationWindows(db: Db | Tx, municipalityId: string): Promise<DerogationWindow[]> {
  const rows = await db.derogationWindow.findMany({ where: { municipalityId }, select: DEROGATION_WINDOW_SELECT, orderBy: { startsOn: "asc" } });
  return rows.map(toDerogationWindow);
}

export type ListedDerogationWindow = DerogationWindow & {
  id: string;
  /** A published act was voted under it: the rule it stated does not change (the database refuses). */
  coversPublishedAct: boolean;
};

/** The administrator's windows, each saying whether a published act depends on it. */
export async function listDerogationWindows(options: { db: Db; actor: SessionUser | null }): Promise<ListedDerogationWindow[]> {
  const actor = authorize(options.actor, ADMIN_ROLES);
  const [rows, publishedSittings] = await Promise.all([
    options.db.derogationWindow.findMany({ where: { municipalityId: actor.municipalityId }, select: DEROGATION_WINDOW_SELECT, orderBy: { startsOn: "asc" } }),
    options.db.sitting.findMany({
      where: { municipalityId: actor.municipalityId, deliberations: { some: { status: "PUBLISHED" } } },
      select: { startsAt: true },
    }),
  ]);
  const publishedDays = publishedSittings.map((sitting) => toParisCalendarDate(sitting.startsAt));
  return rows.map((row) => {
    const window = toDerogationWindow(row);
    return { id: row.id, ...window, coversPublishedAct: publishedDays.some((day) => window.from <= day && day <= window.to) };
  });
}
