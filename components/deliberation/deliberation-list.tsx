import Link from "next/link";
import { formatDateFr } from "@/lib/domain";
import type { PublishedDeliberationSummary } from "@/lib/deliberations/list-published-deliberations";
import { OutcomeBadge } from "@/components/ui/outcome-badge";
import { DemoBadge } from "@/components/ui/demo-notice";
import { deliberationPath } from "@/lib/publication/deliberation-path";
import { matterCaption } from "@/lib/domain";


/** Published deliberations as a list of entries, each headed by a link to the act. */
export function DeliberationList({
  deliberations,
  zone,
  headingLevel = 3,
}: {
  deliberations: PublishedDeliberationSummary[];
  /** The municipality's time zone. */
  zone: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="divide-y divide-line border-y border-line">
      {deliberations.map((deliberation) => (
        <li key={deliberation.number} className="py-4">
          <Heading className="text-base font-semibold">
            <Link href={deliberationPath(deliberation.number)}>
              <span className="mr-2 whitespace-nowrap">{deliberation.number}</span>
              <span className="sr-only"> : </span>
              {deliberation.subject}
            </Link>
          </Heading>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
            <span>Séance du {formatDateFr(deliberation.sittingStartsAt, zone)}</span>
            <span>{matterCaption(deliberation.matterCode)}</span>
            <span>Mise en ligne le {formatDateFr(deliberation.publishedAt, zone)}</span>
            <OutcomeBadge outcome={deliberation.outcome} tally={deliberation.tally} />
            {deliberation.isDemo ? <DemoBadge /> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
