import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { formatDateFr, localDay } from "@/lib/domain";
import { listRegisterYears } from "@/lib/extracts/register-source";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { listPublicSittings } from "@/lib/sittings/list-public-sittings";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Registre des délibérations" };

export default async function RegisterPage() {
  const municipality = await getCurrentMunicipality();
  const [years, { sittings }] = await Promise.all([
    listRegisterYears({ municipalityId: municipality.id }),
    listPublicSittings({ municipalityId: municipality.id }),
  ]);
  const held = sittings.filter((sitting) => sitting.publishedDeliberationCount > 0);

  return (
    <div>
      <Breadcrumb crumbs={[{ label: "Accueil", href: "/" }, { label: "Registre" }]} />
      <h1 className="text-3xl font-bold">Registre des délibérations</h1>
      <p className="mt-3 max-w-3xl">
        Le registre papier reste le registre légal (article R 2121-9 du Code Général des Collectivités Territoriales). Le portail
        en imprime les feuillets, prêts à relier et numérotés de façon continue sur l&apos;année : le feuillet de clôture de chaque
        séance, qui rappelle les numéros d&apos;ordre des délibérations et les membres présents, avec la place des signatures du
        maire et du ou des secrétaires de séance, puis la table chronologique et la table par matière des délibérations de
        l&apos;année. Chaque document est signé électroniquement et vérifiable sur la page <Link href="/verifier">Vérifier un document</Link>.
      </p>

      {years.length === 0 ? (
        <p className="mt-8">Aucune délibération n&apos;est encore publiée.</p>
      ) : (
        <div className="mt-8 space-y-10">
          {years.map((year) => {
            const ofYear = held.filter((sitting) => localDay(sitting.startsAt, municipality.timeZone).startsWith(`${year}-`));
            return (
              <section key={year} aria-labelledby={`registre-${year}`}>
                <h2 id={`registre-${year}`} className="mb-3 text-2xl font-bold">
                  {year}
                </h2>
                <ul className="list-disc space-y-1 pl-6">
                  <li>
                    <a href={`/registre/${year}/table-chronologique.pdf`}>
                      Table chronologique des délibérations de {year} <span className="text-sm text-muted">(PDF signé)</span>
                    </a>
                  </li>
                  <li>
                    <a href={`/registre/${year}/table-par-matiere.pdf`}>
                      Table par matière des délibérations de {year} <span className="text-sm text-muted">(PDF signé)</span>
                    </a>
                  </li>
                </ul>
                <h3 className="mb-2 mt-4 text-lg font-semibold">Feuillets de clôture des séances</h3>
                <ul className="list-disc space-y-1 pl-6">
                  {[...ofYear].reverse().map((sitting) => (
                    <li key={sitting.id}>
                      <a href={`/seances/${sitting.slug}/feuillet-de-cloture.pdf`}>
                        Séance du {formatDateFr(sitting.startsAt, municipality.timeZone)} <span className="text-sm text-muted">(PDF signé)</span>
                      </a>
                      {sitting.isDemo ? <span className="text-sm text-muted"> · démonstration, fictif</span> : null}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
