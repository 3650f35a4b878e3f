import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { env } from "@/lib/env";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { listScdlYears } from "@/lib/opendata/scdl-deliberations";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Données ouvertes" };

export default async function OpenDataPage() {
  const municipality = await getCurrentMunicipality();
  const years = await listScdlYears({ municipalityId: municipality.id });
  const site = env.PUBLIC_BASE_URL.replace(/\/$/, "");
  return (
    <div className="max-w-3xl">
      <Breadcrumb crumbs={[{ label: "Accueil", href: "/" }, { label: "Données ouvertes" }]} />
      <h1 className="text-3xl font-bold">Données ouvertes</h1>
      <p className="mt-3">
        Les délibérations publiées par {municipality.name} sont librement réutilisables, sous{" "}
        <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">Licence Ouverte 2.0</a>.
      </p>

      <section aria-labelledby="scdl-heading" className="mt-8">
        <h2 id="scdl-heading" className="text-2xl font-bold">Fichiers au format SCDL « Délibérations »</h2>
        <p className="mt-2">
          Format CSV (UTF-8, séparateur virgule) conforme au{" "}
          <a href="https://schema.data.gouv.fr/scdl/deliberations/">schéma national SCDL Délibérations 2.1.5</a>, une ligne par
          délibération publiée. Les données de démonstration (fictives) n&apos;y figurent pas.
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>
            <a href="/donnees/scdl/deliberations.csv" download>
              Toutes les délibérations publiées (CSV)
            </a>
          </li>
          {years.map((year) => (
            <li key={year}>
              <a href={`/donnees/scdl/deliberations-${year}.csv`} download>
                Délibérations de {year} (CSV)
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="spreadsheet-heading" className="mt-8">
        <h2 id="spreadsheet-heading" className="text-2xl font-bold">Les mêmes données pour un tableur</h2>
        <p className="mt-2">
          Pour ouvrir les délibérations dans un tableur (LibreOffice Calc, Excel) : les mêmes lignes, avec des titres de colonnes en
          français, le point-virgule pour séparateur et les dates au format JJ/MM/AAAA. Le fichier SCDL ci-dessus, lui, est destiné
          aux programmes et aux portails de données.
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>
            <a href="/donnees/tableur/deliberations.csv" download>
              Toutes les délibérations publiées (CSV pour tableur)
            </a>
          </li>
          {years.map((year) => (
            <li key={year}>
              <a href={`/donnees/tableur/deliberations-${year}.csv`} download>
                Délibérations de {year} (CSV pour tableur)
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="api-heading" className="mt-8">
        <h2 id="api-heading" className="text-2xl font-bold">API JSON</h2>
        <p className="mt-2">
          Une API en lecture seule, ouverte à tous les sites (CORS), donne aussi ce que le format SCDL ne porte pas : présences,
          pouvoirs, décompte détaillé et votes nominatifs. Les listes sont paginées (<code>page</code>, <code>perPage</code> jusqu&apos;à
          200). Les enregistrements de démonstration y portent <code>isDemo: true</code> : ils sont fictifs.
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>
            <Link href="/api/v1/openapi.json" prefetch={false}>Description OpenAPI 3.1</Link> (<code className="break-all">{site}/api/v1/openapi.json</code>)
          </li>
          <li><Link href="/api/v1/municipality" prefetch={false}>La collectivité</Link></li>
          <li><Link href="/api/v1/councillors" prefetch={false}>Les élus</Link></li>
          <li><Link href="/api/v1/sittings" prefetch={false}>Les séances</Link></li>
          <li><Link href="/api/v1/deliberations" prefetch={false}>Les délibérations</Link>, et chacune à <code className="break-all">/api/v1/deliberations/DL.2022-91</code></li>
        </ul>
      </section>

      <section aria-labelledby="feeds-heading" className="mt-8">
        <h2 id="feeds-heading" className="text-2xl font-bold">Flux Atom</h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>
            <a href="/flux/publications.atom" type="application/atom+xml">Dernières délibérations publiées</a>
          </li>
          <li>
            Toute recherche a son flux : lancez une <Link href="/recherche" prefetch={false}>recherche</Link> puis suivez le lien « Suivre cette recherche ».
          </li>
        </ul>
      </section>
    </div>
  );
}
