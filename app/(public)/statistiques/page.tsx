import type { Metadata } from "next";
import { BarChart } from "@/components/charts/bar-chart";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { countOf, formatDateFr, NOMENCLATURE } from "@/lib/domain";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { VotesByGroup } from "@/components/statistics/votes-by-group";
import { readCouncilStatistics, readVotesByGroup } from "@/lib/statistics/public-figures";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Statistiques" };

const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });
const DEMO = "(démonstration, fictif)";

export default async function StatisticsPage() {
  const municipality = await getCurrentMunicipality();
  const [statistics, votesByGroup] = await Promise.all([readCouncilStatistics(municipality.id), readVotesByGroup(municipality.id)]);
  const yearLabel = (year: number, isDemo: boolean) => (isDemo ? `${year} ${DEMO}` : String(year));
  const familyLabel = new Map(NOMENCLATURE.map((family) => [family.code, family.label]));
  return (
    <div>
      <Breadcrumb crumbs={[{ label: "Accueil", href: "/" }, { label: "Statistiques" }]} />
      <h1 className="text-3xl font-bold">Statistiques du conseil municipal</h1>
      <p className="mt-3 max-w-3xl">
        Chiffres calculés sur les délibérations publiées. Les données de démonstration, fictives, sont signalées comme telles et
        exclues de la répartition par matière.
      </p>

      <section aria-labelledby="per-year" className="mt-8">
        <h2 id="per-year" className="text-2xl font-bold">Délibérations par année</h2>
        <BarChart
          id="chart-years"
          title="Nombre de délibérations publiées par année"
          description={statistics.years.map((row) => `${yearLabel(row.year, row.isDemo)} : ${row.deliberations}`).join(" ; ")}
          labelHeader="Année"
          valueHeader="Délibérations"
          bars={statistics.years.map((row) => ({ label: yearLabel(row.year, row.isDemo), value: row.deliberations }))}
        />
      </section>

      <section aria-labelledby="unanimity" className="mt-8">
        <h2 id="unanimity" className="text-2xl font-bold">Part des délibérations adoptées à l&apos;unanimité</h2>
        <BarChart
          id="chart-unanimity"
          title="Part des délibérations adoptées à l'unanimité, par année"
          description={statistics.years
            .map((row) => `${yearLabel(row.year, row.isDemo)} : ${percent.format(row.deliberations ? row.unanimous / row.deliberations : 0)}`)
            .join(" ; ")}
          labelHeader="Année"
          valueHeader="Adoptées à l'unanimité"
          max={1}
          bars={statistics.years.map((row) => {
            const share = row.deliberations ? row.unanimous / row.deliberations : 0;
            return { label: yearLabel(row.year, row.isDemo), value: share, display: `${percent.format(share)} (${row.unanimous} sur ${row.deliberations})` };
          })}
        />
      </section>

      <section aria-labelledby="per-matter" className="mt-8">
        <h2 id="per-matter" className="text-2xl font-bold">Délibérations par matière</h2>
        <BarChart
          id="chart-matters"
          title="Nombre de délibérations publiées par matière (nomenclature ACTES)"
          description={statistics.matters.map((row) => `${row.code} ${familyLabel.get(row.code) ?? ""} : ${row.deliberations}`).join(" ; ")}
          labelHeader="Matière"
          valueHeader="Délibérations"
          bars={statistics.matters.map((row) => ({ label: `${row.code} ${familyLabel.get(row.code) ?? ""}`.trim(), value: row.deliberations }))}
        />
      </section>

      <section aria-labelledby="attendance" className="mt-8">
        <h2 id="attendance" className="text-2xl font-bold">Présence par séance</h2>
        <BarChart
          id="chart-attendance"
          title="Élus présents à chaque séance (sur les membres en exercice)"
          description={statistics.sittings
            .map((row) => `${formatDateFr(row.startsAt, municipality.timeZone)}${row.isDemo ? ` ${DEMO}` : ""} : ${countOf(row.present, "présent")}, ${countOf(row.represented, "représenté")}`)
            .join(" ; ")}
          labelHeader="Séance"
          valueHeader="Présents (représentés)"
          max={Math.max(1, ...statistics.sittings.map((row) => row.members))}
          bars={statistics.sittings.map((row) => ({
            label: `${formatDateFr(row.startsAt, municipality.timeZone)}${row.isDemo ? " (fictive)" : ""}`,
            value: row.present,
            display: `${countOf(row.present, "présent")}, ${countOf(row.represented, "représenté")}`,
          }))}
        />
      </section>
      <VotesByGroup tallies={votesByGroup} />
    </div>
  );
}
