import "server-only";
import { revalidatePath, revalidateTag, updateTag } from "next/cache";
import { getPrisma } from "@/lib/db/prisma";
import { SEARCH_FILTER_OPTIONS_TAG } from "@/lib/search/list-search-filter-options";
import { PUBLIC_FIGURES_TAG } from "@/lib/statistics/public-figures";
import { deliberationPath } from "@/lib/publication/deliberation-path";

// What each change makes visible to the public, and nothing more. Only the
// pages of an act and of a sitting (rendered once, then served from Next's
// cache), the search form's options and the figures of /statistiques and
// /elus (data cache, lib/statistics/public-figures.ts) are cached; every other
// public page, feed and API answer is rendered per request and needs no
// invalidation. An import by the command line, outside Next, expires nothing:
// the cached options and figures follow it within their five minutes. Drafts, roll calls, votes and receipts are seen by no citizen
// until publication, so they revalidate the back office alone.
//
// Each path given to revalidatePath is a tag of Next's cache, and the
// portal's cache handler (lib/cache/tag-cache-handler.mjs) shares every tag
// with the other web instances through PostgreSQL.

/**
 * Where a sitting shows: its page at its public address (given once, sitting.public_slug), and
 * the pages of its published acts (sitting, presidency, convocation). A sitting not yet public
 * has no page of its own.
 */
export async function publicPathsOfSitting(sittingId: string): Promise<string[]> {
  const sitting = await getPrisma().sitting.findUnique({
    where: { id: sittingId },
    select: { publicSlug: true, deliberations: { where: { publishedAt: { not: null } }, select: { number: true } } },
  });
  if (!sitting) return [];
  const actPaths = sitting.deliberations.map(({ number }) => deliberationPath(number));
  return [...new Set([...(sitting.publicSlug ? [`/seances/${sitting.publicSlug}`] : []), ...actPaths])];
}

function revalidatePaths(paths: Iterable<string>): void {
  for (const path of new Set(paths)) revalidatePath(path);
}

/** A publication (a first version or a rectification): the act's page, its sitting's, and the search form's choices. */
export async function revalidatePublication(deliberationId: string): Promise<void> {
  const deliberation = await getPrisma().deliberation.findUnique({ where: { id: deliberationId }, select: { number: true, sittingId: true } });
  if (!deliberation) return;
  revalidatePaths([deliberationPath(deliberation.number), ...(await publicPathsOfSitting(deliberation.sittingId))]);
  updateTag(SEARCH_FILTER_OPTIONS_TAG);
  updateTag(PUBLIC_FIGURES_TAG);
}

/** A sitting's facts changed: the pages it showed on before (its date may have moved) and after. */
export async function revalidateSittingChange(pathsBefore: string[], sittingId: string): Promise<void> {
  revalidatePaths([...pathsBefore, ...(await publicPathsOfSitting(sittingId))]);
  updateTag(SEARCH_FILTER_OPTIONS_TAG);
  updateTag(PUBLIC_FIGURES_TAG);
}

/**
 * A councillor's record changed: their page, the list, and the rapporteurs
 * offered by the search form. Published acts are not rendered again: what an
 * act states is fixed at its publication.
 */
export function revalidateCouncillor(councillorId: string | null): void {
  revalidatePaths(["/elus", ...(councillorId ? [`/elus/${councillorId}`] : [])]);
  updateTag(SEARCH_FILTER_OPTIONS_TAG);
  updateTag(PUBLIC_FIGURES_TAG);
}

/** The municipality's settings show in the header, the footer and the notices of every page. */
export function revalidateEveryPublicPage(): void {
  revalidatePath("/", "layout");
  // Also called from route handlers (an archive's upload), where updateTag is refused: expired at once all the same.
  revalidateTag(PUBLIC_FIGURES_TAG, { expire: 0 });
  revalidateTag(SEARCH_FILTER_OPTIONS_TAG, { expire: 0 });
}
