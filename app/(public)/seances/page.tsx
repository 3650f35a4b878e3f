import type { Metadata } from "next";
import Link from "next/link";
import { SittingList } from "@/components/sitting/sitting-list";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { listPublicSittings, listUpcomingSittings, type PublicSittingSummary } from "@/lib/sittings/list-public-sittings";
import { UpcomingSittings } from "@/components/sitting/upcoming-sittings";
import { localDay } from "@/lib/domain";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ annee?: string | string[] }> };

function requestedYear(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^\d{4}$/.test(text) ? Number(text) : undefined;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const year = requestedYear((await searchParams).annee);
  return { title: year ? `Séances du conseil municipal en ${year}` : "Séances du conseil municipal" };
}

function groupByYear(sittings: PublicSittingSummary[], zone: string): [number, PublicSittingSummary[]][] {
  const groups = new Map<number, PublicSittingSummary[]>();
  for (const sitting of sittings) {
    const year = Number(localDay(sitting.startsAt, zone).slice(0, 4));
    groups.set(year, [...(groups.get(year) ?? []), sitting]);
  }
  return [...groups];
}

export default async function SittingsPage({ searchParams }: Props) {
  const year = requestedYear((await searchParams).annee);
  const municipality = await getCurrentMunicipality();
  const [{ sittings, years }, upcoming] = await Promise.all([
    listPublicSittings({ municipalityId: municipality.id, year }),
    year === undefined ? listUpcomingSittings({ municipalityId: municipality.id }) : Promise.resolve([]),
  ]);
  const filterClass = "inline-block rounded border px-3 py-1.5 no-underline";

  return (
    <div>
      <Breadcrumb crumbs={[{ label: "Accueil", href: "/" }, { label: "Séances" }]} />
      <h1 className="text-3xl font-bold">{year ? `Séances du conseil municipal en ${year}` : "Séances du conseil municipal"}</h1>
      <p className="mt-3 max-w-3xl">
        Les séances convoquées, avec leur ordre du jour, et celles dont au moins une délibération est publiée, de la plus récente à
        la plus ancienne. Chaque séance tenue présente la liste des délibérations examinées (article L 2121-25 du Code Général des
        Collectivités Territoriales).
      </p>

      {year === undefined ? (
        <section aria-labelledby="seances-a-venir" className="mt-8">
          <h2 id="seances-a-venir" className="mb-3 text-2xl font-bold">
            Séances à venir
          </h2>
          <UpcomingSittings sittings={upcoming} zone={municipality.timeZone} />
        </section>
      ) : null}

      {years.length > 0 ? (
        <nav aria-label="Filtrer les séances par année" className="no-print mt-6">
          <ul className="flex flex-wrap gap-2">
            <li>
              <Link
                href="/seances"
                aria-current={year === undefined ? "page" : undefined}
                className={`${filterClass} ${year === undefined ? "border-brand bg-brand text-white hover:text-white" : "border-line"}`}
              >
                Toutes les années
              </Link>
            </li>
            {years.map((candidate) => (
              <li key={candidate}>
                <Link
                  href={`/seances?annee=${candidate}`}
                  aria-current={candidate === year ? "page" : undefined}
                  className={`${filterClass} ${candidate === year ? "border-brand bg-brand text-white hover:text-white" : "border-line"}`}
                >
                  <span className="sr-only">Séances de </span>
                  {candidate}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <div className="mt-8 space-y-10">
        {sittings.length === 0 ? (
          <p>{year ? `Aucune séance publiée en ${year}.` : "Aucune séance n'a encore de délibération publiée."}</p>
        ) : (
          groupByYear(sittings, municipality.timeZone).map(([groupYear, group]) => (
            <section key={groupYear} aria-labelledby={`annee-${groupYear}`}>
              <h2 id={`annee-${groupYear}`} className="mb-3 text-2xl font-bold">
                {groupYear}
              </h2>
              <SittingList sittings={group} zone={municipality.timeZone} />
            </section>
          ))
        )}
      </div>
    </div>
  );
}
