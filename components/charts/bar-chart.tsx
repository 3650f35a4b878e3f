// Horizontal bar charts drawn on the server as SVG: no client library, and a
// data table beside each chart as its text alternative (RGAA 1.3, WCAG 1.1.1).

export type Bar = { label: string; value: number; display?: string; note?: string };

const ROW = 28;
const LABEL_WIDTH = 220;
const CHART_WIDTH = 640;

export function BarChart({
  id,
  title,
  description,
  bars,
  max,
  valueHeader,
  labelHeader,
}: {
  id: string;
  title: string;
  description: string;
  bars: Bar[];
  max?: number;
  valueHeader: string;
  labelHeader: string;
}) {
  const top = Math.max(1, max ?? Math.max(0, ...bars.map((bar) => bar.value)));
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 70;
  const height = Math.max(ROW, bars.length * ROW) + 8;
  return (
    <figure className="mt-4" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="font-semibold">
        {title}
      </figcaption>
      {bars.length === 0 ? (
        <p className="mt-2 text-muted">Aucune donnée.</p>
      ) : (
        <>
          <svg
            role="img"
            aria-labelledby={`${id}-title ${id}-desc`}
            viewBox={`0 0 ${CHART_WIDTH} ${height}`}
            className="mt-2 h-auto w-full max-w-3xl"
          >
            <title id={`${id}-title`}>{title}</title>
            <desc id={`${id}-desc`}>{description}</desc>
            {bars.map((bar, index) => {
              const y = index * ROW + 4;
              const width = Math.round((bar.value / top) * barSpace);
              return (
                <g key={`${bar.label}-${index}`}>
                  <text x={LABEL_WIDTH - 8} y={y + 17} textAnchor="end" fontSize="13" fill="currentColor">
                    {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
                  </text>
                  <rect x={LABEL_WIDTH} y={y + 3} width={Math.max(width, bar.value > 0 ? 2 : 0)} height={ROW - 8} className="fill-brand" />
                  <text x={LABEL_WIDTH + width + 6} y={y + 17} fontSize="13" fill="currentColor">
                    {bar.display ?? String(bar.value)}
                  </text>
                </g>
              );
            })}
          </svg>
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
