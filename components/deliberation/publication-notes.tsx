import { formatDateFr, formatDateShortFr, isoDay, type ExecutoryStatus } from "@/lib/domain";
import { TextWithLinks } from "@/components/ui/text-with-links";

/** Posting, putting online and executory character, then the legal notice on appeals. */
export function PublicationNotes({
  postedAt,
  publishedAt,
  author,
  executory,
  appealNotice,
  zone,
}: {
  zone: string;
  postedAt: Date | null;
  publishedAt: Date;
  author: string;
  executory: ExecutoryStatus | null;
  appealNotice: string;
}) {
  return (
    <>
      <section aria-labelledby="publication" className="avoid-break mt-8 space-y-2">
        <h2 id="publication" className="sr-only">
          Affichage et publication
        </h2>
        {postedAt ? (
          <p>
            Compte-rendu de la délibération affiché le : {formatDateShortFr(isoDay(postedAt))}
            <br />
            (articles L2121-25 et R 2121-11 du C.G.C.T.)
            <sup>
              <a href="#note-recours" id="renvoi-recours" className="ml-0.5">
                <span className="sr-only">Note </span>1
              </a>
            </sup>
          </p>
        ) : null}
        <p>
          Mis en ligne le {formatDateFr(publishedAt, zone)}, sous l&apos;autorité de {author}.
        </p>
        {executory ? (
          <p>
            <span
              className={`inline-block rounded px-2 py-0.5 font-semibold ${
                executory.executory ? "bg-success-soft text-success" : "bg-notice-soft text-notice"
              }`}
            >
              {executory.label}
            </span>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="recours" className="avoid-break mt-8 border-t border-line pt-4 text-sm">
        <h2 id="recours" className="font-bold">
          Voies et délais de recours
        </h2>
        <div id="note-recours" className="mt-1 flex gap-2">
          <span aria-hidden="true">1</span>
          <TextWithLinks text={appealNotice} />
        </div>
        <p className="no-print mt-1">
          <a href="#renvoi-recours">Retour au texte</a>
        </p>
      </section>
    </>
  );
}
