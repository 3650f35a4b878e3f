import "server-only";
import { getPrisma } from "@/lib/db/prisma";
import { localDay, localDayBounds } from "@/lib/domain";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { publicSittingWhere } from "@/lib/publication/published-deliberation";
import { assignSittingSlugs } from "./sitting-slug";

/** The public address of one sitting, ranked among the public sittings of its day. */
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
  const zone = await timeZoneOf(prisma, municipalityId);
  const day = localDay(startsAt, zone);
  const sameDay = await prisma.sitting.findMany({
    where: { ...publicSittingWhere(municipalityId), startsAt: localDayBounds(day, zone) },
    select: { id: true, startsAt: true },
  });
  const slugs = assignSittingSlugs(sameDay, zone);
  return slugs.get(sittingId) ?? day;
}
