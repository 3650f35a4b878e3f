import type { Metadata } from "next";
import { cache } from "react";
import { SittingDeliberationsTable } from "@/components/sitting/sitting-deliberations-table";
import { SittingFacts } from "@/components/sitting/sitting-facts";
import { ExtractDownload } from "@/components/extracts/extract-download";
import { SittingMinutes } from "@/components/minutes/sitting-minutes";
import { getPrisma } from "@/lib/db/prisma";
import { getPublicMinutesState } from "@/lib/minutes/get-public-minutes";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DemoNotice } from "@/components/ui/demo-notice";
import { formatDateFr, formatTimeFr, isoDay } from "@/lib/domain";
import { countOf } from "@/lib/domain/plural";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { getPublicSitting } from "@/lib/sittings/get-public-sitting";
import { hasPublicConvocation } from "@/lib/convocations/get-public-convocation";
import { getAnnouncedSitting, type AnnouncedSitting } from "@/lib/sittings/get-announced-sitting";
import { CalendarLink, PublicAgenda } from "@/components/sitting/public-agenda";
import { councillorRole, fullName, sittingKindLabel } from "@/lib/deliberations/extract-wording";
import { notFound } from "next/navigation";
import { identifierParam } from "@/lib/validations/request-params";

// Rendered on first request, then served from Next's cache like a deliberation's
// page: publishing revalidates it on every instance (lib/cache); `revalidate` bounds staleness.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { date: string }[] {
  return [];
}

type Props = { params: Promise<{ date: string }> };

// Loaded once per request, for the metadata and the page alike.
const loadByDate = cache(async (param: string) => {
  const { id: municipalityId } = await getCurrentMunicipality();
  const date = identifierParam(param);
  const sitting = date ? await getPublicSitting({ municipalityId, date }) : null;
  // Convened but not held (or its acts not yet published): the convocation's facts and agenda.
  const announced = date && !sitting ? await getAnnouncedSitting({ municipalityId, date }) : null;
  const convocation = announced ? await hasPublicConvocation({ municipalityId, sittingId: announced.id }) : false;
  return { sitting, announced, convocation };
});

async function loadSitting(params: Props["params"]) {
  return loadByDate((await params).date);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { sitting, announced } = await loadSitting(params);
  if (announced) {
    return {
      title: `Séance du ${formatDateFr(announced.startsAt, announced.zone)}`,
      description: `Séance du conseil municipal du ${formatDateFr(announced.startsAt, announced.zone)} : ordre du jour (${countOf(announced.agenda.length, "point")}).`,
    };
  }
  if (!sitting) return { title: "Séance introuvable" };
  return {
    title: `Séance du ${formatDateFr(sitting.startsAt, sitting.municipality.timeZone)}`,
    description: `Séance du conseil municipal du ${formatDateFr(sitting.startsAt, sitting.municipality.timeZone)} : ${countOf(sitting.deliberations.length, "délibération publiée", "délibérations publiées")}.`,
  };
}

export default async function SittingPage({ params }: Props) {
  const { sitting, announced, convocation } = await loadSitting(params);
  if (announced) return <AnnouncedSittingPage sitting={announced} convocation={convocation} />;
  if (!sitting) notFound();
  // The municipality as the sitting's published acts state it (members in office included).
  const { municipality } = sitting;
  const title = `Séance du ${formatDateFr(sitting.startsAt, municipality.timeZone)}`;
  const { id: municipalityId } = await getCurrentMunicipality();
  const minutes = await getPublicMinutesState(getPrisma(), { municipalityId, sittingId: sitting.id, zone: municipality.timeZone });

  return (
    <div>
      <Breadcrumb crumbs={[{ label: "Accueil", href: "/" }, { label: "Séances", href: "/seances" }, { label: title }]} />
      {sitting.isDemo ? <DemoNotice /> : null}
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mt-2 text-lg text-muted">Conseil municipal · {municipality.name}</p>
      {sitting.archived ? (
        // Its list, closing sheet and calendar event belong to the time it was held: the archive gives its acts only.
        <p className="mt-4 rounded bg-notice-soft p-3 text-sm text-notice">
          Séance reprise d&apos;une archive : cette page montre ce que l&apos;archive en indique. Sa liste des délibérations et son feuillet de clôture sont au registre papier de
          la commune.
        </p>
      ) : (
        <>
          <ExtractDownload
            href={`/seances/${sitting.slug}/liste-des-deliberations.pdf`}
            label="Télécharger la liste des délibérations de la séance"
            fileName={`seance-${sitting.slug}-liste-des-deliberations.pdf`}
          />
          <ExtractDownload
            href={`/seances/${sitting.slug}/feuillet-de-cloture.pdf`}
            label="Télécharger le feuillet de clôture de la séance (registre)"
            fileName={`seance-${sitting.slug}-feuillet-de-cloture.pdf`}
          />
          <p className="mt-2">
            <CalendarLink href={`/seances/${sitting.slug}/seance.ics`} label="Cette séance dans mon agenda (iCalendar)" />
          </p>
        </>
      )}

      <section aria-labelledby="informations" className="mt-8">
        <h2 id="informations" className="mb-3 text-2xl font-bold">
          Informations sur la séance
        </h2>
        <SittingFacts sitting={sitting} />
      </section>

      {sitting.agenda.length > 0 ? (
        <section aria-labelledby="ordre-du-jour" className="mt-10">
          <h2 id="ordre-du-jour" className="mb-3 text-2xl font-bold">
            Ordre du jour
          </h2>
          <p className="mb-3 text-sm text-muted">Chaque point délibéré renvoie à la délibération publiée qu&apos;il est devenu.</p>
          <PublicAgenda agenda={sitting.agenda} />
        </section>
      ) : null}

      <section aria-labelledby="presences" className="mt-10">
        <h2 id="presences" className="mb-3 text-2xl font-bold">
          Présences
        </h2>
        {sitting.attendance ? (
          <>
            <p>
              Lors de la première délibération publiée ({sitting.attendance.deliberationNumber}) :{" "}
              {countOf(sitting.attendance.present, "présent")}, {countOf(sitting.attendance.represented, "représenté")}{" "}
              par pouvoir, {countOf(sitting.attendance.excused, "excusé")} sans pouvoir
              {sitting.attendance.absent > 0 ? `, ${countOf(sitting.attendance.absent, "absent")}` : ""}, sur{" "}
              {countOf(municipality.membersInOffice, "membre")} en exercice.
            </p>
            {sitting.movements.length ? (
              <>
                <h3 className="mb-2 mt-4 text-xl font-bold">Arrivées, départs et pouvoirs en cours de séance</h3>
                <ul className="list-disc pl-6">
                  {sitting.movements.map((movement) => (
                    <li key={movement}>{movement}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <p className="mt-2 text-sm text-muted">
              Les membres pouvant arriver ou quitter la séance en cours, chaque délibération indique ses propres présences.
            </p>
          </>
        ) : (
          <p>Les présences ne sont pas enregistrées pour cette séance.</p>
        )}
      </section>

      <section className="mt-10">
        <h2 id="liste-deliberations-titre" className="text-2xl font-bold">
          Liste des délibérations
        </h2>
        <p className="mb-4 mt-1 text-sm text-muted">
          Délibérations examinées par le conseil municipal au cours de la séance (article L 2121-25 du Code Général des
          Collectivités Territoriales).
        </p>
        <SittingDeliberationsTable deliberations={sitting.deliberations} />
      </section>

      <SittingMinutes minutes={minutes} slug={sitting.slug} />
    </div>
  );
}

/** A sitting convened and not yet held: its convocation, its agenda, its calendar event. */
function AnnouncedSittingPage({ sitting, convocation }: { sitting: AnnouncedSitting; convocation: boolean }) {
  const title = `Séance du ${formatDateFr(sitting.startsAt, sitting.zone)}`;
  return (
    <div>
      <Breadcrumb crumbs={[{ label: "Accueil", href: "/" }, { label: "Séances", href: "/seances" }, { label: title }]} />
      {sitting.isDemo ? <DemoNotice /> : null}
      <h1 className="text-3xl font-bold">{title}</h1>
      {sitting.cancelledAt ? (
        <p role="status" className="mt-4 rounded border-l-4 border-brand bg-surface p-4 font-semibold">
          Séance annulée : {sitting.cancellationReason}
        </p>
      ) : null}
      <p className="mt-4">
        <CalendarLink href={`/seances/${sitting.slug}/seance.ics`} label="Ajouter cette séance à mon agenda (iCalendar)" />
      </p>
      {convocation ? (
        <ExtractDownload href={`/seances/${sitting.slug}/convocation.pdf`} label="Télécharger la convocation" fileName={`convocation-${sitting.slug}.pdf`} />
      ) : null}

      <section aria-labelledby="informations" className="mt-8">
        <h2 id="informations" className="mb-3 text-2xl font-bold">
          Informations sur la séance
        </h2>
        <dl className="border-t border-line">
          <div className="grid gap-1 border-b border-line py-2 sm:grid-cols-[14rem_1fr] sm:gap-4">
            <dt className="font-semibold">Date</dt>
            <dd>
              {formatDateFr(sitting.startsAt, sitting.zone)} à {formatTimeFr(sitting.startsAt, sitting.zone)}
            </dd>
          </div>
          <div className="grid gap-1 border-b border-line py-2 sm:grid-cols-[14rem_1fr] sm:gap-4">
            <dt className="font-semibold">Lieu</dt>
            <dd>{sitting.place}</dd>
          </div>
          <div className="grid gap-1 border-b border-line py-2 sm:grid-cols-[14rem_1fr] sm:gap-4">
            <dt className="font-semibold">Nature</dt>
            <dd>Session {sittingKindLabel(sitting.kind).toLowerCase()}</dd>
          </div>
          <div className="grid gap-1 border-b border-line py-2 sm:grid-cols-[14rem_1fr] sm:gap-4">
            <dt className="font-semibold">Convocation</dt>
            <dd>
              Adressée le {formatDateFr(isoDay(sitting.convocationDate))}
              {sitting.convenedBy ? ` par ${fullName(sitting.convenedBy)}, ${councillorRole(sitting.convenedBy)}` : ""}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="ordre-du-jour" className="mt-10">
        <h2 id="ordre-du-jour" className="mb-3 text-2xl font-bold">
          Ordre du jour
        </h2>
        <PublicAgenda agenda={sitting.agenda} />
      </section>
    </div>
  );
}
