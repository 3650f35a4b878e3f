import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { FlashStatus } from "@/components/ui/flash-status";
import { readFlashMessage } from "@/lib/http/flash-message";
import { ListPostingForm } from "@/components/admin/list-posting-form";
import { SittingForm } from "@/components/admin/sitting-form";
import { EDITOR_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { councillorOptionsWithMandates } from "@/lib/councillors/councillor-options";
import { getPrisma } from "@/lib/db/prisma";
import { formatCouncillorName, formatDateFr, formatTimeFr } from "@/lib/domain/format";
import { isoDay } from "@/lib/domain/calendar";
import { WORKFLOW_STATUS_LABELS } from "@/lib/domain/workflow";
import { isAppError } from "@/lib/errors";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { getSitting } from "@/lib/sittings/get-sitting";
import { requireKnown } from "@/lib/publication/known-facts";
import { sittingFormValues } from "@/lib/sittings/sitting-fields";
import { AgendaEditor } from "@/components/admin/agenda-editor";
import { ConvocationForm } from "@/components/admin/convocation-form";
import { readSittingAgenda } from "@/lib/agenda/get-sitting-agenda";
import { getConvocationStatus } from "@/lib/convocations/get-convocation-status";
import { localDay } from "@/lib/domain/calendar";
import { summaryNotesRequired } from "@/lib/domain/convocation";
import { formatDateShortFr } from "@/lib/domain/format";
import { readEnv } from "@/lib/env";
import { EMPTY_AGENDA_ITEM } from "@/lib/validations/agenda";
import {
  addAgendaItemAction,
  moveAgendaItemAction,
  cancelSittingAction,
  recordListPostingAction,
  removeAgendaItemAction,
  sendConvocationAction,
  updateAgendaItemAction,
  updateSittingAction,
} from "../actions";
import { CancelSittingForm } from "@/components/admin/cancel-sitting-form";

export const metadata: Metadata = { title: "Séance · Espace du greffe" };


export default async function AdminSittingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getPageUser();
  const db = getPrisma();
  const sitting = await getSitting({ db, actor, id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // An archived sitting is shown as its archive states it, on its public page: nothing here works on it.
  if (sitting.archiveImportId && sitting.publicSlug) redirect(`/seances/${sitting.publicSlug}`);
  const canEdit = Boolean(actor && EDITOR_ROLES.includes(actor.role));
  const editable = canEdit && !sitting.archiveImportId && !sitting.deliberations.some((deliberation) => deliberation.status === "PUBLISHED");
  const councillors = editable ? await councillorOptionsWithMandates({ db, actor, demo: sitting.isDemo }) : [];
  const { timeZone, population } = await getCurrentMunicipality();
  const agenda = await readSittingAgenda(db, actor.municipalityId, sitting.id);
  const convocation = await getConvocationStatus({ db, actor, sittingId: sitting.id });
  const onAgenda = new Set(agenda.flatMap((item) => (item.deliberation ? [item.deliberation.id] : [])));
  const drafts = sitting.deliberations.filter((deliberation) => deliberation.status === "DRAFT" && !onAgenda.has(deliberation.id));
  const earlierSittings = editable
    ? await db.sitting.findMany({
        where: { municipalityId: actor.municipalityId, isDemo: sitting.isDemo, startsAt: { lt: sitting.startsAt } },
        orderBy: { startsAt: "desc" },
        take: 24,
        select: { id: true, startsAt: true },
      })
    : [];
  const today = localDay(new Date(), timeZone);
  const sittingDay = localDay(sitting.startsAt, timeZone);
  const voted = sitting.deliberations.some((deliberation) => deliberation.status !== "DRAFT");
  const canConvene = canEdit && !voted && sittingDay >= today && agenda.length > 0;
  const notesRequired = summaryNotesRequired(population);
  return (
    <div className="flex flex-col gap-6">
      <FlashStatus message={await readFlashMessage()} />
      <div>
        <h1 className="text-3xl font-bold">
          Séance du {formatDateFr(sitting.startsAt, timeZone)} à {formatTimeFr(sitting.startsAt, timeZone)}
        </h1>
        <p className="mt-1">
          {sitting.place ?? "Lieu non indiqué"} · présidence : {sitting.president ? formatCouncillorName(sitting.president) : "non indiquée"} · secrétaire :{" "}
          {sitting.secretary ? formatCouncillorName(sitting.secretary) : "non indiqué"}
          {sitting.archiveImportId ? " · séance reprise d'une archive" : ""}
          {sitting.isDemo ? " · séance fictive de démonstration" : ""}
        </p>
      </div>
      <section aria-labelledby="ordre-du-jour" className="flex flex-col gap-3">
        <h2 id="ordre-du-jour" className="text-2xl font-bold">Ordre du jour</h2>
        {editable ? (
          <AgendaEditor
            sittingId={sitting.id}
            items={agenda.map((item) => ({
              id: item.id,
              position: item.position,
              kind: item.kind,
              title: item.title,
              summaryNote: item.summaryNote ?? "",
              names: item.deliberation ? `${item.deliberation.number}` : item.minutesSitting ? `séance du ${formatDateShortFr(item.minutesSitting.startsAt, timeZone)}` : null,
            }))}
            drafts={drafts.map((deliberation) => ({ value: deliberation.id, label: `${deliberation.number} : ${deliberation.subject}` }))}
            earlierSittings={earlierSittings.map((earlier) => ({ value: earlier.id, label: `Séance du ${formatDateFr(earlier.startsAt, timeZone)}` }))}
            summaryNotesRequired={notesRequired}
            emptyItem={EMPTY_AGENDA_ITEM}
            add={addAgendaItemAction.bind(null, sitting.id)}
            update={updateAgendaItemAction.bind(null, sitting.id)}
            move={moveAgendaItemAction.bind(null, sitting.id)}
            remove={removeAgendaItemAction.bind(null, sitting.id)}
          />
        ) : agenda.length ? (
          <ol className="list-decimal pl-6">
            {agenda.map((item) => (
              <li key={item.id}>{item.title}</li>
            ))}
          </ol>
        ) : (
          <p>Aucun ordre du jour enregistré.</p>
        )}
      </section>
      <section aria-labelledby="convocation" className="flex flex-col gap-3">
        <h2 id="convocation" className="text-2xl font-bold">Convocation</h2>
        {sitting.convocationDate ? (
          <p>
            Convocation du {formatDateFr(isoDay(sitting.convocationDate))}
            {sitting.urgent ? ` — en urgence : ${sitting.urgencyReason ?? ""}` : ""}.
            {convocation.latest ? (
              <>
                {" "}
                <a href={`/admin/seances/${sitting.id}/convocation.pdf`}>Télécharger la convocation signée (PDF)</a>, code de vérification {convocation.latest.verificationCode}.
              </>
            ) : null}
          </p>
        ) : (
          <p>La séance n&apos;est pas encore convoquée.</p>
        )}
        {convocation.sendings.length ? (
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Envois de la convocation, du plus récent au plus ancien</caption>
            <thead>
              <tr className="border-b border-ink">
                <th scope="col" className="py-2 pr-3">Élu</th>
                <th scope="col" className="py-2 pr-3">Mode</th>
                <th scope="col" className="py-2 pr-3">Envoyée le</th>
              </tr>
            </thead>
            <tbody>
              {convocation.sendings.map((sending) => (
                <tr key={sending.id} className="border-b border-line">
                  <th scope="row" className="py-2 pr-3 font-normal">{formatCouncillorName(sending.councillor)}</th>
                  <td className="py-2 pr-3">{sending.channel === "EMAIL" ? `Courriel (${sending.emailAddress ?? ""})` : "Papier"}</td>
                  <td className="py-2 pr-3">
                    {formatDateFr(sending.sentAt, timeZone)} à {formatTimeFr(sending.sentAt, timeZone)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {canConvene ? (
          <ConvocationForm
            initialValues={{ mode: readEnv().SMTP_HOST ? "smtp" : "manual", sentDate: today, sentTime: "", urgent: sitting.urgent, urgencyReason: sitting.urgencyReason ?? "" }}
            sittingDay={sittingDay}
            today={today}
            population={population}
            smtpConfigured={Boolean(readEnv().SMTP_HOST)}
            submit={sendConvocationAction.bind(null, sitting.id)}
          />
        ) : canEdit && !agenda.length && !voted ? (
          <p>Ajoutez les points de l&apos;ordre du jour avant d&apos;envoyer la convocation.</p>
        ) : null}
      </section>
      <section aria-labelledby="deliberations" className="flex flex-col gap-3">
        <h2 id="deliberations" className="text-2xl font-bold">Délibérations</h2>
        {canEdit ? (
          <div className="flex flex-wrap gap-3">
            <Link
              href={`/admin/seances/${sitting.id}/deliberations/nouvelle`}
              className="rounded bg-brand px-4 py-2 font-medium text-white no-underline hover:bg-brand-hover hover:text-white"
            >
              Ajouter une délibération
            </Link>
            <Link href={`/admin/seances/${sitting.id}/proces-verbal`} className="rounded border border-brand px-4 py-2 font-medium text-brand no-underline hover:bg-brand-soft">
              Procès-verbal
            </Link>
            {sitting.deliberations.length ? (
              <Link href={`/admin/seances/${sitting.id}/appel`} className="rounded border border-brand px-4 py-2 font-medium text-brand no-underline hover:bg-brand-soft">
                Appel de la séance (arrivées et départs)
              </Link>
            ) : null}
          </div>
        ) : null}
        {sitting.deliberations.length ? (
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Délibérations de la séance, dans l&apos;ordre du jour</caption>
            <thead>
              <tr className="border-b border-ink">
                <th scope="col" className="py-2 pr-3">Ordre</th>
                <th scope="col" className="py-2 pr-3">Numéro</th>
                <th scope="col" className="py-2 pr-3">Objet</th>
                <th scope="col" className="py-2 pr-3">État</th>
              </tr>
            </thead>
            <tbody>
              {sitting.deliberations.map((deliberation) => (
                <tr key={deliberation.id} className="border-b border-line">
                  <td className="py-2 pr-3">{deliberation.orderInSitting}</td>
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={`/admin/deliberations/${deliberation.id}`}>
                      {deliberation.number}
                      {deliberation.version > 1 ? ` (version ${deliberation.version})` : ""}
                    </Link>
                  </th>
                  <td className="py-2 pr-3">{deliberation.subject}</td>
                  <td className="py-2 pr-3">{WORKFLOW_STATUS_LABELS[deliberation.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>Aucune délibération pour l&apos;instant.</p>
        )}
      </section>
      {editable ? (
        <section aria-labelledby="modifier" className="flex flex-col gap-3">
          <h2 id="modifier" className="text-2xl font-bold">Modifier la séance</h2>
          <SittingForm initialValues={sittingFormValues(requireKnown(sitting, ["place", "convenedById", "presidentId", "secretaryId"]), timeZone)} councillors={councillors} submit={updateSittingAction.bind(null, sitting.id)} submitLabel="Enregistrer les modifications" />
        </section>
      ) : null}
      {editable && !sitting.cancelledAt ? (
        <section aria-labelledby="annuler" className="flex flex-col gap-3">
          <h2 id="annuler" className="text-2xl font-bold">Annuler la séance</h2>
          <p>Une séance convoquée qui ne se tiendra pas reste visible, annulée, avec son motif ; son événement du calendrier est mis à jour.</p>
          <CancelSittingForm submit={cancelSittingAction.bind(null, sitting.id)} />
        </section>
      ) : null}
      {sitting.cancelledAt ? (
        <p role="status" className="rounded border-l-4 border-brand bg-surface p-4">
          Séance annulée le {formatDateFr(sitting.cancelledAt, timeZone)} : {sitting.cancellationReason}
        </p>
      ) : null}
      {!editable && canEdit ? (
        <section aria-labelledby="affichage" className="flex flex-col gap-3">
          <h2 id="affichage" className="text-2xl font-bold">Affichage de la liste des délibérations</h2>
          <p>
            Cette séance a des délibérations publiées : ce qu&apos;elles énoncent (date, lieu, présidence, membres en exercice) ne se modifie plus. L&apos;affichage de la
            liste, qui vient après, s&apos;enregistre encore.
          </p>
          <ListPostingForm initialValues={{ listPostedAt: sitting.listPostedAt ? isoDay(sitting.listPostedAt) : "" }} submit={recordListPostingAction.bind(null, sitting.id)} />
        </section>
      ) : null}
    </div>
  );
}
