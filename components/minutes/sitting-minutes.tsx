import { ExtractDownload } from "@/components/extracts/extract-download";
import type { PublicMinutesState } from "@/lib/minutes/get-public-minutes";

/** The sitting's procès-verbal on its public page: its stage once submitted, and the signed PDF once published. */
export function SittingMinutes({ minutes, slug }: { minutes: PublicMinutesState | null; slug: string }) {
  return (
    <section aria-labelledby="proces-verbal" className="mt-10">
      <h2 id="proces-verbal" className="mb-3 text-2xl font-bold">
        Procès-verbal
      </h2>
      <p>{minutes ? minutes.state : "Le procès-verbal de cette séance n'est pas encore soumis au conseil."}</p>
      {minutes?.published ? (
        <ExtractDownload
          href={`/seances/${slug}/proces-verbal.pdf`}
          label={`Télécharger le procès-verbal de la séance${minutes.published.version > 1 ? ` (version ${minutes.published.version})` : ""}`}
          fileName={`seance-${slug}-proces-verbal.pdf`}
        />
      ) : null}
      <p className="mt-2 text-sm text-muted">
        Article L 2121-15 du CGCT : le procès-verbal est arrêté au commencement de la séance suivante, puis publié sous forme électronique dans la semaine qui suit son adoption.
      </p>
    </section>
  );
}
