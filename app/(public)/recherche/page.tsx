import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SearchCouncillors } from "@/components/search/search-councillors";
import { SearchForm } from "@/components/search/search-form";
import { SearchPagination } from "@/components/search/search-pagination";
import { SearchResults } from "@/components/search/search-results";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { countOf } from "@/lib/domain/plural";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { findDeliberationByReference } from "@/lib/search/find-deliberation-by-reference";
import { listSearchFilterOptions } from "@/lib/search/list-search-filter-options";
import { offeredSittings } from "@/lib/search/offered-sittings";
import { searchDeliberations } from "@/lib/search/search-deliberations";
import { effectiveSort, hasFilters, parseSearchParams, searchQueryString, type SearchParams } from "@/lib/search/search-params";
import { deliberationPath } from "@/lib/publication/deliberation-path";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function feedHref(query: string): string {
  return query ? `/flux/recherche.atom?${query}` : "/flux/recherche.atom";
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = parseSearchParams(await searchParams);
  const feedQuery = searchQueryString({ ...params, page: 1, tri: undefined });
  return {
    title: params.q ? `Recherche « ${params.q} »${params.page > 1 ? `, page ${params.page}` : ""}` : "Rechercher une délibération",
    alternates: { types: { "application/atom+xml": [{ url: feedHref(feedQuery), title: "Résultats de cette recherche (Atom)" }] } },
    robots: { index: false, follow: true },
  };
}

/** A parameter sent empty (a plain form sends every field): the address is not the search's own. */
function hasEmptyParameter(raw: Record<string, string | string[] | undefined>): boolean {
  return Object.values(raw).some((value) => (Array.isArray(value) ? value.some((item) => item.trim() === "") : value?.trim() === ""));
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  const params = parseSearchParams(raw);
  // Empty parameters mean nothing: the clean address, which is the one to share and the one the feed follows.
  if (hasEmptyParameter(raw)) {
    const clean = searchQueryString(params);
    redirect(clean ? `/recherche?${clean}` : "/recherche");
  }
  const municipality = await getCurrentMunicipality();

  // A number or a receipt identifier goes straight to the act. Looked up alongside the search rather than
  // before it: most queries are words, and the lookup's round trip would delay every one of them.
  const searching = params.q !== "" || hasFilters(params);
  const [reference, filterOptions, result] = await Promise.all([
    params.q && !hasFilters(params) ? findDeliberationByReference({ municipalityId: municipality.id, query: params.q }) : Promise.resolve(null),
    listSearchFilterOptions({ municipalityId: municipality.id }),
    searching ? searchDeliberations({ municipalityId: municipality.id, params }) : Promise.resolve(null),
  ]);
  if (reference) redirect(deliberationPath(reference));
  const feedQuery = searchQueryString({ ...params, page: 1, tri: undefined });
  const sort = effectiveSort(params);
  const sittings = offeredSittings(filterOptions.sittings, { year: params.annee, chosen: params.seance });

  return (
    <div>
      <Breadcrumb crumbs={[{ label: "Accueil", href: "/" }, { label: "Recherche" }]} />
      <h1 className="text-3xl font-bold">Rechercher une délibération</h1>
      <SearchForm
        params={params}
        options={{ ...filterOptions, sittings: sittings.sittings }}
        sittingScope={sittings.scope}
        filtersOpen={hasFilters(params) || params.tri !== undefined}
      />

      {result && result.councillors.length > 0 ? <SearchCouncillors councillors={result.councillors} /> : null}

      {result ? (
        <section aria-labelledby="search-results-heading" className="mt-8">
          <h2 id="search-results-heading" className="text-2xl font-bold" aria-live="polite">
            {result.meaninglessQuery
              ? "Aucun mot exploitable dans la recherche"
              : result.total > 0
                ? `${countOf(result.total, "délibération trouvée", "délibérations trouvées")}${result.searchedFromYear ? ` depuis ${result.searchedFromYear}` : ""}`
                : "Aucune délibération trouvée"}
          </h2>
          <p className="mt-2 text-muted">
            {result.meaninglessQuery
              ? "La recherche ne contient que des signes de ponctuation ou des mots trop courants (le, la, de…). Essayez avec des mots du sujet recherché."
              : result.total === 0
                ? "Essayez avec moins de mots, sans filtre, ou avec un autre terme."
                : `${sort === "pertinence" ? "Les plus pertinentes d'abord" : "De la séance la plus récente à la plus ancienne"}${result.pageCount > 1 ? ` ; page ${Math.min(params.page, result.pageCount)} sur ${result.pageCount}` : ""}.`}
          </p>
          {result.searchedFromYear ? <OlderYears params={params} fromYear={result.searchedFromYear} /> : null}
          <p className="no-print mt-2">
            <a href={feedHref(feedQuery)} type="application/atom+xml">
              Suivre cette recherche (flux Atom)
            </a>
          </p>
          {result.hits.length > 0 ? (
            <div className="mt-4">
              <SearchResults hits={result.hits} zone={municipality.timeZone} />
            </div>
          ) : null}
          {result.hits.length === 0 && result.total > 0 ? (
            <p className="mt-4">Cette page de résultats n&apos;existe pas : revenez à la première page.</p>
          ) : null}
          <SearchPagination params={params} pageCount={result.pageCount} />
        </section>
      ) : (
        <p className="mt-8 max-w-3xl">
          Saisissez des mots du sujet ou du texte d&apos;une délibération, ou choisissez des filtres. Toutes les délibérations
          publiées par {municipality.name} sont consultables.
        </p>
      )}
    </div>
  );
}

/**
 * A frequent word: only the newest years were searched (lib/search/search-sql.ts), which the page says, with
 * the way to the older ones (the same search, up to the end of the year before).
 */
function OlderYears({ params, fromYear }: { params: SearchParams; fromYear: number }) {
  const older = searchQueryString({ ...params, au: `${fromYear - 1}-12-31`, page: 1 });
  return (
    <p className="mt-2">
      Ces mots sont très fréquents : seules les délibérations de {fromYear} et des années suivantes ont été parcourues et
      classées. <a href={`/recherche?${older}`}>Chercher dans les délibérations antérieures à {fromYear}</a>
    </p>
  );
}
