import { searchQueryString, type SearchParams } from "@/lib/search/search-params";

function pageHref(params: SearchParams, page: number): string {
  const query = searchQueryString({ ...params, page });
  return query ? `/recherche?${query}` : "/recherche";
}

/** Pages of a search, every link keeping the query and its filters (plain links, as the form is a plain GET). */
export function SearchPagination({ params, pageCount }: { params: SearchParams; pageCount: number }) {
  if (pageCount <= 1) return null;
  const page = Math.min(params.page, pageCount);
  const pages = Array.from({ length: pageCount }, (_, index) => index + 1).filter(
    (candidate) => candidate === 1 || candidate === pageCount || Math.abs(candidate - page) <= 2,
  );
  const linkClass = "inline-block min-w-11 rounded border border-line px-3 py-2 text-center no-underline hover:bg-surface";
  return (
    <nav aria-label="Pages de résultats" className="no-print mt-8">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <a href={pageHref(params, page - 1)} className={linkClass} rel="prev">‹ Précédente</a>
          </li>
        ) : null}
        {pages.map((candidate, index) => (
          <li key={candidate} className="flex items-center gap-2">
            {index > 0 && candidate - (pages[index - 1] ?? candidate) > 1 ? <span aria-hidden="true">…</span> : null}
            {candidate === params.page ? (
              <span aria-current="page" className={`${linkClass} border-brand bg-brand font-bold text-white`}>
                <span className="sr-only">Page </span>{candidate}
              </span>
            ) : (
              <a href={pageHref(params, candidate)} className={linkClass}>
                <span className="sr-only">Page </span>{candidate}
              </a>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <a href={pageHref(params, page + 1)} className={linkClass} rel="next">Suivante ›</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
