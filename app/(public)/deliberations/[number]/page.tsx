import type { Metadata } from "next";
import { cache } from "react";
import { AnnexNotice } from "@/components/deliberation/annex-notice";
import { AttendanceLists } from "@/components/deliberation/attendance-lists";
import { ExtractHeading } from "@/components/deliberation/extract-heading";
import { PublicationNotes } from "@/components/deliberation/publication-notes";
import { ReceiptBox } from "@/components/deliberation/receipt-box";
import { ReportSection } from "@/components/deliberation/report-section";
import { Signatures } from "@/components/deliberation/signatures";
import { VersionHistory } from "@/components/deliberation/version-history";
import { VoteSection } from "@/components/deliberation/vote-section";
import { ExtractDownload } from "@/components/extracts/extract-download";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DemoNotice } from "@/components/ui/demo-notice";
import { formatDateFr, parseDeliberationNumber, REJECTED_NOT_EXECUTORY, REJECTED_NOT_TRANSMITTED, SECRETARY_LABEL } from "@/lib/domain";
import { executoryStatusOf } from "@/lib/deliberations/deliberation-record";
import { convocationParagraph, fullName, nameWithRole } from "@/lib/deliberations/extract-wording";
import { getPublishedDeliberation } from "@/lib/deliberations/get-published-deliberation";
import { getPublishedArchivedAct } from "@/lib/deliberations/get-published-archived-act";
import { ArchivedAct } from "@/components/deliberation/archived-act";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { env } from "@/lib/env";
import { notFound } from "next/navigation";
import { identifierParam, pageIdentifierParam } from "@/lib/validations/request-params";
import { legislationJsonLd, serializeJsonLd } from "@/lib/opendata/legislation-json-ld";
import { deliberationPath } from "@/lib/publication/deliberation-path";

// A published act never changes: each page is rendered on its first request and
// then served from Next's cache (incremental static regeneration). Publishing a
// version revalidates the path on every web instance (lib/cache); `revalidate`
// bounds the staleness should an instance miss it. Nothing is prerendered at
// build time, which needs no database.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { number: string }[] {
  return [];
}

type Props = { params: Promise<{ number: string }> };

// Loaded once per request, for the metadata and the page alike (each reads
// the segment its own way: request-params.ts, pageIdentifierParam).
const loadByNumber = cache(async (number: string | null) => {
  const { id: municipalityId } = await getCurrentMunicipality();
  const deliberation = number && parseDeliberationNumber(number) ? await getPublishedDeliberation({ municipalityId, number }) : null;
  // An archived act keeps its town's own identifier, whatever its form.
  const archived = number && !deliberation ? await getPublishedArchivedAct({ municipalityId, number }) : null;
  return { deliberation, archived };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { deliberation, archived } = await loadByNumber(identifierParam((await params).number));
  if (archived) {
    return {
      title: `Délibération ${archived.originalIdentifier} : ${archived.subject}`,
      description: `Délibération ${archived.originalIdentifier} du conseil municipal (${archived.municipality.name}), séance du ${formatDateFr(archived.sitting.startsAt, archived.municipality.timeZone)}, reprise d'une archive : ${archived.subject}.`,
    };
  }
  if (!deliberation) return { title: "Délibération introuvable" };
  const { municipality } = deliberation;
  return {
    title: `Délibération ${deliberation.number} : ${deliberation.subject}`,
    description: `Délibération ${deliberation.number} du conseil municipal (${municipality.name}), séance du ${formatDateFr(deliberation.sitting.startsAt, municipality.timeZone)} : ${deliberation.subject}.`,
  };
}

export default async function DeliberationPage({ params }: Props) {
  const { deliberation, archived } = await loadByNumber(pageIdentifierParam((await params).number));
  if (archived) {
    return (
      <div>
        <Breadcrumb
          crumbs={[
            { label: "Accueil", href: "/" },
            { label: "Délibérations", href: "/deliberations" },
            { label: archived.originalIdentifier },
          ]}
        />
        {archived.isDemo ? <DemoNotice /> : null}
        <ArchivedAct act={archived} />
      </div>
    );
  }
  if (!deliberation) notFound();
  // The sitting and the municipality as the act states them, frozen at its publication, and its clock.
  const { sitting, municipality } = deliberation;
  const { timeZone } = municipality;
  // A report withdrawn from the agenda was neither read nor decided: there is no act to certify.
  const withdrawn = (deliberation.vote?.result ?? deliberation.outcome) === "WITHDRAWN";
  // A rejected act decides nothing: it is not transmitted, and has no executory character to certify.
  const rejected = (deliberation.vote?.result ?? deliberation.outcome) === "REJECTED";

  const executory = executoryStatusOf(deliberation, timeZone);
  // The extract certifies signature, posting and transmission; publication is stated further down.
  const certification = executory.steps.filter((step) => step.key !== "PUBLISHED");

  return (
    <div>
      <Breadcrumb
        crumbs={[
          { label: "Accueil", href: "/" },
          { label: "Délibérations", href: "/deliberations" },
          { label: deliberation.number },
        ]}
      />
      {deliberation.isDemo ? <DemoNotice /> : null}
      <script
        type="application/ld+json"
        // Machine-readable identity of the act (schema.org Legislation); serialised safely for HTML.
        dangerouslySetInnerHTML={{
          __html: serializeJsonLd(
            legislationJsonLd({
              number: deliberation.number,
              subject: deliberation.subject,
              matterCode: deliberation.matterCode,
              isDemo: deliberation.isDemo,
              publishedAt: deliberation.publishedAt,
              sittingStartsAt: sitting.startsAt,
              timeZone,
              communeName: municipality.communeName,
              municipalityName: municipality.name,
              url: `${env.PUBLIC_BASE_URL.replace(/\/$/, "")}${deliberationPath(deliberation.number)}`,
            }),
          ),
        }}
      />
      <ExtractDownload
        href={`${deliberationPath(deliberation.number)}/extrait.pdf`}
        label={`Télécharger l'extrait certifié ${deliberation.number}`}
        fileName={`${deliberation.number}-extrait.pdf`}
      />
      <article className="mx-auto max-w-4xl sm:rounded sm:border sm:border-line sm:p-8 print:border-0 print:p-0">
        <ExtractHeading
          municipalityName={municipality.name}
          number={deliberation.number}
          sitting={sitting}
          presidency={nameWithRole(sitting.president)}
          zone={timeZone}
        />

        {deliberation.version > 1 ? (
          <p className="mx-auto mt-6 max-w-xl rounded bg-notice-soft p-3 text-sm text-notice">
            Version rectifiée n° {deliberation.version}
            {deliberation.rectificationReason ? ` : ${deliberation.rectificationReason}` : ""}.
          </p>
        ) : null}

        {rejected && !deliberation.receipt ? (
          <p className="avoid-break mx-auto mt-6 max-w-xl border-2 border-ink p-4 text-sm" data-testid="rejected-not-transmitted">
            {REJECTED_NOT_TRANSMITTED}
          </p>
        ) : withdrawn && !deliberation.receipt ? null : (
          <ReceiptBox
            receipt={deliberation.receipt}
            certification={withdrawn || rejected ? [] : certification}
            note={rejected ? REJECTED_NOT_EXECUTORY : undefined}
          />
        )}

        <h2 className="mt-8 text-lg font-bold">OBJET : {deliberation.subject}</h2>

        <p className="mt-4">
          {convocationParagraph({ ...sitting, communeName: municipality.communeName, zone: timeZone })}
        </p>

        <AttendanceLists attendance={deliberation.attendance} />

        <p className="mt-5">{SECRETARY_LABEL} : {fullName(sitting.secretary)}</p>
        {deliberation.rapporteur && !withdrawn ? (
          <p className="mt-3">{fullName(deliberation.rapporteur)} donne lecture du rapport ci-joint.</p>
        ) : null}

        <ReportSection
          sittingStartsAt={sitting.startsAt}
          zone={timeZone}
          service={deliberation.service}
          matterCode={deliberation.matterCode}
          rapporteur={deliberation.rapporteur}
          policyHeading={deliberation.policyHeading}
          subject={deliberation.reportSubject ?? deliberation.subject}
          report={deliberation.report}
          proposals={deliberation.proposals}
        />

        <VoteSection outcome={deliberation.outcome} vote={deliberation.vote} />

        <Signatures
          president={sitting.president}
          cosignatory={deliberation.cosignatory}
          cosignatoryTitle={deliberation.cosignatoryTitle}
        />

        <PublicationNotes
          postedAt={deliberation.postedAt}
          publishedAt={deliberation.publishedAt}
          author={nameWithRole(sitting.president)}
          executory={withdrawn ? null : executory}
          appealNotice={municipality.appealNotice}
          zone={timeZone}
        />

        <AnnexNotice number={deliberation.number} annexes={deliberation.annexes} annexNotice={municipality.annexNotice} />

        <VersionHistory versions={deliberation.versions} current={deliberation.version} zone={timeZone} />
      </article>
    </div>
  );
}
