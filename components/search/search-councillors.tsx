import Link from "next/link";
import { DemoBadge } from "@/components/ui/demo-notice";
import { formatCouncillorName, roleLabel } from "@/lib/domain";
import { countOf } from "@/lib/domain/plural";
import type { SearchCouncillor } from "@/lib/search/search-deliberations";

/** The councillors a search names, above its results: their page, and how many acts they reported (found below). */
export function SearchCouncillors({ councillors }: { councillors: SearchCouncillor[] }) {
  return (
    <section aria-labelledby="search-councillors-heading" className="mt-8">
      <h2 id="search-councillors-heading" className="text-2xl font-bold">
        Élus
      </h2>
      <ul className="mt-3 divide-y divide-line border-y border-line" data-testid="search-councillors">
        {councillors.map((councillor) => (
          <li key={councillor.id} className="py-3">
            <Link href={`/elus/${councillor.id}`} className="font-semibold">
              {formatCouncillorName(councillor)}
            </Link>
            {", "}
            {councillor.roleLabel ?? roleLabel(councillor.role, councillor.civility)}
            {" : "}
            {councillor.reported ? `rapporteur de ${countOf(councillor.reported, "délibération publiée", "délibérations publiées")}` : "aucun rapport publié"}
            {councillor.isDemo ? (
              <>
                {" "}
                <DemoBadge />
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
