import Link from "next/link";
import { ActText } from "@/components/ui/markdown";
import { AGENDA_ITEM_KIND_LABELS, type PublicAgendaItem } from "@/lib/sittings/public-agenda";
import { deliberationPath } from "@/lib/publication/deliberation-path";

/** A sitting's agenda, in order: each item's kind, title and summary note, and the act it became once published. */
export function PublicAgenda({ agenda, headingId }: { agenda: PublicAgendaItem[]; headingId?: string }) {
  if (agenda.length === 0) return <p>L&apos;ordre du jour n&apos;est pas publié pour cette séance.</p>;
  return (
    <ol className="divide-y divide-line border-y border-line" aria-labelledby={headingId}>
      {agenda.map((item) => (
        <li key={`${item.position}-${item.title}`} className="py-3">
          <p>
            <span className="font-semibold">{item.position}.</span> {item.title}
          </p>
          <p className="mt-1 text-sm text-muted">
            {AGENDA_ITEM_KIND_LABELS[item.kind]}
            {item.deliberationNumber ? (
              <>
                {" · "}
                <Link href={deliberationPath(item.deliberationNumber)}>
                  Délibération {item.deliberationNumber}
                </Link>
              </>
            ) : null}
            {item.minutesSittingSlug ? (
              <>
                {" · "}
                <Link href={`/seances/${item.minutesSittingSlug}`}>Séance dont le procès-verbal est soumis</Link>
              </>
            ) : null}
          </p>
          {item.summaryNote ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-medium">Note explicative de synthèse</summary>
              <div className="mt-2">
                <ActText source={item.summaryNote} />
              </div>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The links that put the council's sittings, or one sitting, in a calendar. */
export function CalendarLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} className="inline-flex items-center gap-2 rounded border border-line px-3 py-1.5 no-underline hover:bg-surface" type="text/calendar">
      <span aria-hidden="true">📅</span>
      {label}
    </a>
  );
}
