import "server-only";
import type { Db, Prisma, Tx } from "@/lib/db/prisma";

// Whether a sitting is convened: its convocation has been sent (the sendings
// recorded set its convocation date, migration 20261202020000_convocation), or,
// for a sitting entered from the archives, its convocation date was typed.
// From then on its agenda and its convocation are public (L2121-10); its drafts
// and the councillors' addresses never are. A convened sitting with an agenda
// gets its public address, once and for good (SQL function sitting_is_convened,
// migration 20261202030000_public_cycle, says the same as convenedSittingWhere).

/** Sittings convened on `today` (the municipality's calendar day, as a UTC midnight date), with an agenda to show. */
export function convenedSittingWhere(municipalityId: string, today: Date): Prisma.SittingWhereInput {
  return { municipalityId, convocationDate: { lte: today }, agendaItems: { some: {} } };
}

/** Sittings citizens may see: those given a public address (a published act, or a convocation). */
export function visibleSittingWhere(municipalityId: string): Prisma.SittingWhereInput {
  return { municipalityId, publicSlug: { not: null } };
}

/** Whether a sitting's row says it is convened. */
export function isConvened(sitting: { convocationDate: Date | null }): boolean {
  return sitting.convocationDate !== null;
}

/** When the convocation was sent: the latest sending's instant, or the archived day (midnight UTC); null when not convened. */
export async function convokedAt(db: Db | Tx, sittingId: string): Promise<Date | null> {
  const latest = await db.convocationSending.aggregate({ where: { sittingId }, _max: { sentAt: true } });
  if (latest._max.sentAt) return latest._max.sentAt;
  const sitting = await db.sitting.findUnique({ where: { id: sittingId }, select: { convocationDate: true } });
  return sitting?.convocationDate ?? null;
}
