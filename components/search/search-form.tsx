"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, type FormEvent } from "react";
import { listMatters, NOMENCLATURE } from "@/lib/domain";
import { countOf } from "@/lib/domain/plural";
import type { SearchFilterOptions } from "@/lib/search/list-search-filter-options";
import type { SittingScope } from "@/lib/search/offered-sittings";
import type { SearchParams } from "@/lib/search/search-params";

// A client component for the server's sake: the page sends these few props
// (its options, labelled once and cached) instead of hundreds of <option>
// elements in the RSC payload of every search. The browser needs no script
// for it: a plain GET form, rendered on the server like the rest. With a
// script, the form leaves out its empty fields (the page redirects a URL that
// carries some), and the filters open by themselves on wide screens only: on
// a phone they would push the results a screen and a half down.

const fieldClass = "mt-1 block w-full rounded border border-line bg-white px-3 py-2";
const labelClass = "block font-medium";
const MATTERS = listMatters();
/** Tailwind's `sm` breakpoint: below it, the filters stay folded until asked for. */
const WIDE_SCREEN = "(min-width: 40rem)";

/** The form's fields as a query string, without the empty ones. */
function filledQueryString(form: HTMLFormElement): string {
  const entries = [...new FormData(form).entries()].filter(
    (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== "",
  );
  return new URLSearchParams(entries).toString();
}

/** The search and its filters: a plain GET form, so the whole state lands in the URL and works without JavaScript. */
export function SearchForm({ params, options, sittingScope, filtersOpen }: {
  params: SearchParams;
  options: SearchFilterOptions;
  /** Which sittings `options` holds (offeredSittings): said under their list. */
  sittingScope: SittingScope;
  /** A filter or an explicit order is set: the filters are shown open (on wide screens). */
  filtersOpen: boolean;
}) {
  const router = useRouter();
  // Rendered folded (the server cannot know the screen); unfolded here on a wide screen when a filter is set.
  const filters = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (filters.current) filters.current.open = filtersOpen && window.matchMedia(WIDE_SCREEN).matches;
  }, [filtersOpen]);
  const activeFilters = [params.annee, params.du, params.au, params.seance, params.matiere, params.rapporteur, params.resultat, params.unanimite].filter(
    (value) => value !== undefined,
  ).length;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = filledQueryString(event.currentTarget);
    router.push(query ? `/recherche?${query}` : "/recherche");
  }

  return (
    <form action="/recherche" method="get" role="search" aria-label="Rechercher dans les délibérations" className="mt-6" onSubmit={onSubmit}>
      <label htmlFor="search-q" className={labelClass}>
        Mots, expression entre guillemets, numéro (DL.2022-91) ou identifiant ACTES
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={params.q}
          maxLength={300}
          aria-describedby="search-q-help"
          className="min-w-0 flex-1 rounded border border-line bg-white px-3 py-2"
        />
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:opacity-90">
          Rechercher
        </button>
      </div>
      <p id="search-q-help" className="mt-1 text-sm text-muted">
        Les accents et les majuscules sont ignorés ; « famille » trouve aussi « familles ». Exemple : &quot;convention territoriale&quot;.
      </p>

      <details ref={filters} className="mt-4 rounded border border-line p-4">
        <summary className="cursor-pointer font-semibold">
          Filtres et tri
          {activeFilters ? <span className="font-normal"> ({countOf(activeFilters, "filtre actif", "filtres actifs")})</span> : null}
        </summary>
        <fieldset className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <legend className="sr-only">Affiner la recherche</legend>
          <div>
            <label htmlFor="search-annee" className={labelClass}>Année</label>
            <select id="search-annee" name="annee" defaultValue={params.annee ?? ""} className={fieldClass}>
              <option value="">Toutes</option>
              {options.years.map((year) => (
                <option key={year} value={year}>{year}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="search-du" className={labelClass}>Séance du (date)</label>
            <input id="search-du" name="du" type="date" defaultValue={params.du ?? ""} className={fieldClass} />
          </div>
          <div>
            <label htmlFor="search-au" className={labelClass}>au (date)</label>
            <input id="search-au" name="au" type="date" defaultValue={params.au ?? ""} className={fieldClass} />
          </div>
          <div>
            <label htmlFor="search-seance" className={labelClass}>Séance</label>
            <select
              id="search-seance"
              name="seance"
              defaultValue={params.seance ?? ""}
              aria-describedby={"all" in sittingScope ? undefined : "search-seance-help"}
              className={fieldClass}
            >
              <option value="">Toutes</option>
              {options.sittings.map((sitting) => (
                <option key={sitting.value} value={sitting.value}>{sitting.label}</option>
              ))}
            </select>
            {"all" in sittingScope ? null : (
              <p id="search-seance-help" className="mt-1 text-sm text-muted">
                {"year" in sittingScope
                  ? `Les séances de ${sittingScope.year}.`
                  : `Les ${sittingScope.recent} dernières séances ; pour une autre, choisissez son année et appliquez les filtres.`}
              </p>
            )}
          </div>
          <div>
            <label htmlFor="search-matiere" className={labelClass}>Matière</label>
            <select id="search-matiere" name="matiere" defaultValue={params.matiere ?? ""} className={fieldClass}>
              <option value="">Toutes</option>
              {NOMENCLATURE.map((family) => (
                <optgroup key={family.code} label={`${family.code} ${family.label}`}>
                  <option value={family.code}>{`${family.code} ${family.label} (toute la matière)`}</option>
                  {MATTERS
                    .filter((matter) => matter.level1Code === family.code)
                    .map((matter) => (
                      <option key={matter.code} value={matter.code}>{`${matter.code} ${matter.label}`}</option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="search-rapporteur" className={labelClass}>Rapporteur</label>
            <select id="search-rapporteur" name="rapporteur" defaultValue={params.rapporteur ?? ""} className={fieldClass}>
              <option value="">Tous</option>
              {options.rapporteurs.map((councillor) => (
                <option key={councillor.value} value={councillor.value}>{councillor.label}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="search-resultat" className={labelClass}>Résultat</label>
            <select id="search-resultat" name="resultat" defaultValue={params.resultat ?? ""} className={fieldClass}>
              <option value="">Tous</option>
              <option value="adoptee">Adoptée</option>
              <option value="rejetee">Rejetée</option>
              <option value="retiree">Retirée</option>
            </select>
          </div>
          <div>
            <label htmlFor="search-unanimite" className={labelClass}>Unanimité</label>
            <select id="search-unanimite" name="unanimite" defaultValue={params.unanimite ?? ""} className={fieldClass}>
              <option value="">Indifférent</option>
              <option value="oui">Adoptée à l&apos;unanimité</option>
              <option value="non">Sans unanimité</option>
            </select>
          </div>
          <div>
            <label htmlFor="search-tri" className={labelClass}>Trier par</label>
            {/* Relevance is the default (and needs no parameter): typed words are then ranked, not dated. */}
            <select id="search-tri" name="tri" defaultValue={params.tri === "date" ? "date" : ""} className={fieldClass}>
              <option value="">Pertinence (sans mots : date de séance)</option>
              <option value="date">Date de séance, la plus récente d&apos;abord</option>
            </select>
          </div>
        </fieldset>
        <p className="mt-4 flex flex-wrap gap-4">
          <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:opacity-90">
            Appliquer les filtres
          </button>
          <a href="/recherche" className="self-center">Effacer la recherche et les filtres</a>
        </p>
      </details>
    </form>
  );
}
