import "server-only";
import { getPrisma } from "@/lib/db/prisma";
import { toParisCalendarDate } from "@/lib/domain";
import { publicSittingWhere } from "@/lib/publication/published-deliberation";
import { assignSittingSlugs, parisDayWindow } from "./sitting-slug";

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
  const day = toParisCalendarDate(startsAt);
  const sameDay = await getPrisma().sitting.findMany({
    where: { ...publicSittingWhere(municipalityId), startsAt: parisDayWindow(day) },
    select: { id: true, startsAt: true },
  });
  const slugs = assignSittingSlugs(sameDay.filter((sitting) => toParisCalendarDate(sitting.startsAt) === day));
  return slugs.get(sittingId) ?? day;
}
