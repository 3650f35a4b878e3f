import Link from "next/link";

function pageHref(basePath: string, page: number): string {
  return page === 1 ? basePath : `${basePath}?page=${page}`;
}

/** Previous, numbered and next pages; the current one is marked for assistive technologies. */
export function Pagination({ basePath, page, pageCount }: { basePath: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const pages = Array.from({ length: pageCount }, (_, index) => index + 1).filter(
    (candidate) => candidate === 1 || candidate === pageCount || Math.abs(candidate - page) <= 2,
  );
  const linkClass = "inline-block min-w-11 rounded border border-line px-3 py-2 text-center no-underline hover:bg-surface";
  return (
    <nav aria-label="Pagination" className="no-print mt-8">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <Link href={pageHref(basePath, page - 1)} className={linkClass} rel="prev">
              ‹ Précédente
            </Link>
          </li>
        ) : null}
        {pages.map((candidate, index) => (
          <li key={candidate} className="flex items-center gap-2">
            {index > 0 && candidate - (pages[index - 1] ?? candidate) > 1 ? <span aria-hidden="true">…</span> : null}
            {candidate === page ? (
              <span aria-current="page" className={`${linkClass} border-brand bg-brand font-bold text-white hover:bg-brand`}>
                <span className="sr-only">Page </span>
                {candidate}
              </span>
            ) : (
              <Link href={pageHref(basePath, candidate)} className={linkClass}>
                <span className="sr-only">Page </span>
                {candidate}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link href={pageHref(basePath, page + 1)} className={linkClass} rel="next">
              Suivante ›
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
