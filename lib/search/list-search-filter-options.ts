import "server-only";
import { unstable_cache } from "next/cache";
import type { Db } from "@/lib/db/prisma";
import { formatCouncillorName, formatDateFr, localYear } from "@/lib/domain";
import { listSearchFacets } from "./list-search-facets";
import type { SearchFilterOption, SittingFilterOption } from "./offered-sittings";

// The search form's filter options, labels included: they change only when an
// act is published, yet the page is rendered for every search, so they are
// kept in Next's data cache rather than queried and formatted each time.
// A publication, a sitting's or a councillor's change expires
// SEARCH_FILTER_OPTIONS_TAG (lib/cache/public-pages.ts), on every web instance
// through the portal's cache handler; `revalidate` bounds how long an instance
// that missed it may offer the options of before (choices in a form, not
// results: a search on a value not yet offered still works by its URL).

export const SEARCH_FILTER_OPTIONS_TAG = "search-filter-options";
const STALE_AFTER_SECONDS = 300;

export type SearchFilterOptions = { years: number[]; sittings: SittingFilterOption[]; rapporteurs: SearchFilterOption[] };

/** The filter options of listSearchFacets, as value and French label (plain JSON: what the cache stores). */
export async function buildSearchFilterOptions({ municipalityId, db }: { municipalityId: string; db?: Db }): Promise<SearchFilterOptions> {
  const facets = await listSearchFacets({ municipalityId, db });
  return {
    years: facets.years,
    sittings: facets.sittings.map((sitting) => ({
      value: sitting.id,
      label: `${formatDateFr(sitting.startsAt, facets.timeZone)}${sitting.isDemo ? " (démonstration, fictive)" : ""}`,
      year: localYear(sitting.startsAt, facets.timeZone),
    })),
    rapporteurs: facets.rapporteurs.map((councillor) => ({
      value: councillor.id,
      label: `${formatCouncillorName(councillor)}${councillor.isDemo ? " (fictif)" : ""}`,
    })),
  };
}

const readOptions = unstable_cache((municipalityId: string) => buildSearchFilterOptions({ municipalityId }), ["search-filter-options"], {
  tags: [SEARCH_FILTER_OPTIONS_TAG],
  revalidate: STALE_AFTER_SECONDS,
});

/** The search form's filter options through Next's data cache (inside a request only). */
export function listSearchFilterOptions({ municipalityId }: { municipalityId: string }): Promise<SearchFilterOptions> {
  return readOptions(municipalityId);
}
