import "server-only";
import { revalidatePath, updateTag } from "next/cache";
import { getPrisma } from "@/lib/db/prisma";
import { toParisCalendarDate } from "@/lib/domain";
import { SEARCH_FILTER_OPTIONS_TAG } from "@/lib/search/list-search-filter-options";
import { formatSittingSlug, parisDayWindow } from "@/lib/sittings/sitting-slug";

// What each change makes visible to the public, and nothing more. Only the
// pages of an act and of a sitting (rendered once, then served from Next's
// cache) and the search form's options (data cache) are cached; every other
// public page, feed and API answer is rendered per request and needs no
// invalidation. Drafts, roll calls, votes and receipts are seen by no citizen
// until publication, so they revalidate the back office alone.
//
// Each path given to revalidatePath is a tag of Next's cache, and the
// portal's cache handler (lib/cache/tag-cache-handler.mjs) shares every tag
// with the other web instances through PostgreSQL.

/** The public paths of a sitting's day: its rank among that day's sittings may shift when another becomes public. */
async function sittingDayPaths(startsAt: Date, municipalityId: string): Promise<string[]> {
  const day = toParisCalendarDate(startsAt);
  const sameDay = await getPrisma().sitting.findMany({
    where: { municipalityId, startsAt: parisDayWindow(day) },
    select: { id: true, startsAt: true, deliberations: { where: { publishedAt: { not: null } }, select: { number: true } } },
  });
  const ofDay = sameDay.filter((sitting) => toParisCalendarDate(sitting.startsAt) === day);
  const sittingPaths = ofDay.map((_, index) => `/seances/${formatSittingSlug({ day, rank: index + 1 })}`);
  // Each act of the day links to its sitting's address.
  const actPaths = ofDay.flatMap((sitting) => sitting.deliberations.map(({ number }) => `/deliberations/${number}`));
  return [...new Set([`/seances/${day}`, ...sittingPaths, ...actPaths])];
}

/** Where a sitting shows: its page, and the pages of its published acts (sitting, presidency, convocation). */
export async function publicPathsOfSitting(sittingId: string): Promise<string[]> {
  const sitting = await getPrisma().sitting.findUnique({ where: { id: sittingId }, select: { startsAt: true, municipalityId: true } });
  return sitting ? sittingDayPaths(sitting.startsAt, sitting.municipalityId) : [];
}

function revalidatePaths(paths: Iterable<string>): void {
  for (const path of new Set(paths)) revalidatePath(path);
}

/** A publication (a first version or a rectification): the act's page, its sitting's, and the search form's choices. */
export async function revalidatePublication(deliberationId: string): Promise<void> {
  const deliberation = await getPrisma().deliberation.findUnique({ where: { id: deliberationId }, select: { number: true, sittingId: true } });
  if (!deliberation) return;
  revalidatePaths([`/deliberations/${deliberation.number}`, ...(await publicPathsOfSitting(deliberation.sittingId))]);
  updateTag(SEARCH_FILTER_OPTIONS_TAG);
}

/** A sitting's facts changed: the pages it showed on before (its date may have moved) and after. */
export async function revalidateSittingChange(pathsBefore: string[], sittingId: string): Promise<void> {
  revalidatePaths([...pathsBefore, ...(await publicPathsOfSitting(sittingId))]);
  updateTag(SEARCH_FILTER_OPTIONS_TAG);
}

/**
 * A councillor's record changed: their page, the list, and the rapporteurs
 * offered by the search form. Published acts are not rendered again: what an
 * act states is fixed at its publication.
 */
export function revalidateCouncillor(councillorId: string | null): void {
  revalidatePaths(["/elus", ...(councillorId ? [`/elus/${councillorId}`] : [])]);
  updateTag(SEARCH_FILTER_OPTIONS_TAG);
}

/** The municipality's settings show in the header, the footer and the notices of every page. */
export function revalidateEveryPublicPage(): void {
  revalidatePath("/", "layout");
}
