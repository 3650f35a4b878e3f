import Link from "next/link";
import { DemoBadge } from "@/components/ui/demo-notice";
import { formatDateFr, formatTimeFr } from "@/lib/domain";
import { sittingKindLabel } from "@/lib/deliberations/extract-wording";
import type { UpcomingSitting } from "@/lib/sittings/list-public-sittings";
import { CalendarLink, PublicAgenda } from "./public-agenda";

/** The sittings convened from today on, each with its agenda, and the calendar feed of all of them. */
export function UpcomingSittings({ sittings, zone, headingLevel = 3 }: { sittings: UpcomingSitting[]; zone: string; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="space-y-6">
      <p>
        <CalendarLink href="/flux/seances.ics" label="S'abonner au calendrier des séances (iCalendar)" />
      </p>
      {sittings.length === 0 ? (
        <p>Aucune séance n&apos;est convoquée pour le moment.</p>
      ) : (
        <ul className="space-y-8">
          {sittings.map((sitting) => (
            <li key={sitting.id} className="rounded border border-line p-4">
              <Heading className="text-xl font-semibold">
                <Link href={`/seances/${sitting.slug}`}>
                  Séance du {formatDateFr(sitting.startsAt, zone)} à {formatTimeFr(sitting.startsAt, zone)}
                </Link>
              </Heading>
              <p className="mt-1 text-sm text-muted">
                {sitting.place} · session {sittingKindLabel(sitting.kind).toLowerCase()}
                {sitting.isDemo ? (
                  <>
                    {" "}
                    · <DemoBadge />
                  </>
                ) : null}
              </p>
              {sitting.cancelledAt ? <p className="mt-2 font-semibold">Séance annulée.</p> : null}
              <p className="mb-2 mt-3 font-semibold">Ordre du jour</p>
              <PublicAgenda agenda={sitting.agenda} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
