import Link from "next/link";
import { DemoBadge } from "@/components/ui/demo-notice";
import { formatDateFr } from "@/lib/domain";
import { deliberationPath } from "@/lib/publication/deliberation-path";

type Item = { number: string; subject: string; isDemo: boolean; sittingStartsAt: Date; note?: string };

/** A titled list of deliberations, each linked to its page; says so when there is none. */
export function DeliberationLinks({ id, title, items, empty, zone }: { id: string; title: string; items: Item[]; empty: string; zone: string }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-2xl font-bold">
        {title} <span className="text-base font-normal text-muted">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-muted">{empty}</p>
      ) : (
        <ul className="mt-2 divide-y divide-line border-y border-line">
          {items.map((item, index) => (
            <li key={`${item.number}-${index}`} className="py-2">
              <Link href={deliberationPath(item.number)}>
                <span className="mr-2 whitespace-nowrap">{item.number}</span>
                <span className="sr-only"> : </span>
                {item.subject}
              </Link>
              <span className="ml-2 text-sm text-muted">séance du {formatDateFr(item.sittingStartsAt, zone)}</span>
              {item.note ? <span className="ml-2 text-sm">{item.note}</span> : null}
              {item.isDemo ? (
                <>
                  {" "}
                  <DemoBadge />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
