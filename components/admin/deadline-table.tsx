import Link from "next/link";
import { deadlineUrgency, describeDueDay, type DeadlineUrgency } from "@/lib/domain/sitting-deadlines";
import { formatDateFr } from "@/lib/domain/format";
import type { DeadlineRow } from "@/lib/deadlines/list-deadlines";

const URGENCY_LABELS: Record<DeadlineUrgency, string> = {
  overdue: "En retard",
  today: "Aujourd'hui",
  soon: "Cette semaine",
  later: "À venir",
  undated: "Sans délai légal",
};

const URGENCY_CLASSES: Record<DeadlineUrgency, string> = {
  overdue: "border-danger bg-danger-soft",
  today: "border-danger bg-danger-soft",
  soon: "border-brand bg-brand-soft",
  later: "border-line",
  undated: "border-line",
};

/** The back office's deadlines, most urgent first, each with its legal date and what sets it. */
export function DeadlineTable({ rows, today, timeZone }: { rows: DeadlineRow[]; today: string; timeZone: string }) {
  if (!rows.length) return <p>Aucune échéance en cours : tout est à jour.</p>;
  return (
    <table className="w-full border-collapse text-left">
      <caption className="sr-only">Échéances légales, de la plus urgente à la moins urgente</caption>
      <thead>
        <tr className="border-b border-ink">
          <th scope="col" className="py-2 pr-3">Échéance</th>
          <th scope="col" className="py-2 pr-3">À faire</th>
          <th scope="col" className="py-2 pr-3">Séance ou acte</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const urgency = deadlineUrgency(row.dueDay, today);
          return (
            <tr key={`${row.kind}-${row.sitting.id}-${row.deliberation?.id ?? ""}`} className="border-b border-line align-top">
              <td className="py-2 pr-3">
                <span className={`inline-block rounded border-l-4 px-2 py-1 font-medium ${URGENCY_CLASSES[urgency]}`}>{URGENCY_LABELS[urgency]}</span>
                <span className="block text-sm">{describeDueDay(row.dueDay, today)}</span>
              </td>
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={row.href}>{row.label}</Link>
                <span className="block text-sm text-muted">{row.source}</span>
              </th>
              <td className="py-2 pr-3">
                Séance du {formatDateFr(row.sitting.startsAt, timeZone)}
                {row.sitting.isDemo ? " (démonstration)" : ""}
                {row.deliberation ? (
                  <span className="block text-sm">
                    {row.deliberation.number} : {row.deliberation.subject}
                  </span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
