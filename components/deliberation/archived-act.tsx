import { AttendanceLists } from "@/components/deliberation/attendance-lists";
import { OutcomeBadge } from "@/components/ui/outcome-badge";
import { countOf, formatDateFr, formatTimeFr, matterCaption, SECRETARY_LABEL } from "@/lib/domain";
import { fullName, nameWithRole, sittingKindLabel } from "@/lib/deliberations/extract-wording";
import type { PublishedArchivedAct } from "@/lib/deliberations/get-published-archived-act";
import { isoDay } from "@/lib/domain/calendar";

const FORMATS: Record<PublishedArchivedAct["archive"]["format"], string> = {
  scdl: "fichier de données ouvertes SCDL",
  minutes: "procès-verbal ou extrait numérisé en texte",
  registre: "export d'un autre portail Registre",
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-line py-2 sm:grid-cols-[14rem_1fr] sm:gap-4">
      <dt className="font-semibold">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const notGiven = <span className="text-muted">non indiqué par l&apos;archive</span>;

/** The tally as the archive gives it: each known figure, and none invented. */
function tallyWords(vote: NonNullable<PublishedArchivedAct["vote"]>): string | null {
  const parts = [
    vote.participants !== null ? countOf(vote.participants, "votant") : null,
    vote.votesFor !== null ? `${vote.votesFor} pour` : null,
    vote.votesAgainst !== null ? `${vote.votesAgainst} contre` : null,
    vote.abstentions !== null ? countOf(vote.abstentions, "abstention") : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join(", ") : null;
}

/**
 * An act brought in from an archive: what its archive states, said to come
 * from it (file, fingerprint, day of import), and nothing it does not state.
 */
export function ArchivedAct({ act }: { act: PublishedArchivedAct }) {
  const zone = act.municipality.timeZone;
  const { sitting, vote, receipt, archive } = act;
  const tally = vote ? tallyWords(vote) : null;
  return (
    <article className="mx-auto max-w-4xl sm:rounded sm:border sm:border-line sm:p-8">
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">{act.municipality.name} · acte repris d&apos;une archive</p>
      <h1 className="mt-2 text-2xl font-bold sm:text-3xl">
        Délibération {act.originalIdentifier}
        <span className="block text-lg font-normal">{act.subject}</span>
      </h1>

      <section aria-labelledby="provenance" className="mt-6 rounded bg-notice-soft p-4 text-sm text-notice">
        <h2 id="provenance" className="font-bold">
          D&apos;où vient cet acte
        </h2>
        <p className="mt-1">
          Il a été repris le {formatDateFr(archive.importedAt, zone)} du {FORMATS[archive.format]} « {archive.fileName} » (empreinte SHA-256{" "}
          <code className="break-all">{archive.sha256}</code>). Cette page ne montre que ce que l&apos;archive indique ; aucun extrait certifié n&apos;est délivré par le
          portail pour un acte repris.
          {archive.sourceUrl ? (
            <>
              {" "}
              Publication d&apos;origine : <a href={archive.sourceUrl}>{archive.sourceUrl}</a>.
            </>
          ) : null}
        </p>
      </section>

      <section aria-labelledby="seance" className="mt-6">
        <h2 id="seance" className="text-xl font-bold">
          Séance
        </h2>
        <dl className="mt-2">
          <Fact label="Date">
            <a href={`/seances/${sitting.slug}`}>
              {formatDateFr(sitting.startsAt, zone)}
              {sitting.hourKnown ? ` à ${formatTimeFr(sitting.startsAt, zone)}` : ""}
            </a>
          </Fact>
          <Fact label="Nature">Session {sittingKindLabel(sitting.kind).toLowerCase()}</Fact>
          <Fact label="Lieu">{sitting.place ?? notGiven}</Fact>
          <Fact label="Présidence">{sitting.president ? nameWithRole(sitting.president) : notGiven}</Fact>
          <Fact label={SECRETARY_LABEL}>{sitting.secretary ? fullName(sitting.secretary) : notGiven}</Fact>
        </dl>
      </section>

      {act.attendance ? <AttendanceLists attendance={act.attendance} /> : <p className="mt-5">L&apos;archive ne donne pas la liste des présents.</p>}

      <section aria-labelledby="decision" className="mt-6">
        <h2 id="decision" className="text-xl font-bold">
          Décision
        </h2>
        <dl className="mt-2">
          <Fact label="Matière">{act.matterCode ? matterCaption(act.matterCode) : notGiven}</Fact>
          <Fact label="Résultat">{act.outcome ? <OutcomeBadge outcome={act.outcome} tally={vote} /> : notGiven}</Fact>
          <Fact label="Vote">{tally ?? (vote?.unanimous ? "à l'unanimité, sans décompte" : notGiven)}</Fact>
          {act.budgetYear || act.budgetName ? <Fact label="Budget">{[act.budgetName, act.budgetYear].filter(Boolean).join(", ")}</Fact> : null}
          <Fact label="Contrôle de légalité">
            {receipt
              ? [
                  receipt.receivedAt ? `reçu le ${formatDateFr(isoDay(receipt.receivedAt))}` : null,
                  receipt.authority ? `par ${receipt.authority}` : null,
                  receipt.actesId ? `accusé de réception ${receipt.actesId}` : null,
                ]
                  .filter(Boolean)
                  .join(", ")
              : notGiven}
          </Fact>
        </dl>
      </section>
    </article>
  );
}
