import type { PublishedDeliberation } from "@/lib/deliberations/get-published-deliberation";
import { TextWithLinks } from "@/components/ui/text-with-links";
import { deliberationPath } from "@/lib/publication/deliberation-path";

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} octets`;
  const kilobytes = bytes / 1024;
  if (kilobytes < 1024) return `${Math.round(kilobytes)} ko`;
  return `${(kilobytes / 1024).toFixed(1).replace(".", ",")} Mo`;
}

/** The address of a public annex of the act `number`. */
export function annexHref(number: string, annexId: string): string {
  return `${deliberationPath(number)}/annexes/${annexId}`;
}

/** The annexes recorded with the act (the public ones to download), and where the others can be consulted. */
export function AnnexNotice({
  number,
  annexes,
  annexNotice,
}: {
  number: string;
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
              {annex.isPublic ? (
                <a href={annexHref(number, annex.id)} download={annex.fileName} className="underline">
                  {annex.title}
                </a>
              ) : (
                annex.title
              )}{" "}
              <span className="text-muted">
                ({annex.isPublic ? "PDF à télécharger, " : null}
                {annex.fileName}, {formatSize(annex.size)})
              </span>
              {annex.isPublic ? null : <span> : consultable sur place</span>}
            </li>
          ))}
        </ul>
      ) : null}
      {annexNotice ? <TextWithLinks text={annexNotice} className="mt-3 rounded bg-surface p-4 text-sm" /> : null}
    </section>
  );
}
