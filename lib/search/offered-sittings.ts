// The sittings the search form offers. The filter options (cached with
// their labels, lib/search/list-search-filter-options.ts) hold every sitting
// with a published act; the page offers a few of them.

export type SearchFilterOption = { value: string; label: string };
/** A sitting as the form offers it, with its year (local), by which the page picks the sittings it offers. */
export type SittingFilterOption = SearchFilterOption & { year: number };

/** Without a year chosen, the form offers this many sittings, the newest: about a year of a council's. */
export const RECENT_SITTINGS_OFFERED = 12;

/** Which sittings the form offers: every one, a year's, or the newest. */
export type SittingScope = { all: true } | { year: number } | { recent: number };

export type OfferedSittings = { sittings: SittingFilterOption[]; scope: SittingScope };

/**
 * The sittings the form offers: those of the chosen year, or else the newest
 * (RECENT_SITTINGS_OFFERED), and always the sitting already chosen. Twenty
 * years of an archive are two hundred sittings: a list no one reads, rendered
 * and sent with every search (a third of the page's weight and time).
 */
export function offeredSittings(sittings: readonly SittingFilterOption[], { year, chosen }: { year?: number; chosen?: string }): OfferedSittings {
  const scope: SittingScope = year !== undefined ? { year } : sittings.length > RECENT_SITTINGS_OFFERED ? { recent: RECENT_SITTINGS_OFFERED } : { all: true };
  const offered = year !== undefined ? sittings.filter((sitting) => sitting.year === year) : sittings.slice(0, RECENT_SITTINGS_OFFERED);
  const chosenSitting = chosen && !offered.some((sitting) => sitting.value === chosen) ? sittings.find((sitting) => sitting.value === chosen) : undefined;
  if (!chosenSitting) return { sittings: offered, scope };
  // In the list's order (newest first), like the others.
  const order = (sitting: SittingFilterOption) => sittings.indexOf(sitting);
  return { sittings: [...offered, chosenSitting].sort((a, b) => order(a) - order(b)), scope };
}
