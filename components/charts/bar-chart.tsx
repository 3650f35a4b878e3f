// Horizontal bar charts drawn on the server: each row's label and value are
// HTML text, which wraps and keeps its size on a phone (an SVG scaled to 390 px
// shrank them and cut the longest); only the bar itself is an SVG shape, sized
// by its attributes (the public pages' style policy allows no inline style).
// A data table beside each chart is its text alternative (RGAA 1.3, WCAG 1.1.1).

export type Bar = { label: string; value: number; display?: string; note?: string };

export function BarChart({
  id,
  title,
  bars,
  max,
  valueHeader,
  labelHeader,
}: {
  id: string;
  title: string;
  /** A one-line summary of the chart (its rows now say the same as text). */
  description?: string;
  bars: Bar[];
  max?: number;
  valueHeader: string;
  labelHeader: string;
}) {
  const top = Math.max(1, max ?? Math.max(0, ...bars.map((bar) => bar.value)));
  return (
    <figure className="mt-4" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="font-semibold">
        {title}
      </figcaption>
      {bars.length === 0 ? (
        <p className="mt-2 text-muted">Aucune donnée.</p>
      ) : (
        <>
          <ul className="mt-2 max-w-3xl space-y-2" data-testid={`${id}-bars`}>
            {bars.map((bar, index) => {
              const share = Math.min(100, Math.max(0, (bar.value / top) * 100));
              return (
                <li key={`${bar.label}-${index}`} className="grid items-center gap-x-3 text-sm sm:grid-cols-[14rem_minmax(0,1fr)]">
                  <span className="wrap-break-word sm:text-right">{bar.label}</span>
                  <span className="flex min-w-0 items-center gap-2">
                    <svg aria-hidden="true" focusable="false" viewBox="0 0 100 10" preserveAspectRatio="none" className="h-4 min-w-0 flex-1">
                      <rect width="100" height="10" className="fill-surface" />
                      <rect width={bar.value > 0 ? Math.max(share, 0.5) : 0} height="10" className="fill-brand" />
                    </svg>
                    <span className="shrink-0 text-right tabular-nums">
                      <span className="sr-only"> : </span>
                      {bar.display ?? String(bar.value)}
                    </span>
                  </span>
                </li>
              );
            })}
          </ul>
          <details className="mt-2">
            <summary className="cursor-pointer">Voir les données du graphique « {title} »</summary>
            <table className="mt-2 border-collapse text-left">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr className="border-b-2 border-line">
                  <th scope="col" className="p-2">{labelHeader}</th>
                  <th scope="col" className="p-2 text-right">{valueHeader}</th>
                </tr>
              </thead>
              <tbody>
                {bars.map((bar, index) => (
                  <tr key={`${bar.label}-${index}`} className="border-b border-line">
                    <th scope="row" className="p-2 font-normal">{bar.label}{bar.note ? ` ${bar.note}` : ""}</th>
                    <td className="p-2 text-right">{bar.display ?? bar.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
