import Link from "next/link";
import { formatDateFr, formatTimeFr } from "@/lib/domain";
import { countOf } from "@/lib/domain/plural";
import { sittingKindLabel } from "@/lib/deliberations/extract-wording";
import type { PublicSittingSummary } from "@/lib/sittings/list-public-sittings";
import { DemoBadge } from "@/components/ui/demo-notice";

/** Sittings, each headed by a link to its page. */
/** `zone`: the municipality's time zone, the sittings' days and hours read in. */
export function SittingList({ sittings, zone, headingLevel = 3 }: { sittings: PublicSittingSummary[]; zone: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="divide-y divide-line border-y border-line">
      {sittings.map((sitting) => (
        <li key={sitting.id} className="py-4">
          <Heading className="text-base font-semibold">
            <Link href={`/seances/${sitting.slug}`}>Séance du {formatDateFr(sitting.startsAt, zone)}</Link>
          </Heading>
          <p className="mt-1 text-sm text-muted">
            {formatTimeFr(sitting.startsAt, zone)} · {sitting.isPublic ? "séance publique" : "huis clos"}, session{" "}
            {sittingKindLabel(sitting.kind).toLowerCase()} ·{" "}
            {sitting.publishedDeliberationCount > 0
              ? countOf(sitting.publishedDeliberationCount, "délibération publiée", "délibérations publiées")
              : "convoquée, ordre du jour publié"}
            {sitting.cancelledAt ? <strong> · annulée</strong> : null}
            {sitting.isDemo ? (
              <>
                {" "}
                · <DemoBadge />
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
