import type { Metadata } from "next";
import { COUNCILLOR_SORTS, CouncillorTable, type CouncillorSort, type SortOrder } from "@/components/councillors/councillor-table";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import type { CouncillorRecordSummary } from "@/lib/councillor-records/list-councillor-records";
import { readCouncillorRecords } from "@/lib/statistics/public-figures";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Les élus et leur présence" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const collator = new Intl.Collator("fr", { sensitivity: "base" });
const ROLE_RANK = { MAYOR: 0, DEPUTY_MAYOR: 1, DELEGATED_COUNCILLOR: 2, COUNCILLOR: 3 } as const;

function compare(sort: CouncillorSort): (a: CouncillorRecordSummary, b: CouncillorRecordSummary) => number {
  const byName = (a: CouncillorRecordSummary, b: CouncillorRecordSummary) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);
  switch (sort) {
    case "nom": return byName;
    case "fonction": return (a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || byName(a, b);
    case "presence": return (a, b) => (a.attendanceRate ?? -1) - (b.attendanceRate ?? -1) || byName(a, b);
    case "rapports": return (a, b) => a.reported - b.reported || byName(a, b);
  }
}

export default async function CouncillorsPage({ searchParams }: Props) {
  const query = await searchParams;
  const sort = (COUNCILLOR_SORTS as readonly string[]).includes(String(query.tri)) ? (query.tri as CouncillorSort) : "nom";
  const order: SortOrder = query.ordre === "desc" ? "desc" : query.ordre === "asc" ? "asc" : "asc";
  const municipality = await getCurrentMunicipality();
  const records = await readCouncillorRecords(municipality.id);
  const sorted = [...records].sort(compare(sort));
  if (order === "desc") sorted.reverse();
  // The real council first, the fictional one (demonstration) after, whatever the sort.
  const ordered = [...sorted.filter((record) => !record.isDemo), ...sorted.filter((record) => record.isDemo)];
  return (
    <div>
      <Breadcrumb crumbs={[{ label: "Accueil", href: "/" }, { label: "Élus" }]} />
      <h1 className="text-3xl font-bold">Les élus et leur présence</h1>
      <p className="mt-3 max-w-3xl">
        Le taux de présence compte les séances publiées tenues pendant le mandat de l&apos;élu où il était présent pour au moins une
        délibération. Un élu représenté par un pouvoir n&apos;est pas compté présent. Cliquez sur un titre de colonne pour trier.
      </p>
      <div className="mt-6">
        <CouncillorTable councillors={ordered} sort={sort} order={order} />
      </div>
    </div>
  );
}
