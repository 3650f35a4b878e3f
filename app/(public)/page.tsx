import type { Metadata } from "next";
import Link from "next/link";
import { DeliberationList } from "@/components/deliberation/deliberation-list";
import { SittingList } from "@/components/sitting/sitting-list";
import { listPublishedDeliberations } from "@/lib/deliberations/list-published-deliberations";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { readPublishedDeliberationCount } from "@/lib/statistics/public-figures";
import { listPublicSittings, listUpcomingSittings } from "@/lib/sittings/list-public-sittings";
import { UpcomingSittings } from "@/components/sitting/upcoming-sittings";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const municipality = await getCurrentMunicipality();
  return { title: { absolute: `Registre des délibérations du conseil municipal · ${municipality.name}` } };
}

export default async function HomePage() {
  const municipality = await getCurrentMunicipality();
  const [latest, published, { sittings }, upcoming] = await Promise.all([
    listPublishedDeliberations({ municipalityId: municipality.id, limit: 5 }),
    readPublishedDeliberationCount(municipality.id),
    listPublicSittings({ municipalityId: municipality.id, limit: 3 }),
    listUpcomingSittings({ municipalityId: municipality.id, limit: 3 }),
  ]);

  return (
    <div className="space-y-12">
      <div>
        <h1 className="text-3xl font-bold sm:text-4xl">{municipality.name}</h1>
        <p className="mt-2 text-lg text-muted">Registre des délibérations du conseil municipal</p>
        <p className="mt-4 max-w-3xl">
          Les délibérations du conseil municipal de {municipality.communeName} sont publiées ici sous forme électronique, en
          intégralité, de manière permanente et gratuite (articles L 2131-1 et R 2131-1 du Code Général des Collectivités
          Territoriales). Chaque acte indique sa date de mise en ligne, son accusé de réception en préfecture et son caractère
          exécutoire.
        </p>
      </div>

      <section aria-labelledby="prochaines-seances">
        <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="prochaines-seances" className="text-2xl font-bold">
            Prochaines séances
          </h2>
          <Link href="/seances">Toutes les séances</Link>
        </div>
        <UpcomingSittings sittings={upcoming} zone={municipality.timeZone} />
      </section>

      <section aria-labelledby="dernieres-deliberations">
        <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="dernieres-deliberations" className="text-2xl font-bold">
            Dernières délibérations publiées
          </h2>
          <Link href="/deliberations">Toutes les délibérations ({published})</Link>
        </div>
        {latest.deliberations.length > 0 ? (
          <DeliberationList deliberations={latest.deliberations} zone={municipality.timeZone} />
        ) : (
          <p>Aucune délibération n&apos;est encore publiée.</p>
        )}
      </section>

      <section aria-labelledby="dernieres-seances">
        <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="dernieres-seances" className="text-2xl font-bold">
            Dernières séances
          </h2>
          <Link href="/seances">Toutes les séances</Link>
        </div>
        {sittings.length > 0 ? <SittingList sittings={sittings} zone={municipality.timeZone} /> : <p>Aucune séance n&apos;a encore de délibération publiée.</p>}
      </section>

      <section aria-labelledby="collectivite" className="rounded bg-surface p-6">
        <h2 id="collectivite" className="text-2xl font-bold">
          La collectivité
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">Collectivité</dt>
          <dd>{municipality.name}</dd>
          <dt className="font-semibold">Adresse</dt>
          <dd className="whitespace-pre-line">{municipality.address}</dd>
          <dt className="font-semibold">
            <abbr title="Système d'identification du répertoire des entreprises">SIREN</abbr>
          </dt>
          <dd>{municipality.siren}</dd>
          <dt className="font-semibold">Membres du conseil en exercice</dt>
          <dd>{municipality.membersInOffice}</dd>
          {municipality.website ? (
            <>
              <dt className="font-semibold">Site internet</dt>
              <dd>
                <a href={municipality.website}>{municipality.website}</a>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
    </div>
  );
}
