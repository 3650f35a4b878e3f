import { formatDateFr, matterLabel } from "@/lib/domain";
import { fullName } from "@/lib/deliberations/extract-wording";
import type { ReportHeadingFacts } from "@/lib/deliberations/report-heading";
import { ActText } from "@/components/ui/markdown";

/** The report read to the council, with its heading block, then the proposals put to the vote. */
export function ReportSection({
  sittingStartsAt,
  zone,
  service,
  matterCode,
  rapporteur,
  policyHeading,
  subject,
  report,
  proposals,
}: ReportHeadingFacts & { report: string; proposals: string }) {
  return (
    <section aria-labelledby="rapport" className="mt-10 border-t border-line pt-6">
      <div className="grid gap-4 sm:grid-cols-3 sm:items-start">
        {service ? <p className="whitespace-pre-line text-sm font-semibold">{service}</p> : <span />}
        <h2 id="rapport" className="text-center text-base font-bold uppercase">
          Rapport pour le conseil municipal du {formatDateFr(sittingStartsAt, zone)}
        </h2>
        <p className="text-sm sm:text-right">
          Nomenclature : {matterCode} {matterLabelOrCode(matterCode)}
        </p>
      </div>
      <div className="mt-6 space-y-2">
        {rapporteur ? (
          <p>
            <strong className="uppercase">Rapporteur</strong> : {fullName(rapporteur)}
          </p>
        ) : null}
        {policyHeading ? (
          <p className="font-bold">Politique publique : {policyHeading}</p>
        ) : null}
        <p>
          <strong className="uppercase">Objet</strong> : {subject}
        </p>
      </div>
      <div className="mt-6">
        <ActText source={report} />
      </div>
      <div className="mt-6">
        <ActText source={proposals} />
      </div>
    </section>
  );
}

function matterLabelOrCode(code: string): string {
  try {
    return matterLabel(code);
  } catch {
    return "";
  }
}
