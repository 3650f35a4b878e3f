import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeliberationList } from "@/components/deliberation/deliberation-list";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Pagination } from "@/components/ui/pagination";
import { countOf } from "@/lib/domain/plural";
import { listPublishedDeliberations } from "@/lib/deliberations/list-published-deliberations";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { readPublishedDeliberationCount } from "@/lib/statistics/public-figures";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

type Props = { searchParams: Promise<{ page?: string | string[] }> };

function requestedPage(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^[1-9]\d{0,5}$/.test(text) ? Number(text) : 1;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const page = requestedPage((await searchParams).page);
  return { title: page > 1 ? `Délibérations publiées, page ${page}` : "Délibérations publiées" };
}

export default async function DeliberationsPage({ searchParams }: Props) {
  const page = requestedPage((await searchParams).page);
  const municipality = await getCurrentMunicipality();
  const [{ deliberations }, counted] = await Promise.all([
    listPublishedDeliberations({ municipalityId: municipality.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    readPublishedDeliberationCount(municipality.id),
  ]);
  // The count is cached (a publication expires it; an archive imported from the command line, within five
  // minutes): a page the acts reach exists even when the count does not know them yet.
  const total = Math.max(counted, (page - 1) * PAGE_SIZE + deliberations.length);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) notFound();

  return (
    <div>
      <Breadcrumb crumbs={[{ label: "Accueil", href: "/" }, { label: "Délibérations" }]} />
      <h1 className="text-3xl font-bold">Délibérations publiées</h1>
      <p className="mt-3 max-w-3xl">
        {total > 0
          ? `${countOf(total, "délibération publiée", "délibérations publiées")}, de la séance la plus récente à la plus ancienne.`
          : "Aucune délibération n'est encore publiée."}
        {pageCount > 1 ? ` Page ${page} sur ${pageCount}.` : ""}
      </p>
      {deliberations.length > 0 ? (
        <div className="mt-6">
          <DeliberationList deliberations={deliberations} zone={municipality.timeZone} headingLevel={2} />
        </div>
      ) : null}
      <Pagination basePath="/deliberations" page={page} pageCount={pageCount} />
    </div>
  );
}
