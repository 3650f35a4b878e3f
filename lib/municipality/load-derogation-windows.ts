import type { Db, Tx } from "@/lib/db/prisma";
import type { DerogationWindow } from "@/lib/domain/derogations";

// A municipality's derogation windows, as the domain takes them: the quorum
// and proxy rules of any day are computed from these rows. No "server-only":
// the seed (a plain Node script) reads them too.

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
