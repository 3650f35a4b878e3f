import type { PublishedDeliberation } from "@/lib/deliberations/get-published-deliberation";
import { TextWithLinks } from "@/components/ui/text-with-links";

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} octets`;
  const kilobytes = bytes / 1024;
  if (kilobytes < 1024) return `${Math.round(kilobytes)} ko`;
  return `${(kilobytes / 1024).toFixed(1).replace(".", ",")} Mo`;
}

/** The annexes recorded with the act, and where those not put online can be consulted. */
export function AnnexNotice({
  annexes,
  annexNotice,
}: {
  annexes: PublishedDeliberation["annexes"];
  annexNotice: string | null;
}) {
  if (annexes.length === 0 && !annexNotice) return null;
  return (
    <section aria-labelledby="annexes" className="avoid-break mt-8 border-t border-line pt-4">
      <h2 id="annexes" className="font-bold">
        Annexes
      </h2>
      {annexes.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {annexes.map((annex) => (
            <li key={annex.id}>
              {annex.title} <span className="text-muted">({annex.fileName}, {formatSize(annex.size)})</span>
              {annex.isPublic ? null : <span> : consultable sur place</span>}
            </li>
          ))}
        </ul>
      ) : null}
      {annexNotice ? <TextWithLinks text={annexNotice} className="mt-3 rounded bg-surface p-4 text-sm" /> : null}
    </section>
  );
}
