import "server-only";
import type { Db, Tx } from "@/lib/db/prisma";

// Whether a sitting is convened: its convocation has been sent to at least one
// councillor (the sendings recorded), or, for a sitting entered from the
// archives, its convocation date was typed. From then on its agenda and its
// convocation are public (L2121-10); its drafts and the councillors' addresses
// never are.

/** The Prisma filter of convened sittings, to combine with a page's own (public, municipality…). */
export const CONVENED_SITTING_WHERE = { convocationDate: { not: null } } as const;

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
