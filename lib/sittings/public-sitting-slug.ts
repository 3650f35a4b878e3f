import "server-only";
import { getPrisma } from "@/lib/db/prisma";
import { localDay } from "@/lib/domain";
import { timeZoneOf } from "@/lib/municipality/time-zone";

/**
 * The public address of one sitting, as the database gave it when the sitting first became
 * public (it never changes after). A sitting not yet public has none: its day stands in.
 */
export async function getPublicSittingSlug({
  municipalityId,
  sittingId,
  startsAt,
}: {
  municipalityId: string;
  sittingId: string;
  startsAt: Date;
}): Promise<string> {
  const prisma = getPrisma();
  const sitting = await prisma.sitting.findFirst({ where: { id: sittingId, municipalityId }, select: { publicSlug: true } });
  return sitting?.publicSlug ?? localDay(startsAt, await timeZoneOf(prisma, municipalityId));
}
