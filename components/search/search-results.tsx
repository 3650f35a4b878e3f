import { DemoBadge } from "@/components/ui/demo-notice";
import { OutcomeBadge } from "@/components/ui/outcome-badge";
import { formatDateFr } from "@/lib/domain";
import type { SearchHit } from "@/lib/search/search-deliberations";
import { HighlightedText } from "./highlighted-text";
import { deliberationPath } from "@/lib/publication/deliberation-path";
import { matterCaption } from "@/lib/domain";


/**
 * Matches of a search, each with its highlighted subject and a passage of the text.
 * Plain links, not next/link: a page of results would otherwise have the browser
 * prefetch its twenty deliberations, and render twenty more client components.
 */
export function SearchResults({ hits, zone }: { hits: SearchHit[]; zone: string }) {
  return (
    <ol className="divide-y divide-line border-y border-line" data-testid="search-results">
      {hits.map((hit) => (
        <li key={hit.id} className="py-4">
          <h3 className="text-base font-semibold">
            <a href={deliberationPath(hit.number)}>
              <span className="mr-2 whitespace-nowrap">{hit.number}</span>
              <span className="sr-only"> : </span>
              <HighlightedText text={hit.subjectHighlighted} />
            </a>
          </h3>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
            <span>Séance du {formatDateFr(hit.sittingStartsAt, zone)}</span>
            <span>{matterCaption(hit.matterCode)}</span>
            <OutcomeBadge outcome={hit.outcome} tally={hit.tally} />
            {hit.isDemo ? <DemoBadge /> : null}
          </p>
          {hit.excerpt.trim() ? (
            <p className="mt-2 text-sm">
              <HighlightedText text={hit.excerpt.replace(/[#*_>`]+/g, " ").replace(/\s+/g, " ").trim()} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
