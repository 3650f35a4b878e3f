import { countAttendance, describeAttendanceCounts } from "@/lib/domain/attendance-form";
import { agree, countOf } from "@/lib/domain/plural";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { deliberationPath } from "@/lib/publication/deliberation-path";
import { FlashStatus } from "@/components/ui/flash-status";
import { readFlashMessage } from "@/lib/http/flash-message";
import { AnnexForm } from "@/components/admin/annex-form";
import { DeliberationForm } from "@/components/admin/deliberation-form";
import { PublishForm } from "@/components/admin/publish-form";
import { ReceiptForm } from "@/components/admin/receipt-form";
import { RectifyForm } from "@/components/admin/rectify-form";
import { RollCallForm } from "@/components/admin/roll-call-form";
import { StatusButton } from "@/components/admin/status-button";
import { WorkingDocumentLink } from "@/components/extracts/working-document-link";
import { VoteForm } from "@/components/admin/vote-form";
import { ActText } from "@/components/ui/markdown";
import { EDITOR_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { isoDay } from "@/lib/domain/calendar";
import { getPrisma } from "@/lib/db/prisma";
import { getDeliberationForEdit } from "@/lib/deliberations/get-deliberation-for-edit";
import { describeOutcome } from "@/lib/domain/tally";
import { voteChoiceInSentence } from "@/lib/domain/vote-wording";
import { formatCouncillorName, formatDateFr } from "@/lib/domain/format";
import { localDay } from "@/lib/domain/calendar";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { availableEvents, WORKFLOW_STATUS_LABELS } from "@/lib/domain/workflow";
import { isAppError } from "@/lib/errors";
import {
  changeDeliberationStatusAction,
  copyPreviousVoteAction,
  correctReceiptAction,
  publishDeliberationAction,
  recordAttendanceAction,
  recordReceiptAction,
  recordVoteAction,
  rectifyDeliberationAction,
  removeAnnexAction,
  updateDeliberationAction,
} from "../actions";

export const metadata: Metadata = { title: "Délibération · Espace du greffe" };


export default async function AdminDeliberationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getPageUser();
  const loaded = await getDeliberationForEdit({ db: getPrisma(), actor, id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // An archived act has nothing to work on: its public page shows what its archive states.
  if (loaded.archived) redirect(deliberationPath(loaded.archived.number));
  const { deliberation, councillors, municipality, windows, groups, previousVote } = loaded;
  const canEdit = Boolean(actor && EDITOR_ROLES.includes(actor.role));
  const events = canEdit ? availableEvents(deliberation) : [];
  const names = new Map(councillors.map((councillor) => [councillor.id, formatCouncillorName(councillor)]));
  const options = councillors.map((councillor) => ({ value: councillor.id, label: `${councillor.lastName} ${councillor.firstName}` }));
  const attendanceById = new Map(deliberation.attendances.map((entry) => [entry.councillorId, entry]));
  const { timeZone } = await getCurrentMunicipality();
  const sittingDate = localDay(deliberation.sitting.startsAt, timeZone);
  const voters = councillors
    .map((councillor) => ({ councillor, entry: attendanceById.get(councillor.id) }))
    .filter(({ entry }) => entry?.status === "PRESENT" || entry?.status === "REPRESENTED")
    .map(({ councillor, entry }) => ({
      id: councillor.id,
      name: names.get(councillor.id)!,
      status: entry!.status as "PRESENT" | "REPRESENTED",
      holderName: entry!.proxyHolderId ? (names.get(entry!.proxyHolderId) ?? null) : null,
    }));
  const draft = deliberation.status === "DRAFT";
  const previous = deliberation.previousVersion;
  const receiptExpected = { departmentCode: municipality.departmentCode, siren: municipality.siren, sittingDate };
  const receiptValues = (receipt: { actesId: string; receivedAt: Date; signedAt: Date | null }, postedAt: Date | null) => ({
    actesId: receipt.actesId,
    receivedAt: isoDay(receipt.receivedAt),
    signedAt: isoDay(receipt.signedAt),
    postedAt: isoDay(postedAt),
  });
  const publicPath = deliberationPath(deliberation.number);

  return (
    <div className="flex flex-col gap-8">
      <FlashStatus message={await readFlashMessage()} />
      <div>
        <p>
          <Link href={`/admin/seances/${deliberation.sitting.id}`}>Séance du {formatDateFr(deliberation.sitting.startsAt, timeZone)}</Link>
        </p>
        <h1 className="text-3xl font-bold">
          Délibération {deliberation.number}
          {deliberation.version > 1 ? ` (version ${deliberation.version})` : ""}
        </h1>
        <p className="mt-1">
          État : <strong>{WORKFLOW_STATUS_LABELS[deliberation.status]}</strong>
          {deliberation.outcome && deliberation.vote ? ` · ${describeOutcome({ outcome: deliberation.outcome, tally: deliberation.vote })}` : ""}
          {deliberation.outcome === "WITHDRAWN" ? " · retirée de l'ordre du jour" : ""}
          {deliberation.isDemo ? " · donnée fictive de démonstration" : ""}
        </p>
        {deliberation.rectificationReason ? <p>Rectification : {deliberation.rectificationReason}</p> : null}
        {deliberation.nextVersion ? (
          <p>
            Rectifiée : <Link href={`/admin/deliberations/${deliberation.nextVersion.id}`}>voir la version {deliberation.nextVersion.version}</Link>
          </p>
        ) : null}
        {deliberation.status === "PUBLISHED" ? (
          <p>
            <Link href={publicPath}>Voir la page publique</Link>
          </p>
        ) : null}
        <p className="mt-1">
          <WorkingDocumentLink deliberationId={deliberation.id} published={deliberation.status === "PUBLISHED"} />
        </p>
      </div>

      <section aria-labelledby="section-contenu" className="flex flex-col gap-3">
        <h2 id="section-contenu" className="text-2xl font-bold">1. Contenu</h2>
        {draft && canEdit ? (
          <DeliberationForm
            draftKey={`deliberation:${deliberation.id}`}
            initialValues={{
              number: deliberation.number,
              orderInSitting: String(deliberation.orderInSitting),
              subject: deliberation.subject,
              reportSubject: deliberation.reportSubject ?? "",
              rapporteurId: deliberation.rapporteurId ?? "",
              service: deliberation.service ?? "",
              matterCode: deliberation.matterCode,
              policyHeading: deliberation.policyHeading ?? "",
              report: deliberation.report,
              proposals: deliberation.proposals,
              cosignatoryId: deliberation.cosignatoryId ?? "",
              cosignatoryTitle: deliberation.cosignatoryTitle ?? "",
            }}
            councillors={options}
            submit={updateDeliberationAction.bind(null, deliberation.id)}
            submitLabel="Enregistrer le contenu"
            numberLocked={deliberation.version > 1}
          />
        ) : (
          <div className="flex flex-col gap-2">
            <p>
              <strong>{deliberation.subject}</strong> · matière {deliberation.matterCode}
            </p>
            <ActText source={deliberation.report} />
            <ActText source={deliberation.proposals} />
          </div>
        )}
      </section>

      <section aria-labelledby="section-annexes" className="flex flex-col gap-3">
        <h2 id="section-annexes" className="text-2xl font-bold">Annexes</h2>
        {deliberation.annexes.length ? (
          <ul className="flex flex-col gap-2">
            {deliberation.annexes.map((annex) => (
              <li key={annex.id} className="flex flex-col gap-1 rounded border border-line p-2">
                <span>
                  <strong>{annex.title}</strong> · {annex.fileName} · {Math.ceil(annex.size / 1024)} Ko · {annex.isPublic ? "publiée en ligne" : "consultable en mairie"}
                </span>
                {draft && canEdit ? (
                  <StatusButton label={`Retirer l'annexe « ${annex.title} »`} confirmation={`Retirer l'annexe « ${annex.title} » ?`} run={removeAnnexAction.bind(null, deliberation.id, annex.id)} />
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucune annexe.</p>
        )}
        {draft && canEdit ? <AnnexForm deliberationId={deliberation.id} /> : null}
      </section>

      <section aria-labelledby="section-appel" className="flex flex-col gap-3">
        <h2 id="section-appel" className="text-2xl font-bold">2. Appel et pouvoirs</h2>
        {draft && canEdit ? (
          <p>
            L&apos;appel se fait d&apos;ordinaire une fois pour toute la séance :{" "}
            <Link href={`/admin/seances/${deliberation.sitting.id}/appel`}>appel de la séance, avec les arrivées et les départs</Link>. Ci-dessous, la liste de
            cette seule délibération.
          </p>
        ) : null}
        {draft && canEdit ? (
          <RollCallForm
            councillors={councillors.map((councillor) => ({ id: councillor.id, name: names.get(councillor.id)! }))}
            initialEntries={councillors.map((councillor) => {
              const entry = attendanceById.get(councillor.id);
              return { councillorId: councillor.id, status: entry?.status ?? "PRESENT", proxyHolderId: entry?.proxyHolderId ?? "", note: entry?.note ?? "" };
            })}
            sittingDay={sittingDate}
            membersInOffice={deliberation.sitting.membersInOffice}
            reconvened={deliberation.sitting.reconvened}
            windows={windows}
            submit={recordAttendanceAction.bind(null, deliberation.id)}
          />
        ) : (
          <p>{describeAttendanceCounts(countAttendance(deliberation.attendances))}.</p>
        )}
        {draft && canEdit && !deliberation.attendances.length ? <p className="text-muted">L&apos;appel n&apos;est pas encore enregistré pour cette délibération.</p> : null}
      </section>

      <section aria-labelledby="section-vote" className="flex flex-col gap-3">
        <h2 id="section-vote" className="text-2xl font-bold">3. Vote</h2>
        {deliberation.vote ? (
          <div>
            <p>
              {deliberation.vote.secret ? "Scrutin secret" : "Vote public"} : {deliberation.vote.votesFor} pour, {deliberation.vote.votesAgainst} contre,{" "}
              {countOf(deliberation.vote.abstentions, "abstention")}, {deliberation.vote.nonParticipation} {agree(deliberation.vote.nonParticipation, "ne prend", "ne prennent")} pas part au vote.
            </p>
            {deliberation.vote.choices.length ? (
              <ul className="list-disc pl-6">
                {deliberation.vote.choices.map((choice) => (
                  <li key={choice.councillorId}>
                    {names.get(choice.councillorId) ?? choice.councillorId} : {voteChoiceInSentence(choice.choice)}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : draft && canEdit && deliberation.attendances.length ? (
          <div className="flex flex-col gap-4">
            {previous?.vote ? (
              <div className="flex flex-col gap-2 rounded border border-line p-3">
                <p>
                  La version {previous.version} a été votée ainsi : {previous.vote.secret ? "scrutin secret, " : ""}
                  {previous.vote.votesFor} pour, {previous.vote.votesAgainst} contre, {countOf(previous.vote.abstentions, "abstention")}, {previous.vote.nonParticipation}{" "}
                  {agree(previous.vote.nonParticipation, "ne prenant", "ne prenant")} pas part au vote. Reprenez ce vote (les mêmes choix, élu par élu) ou saisissez-en un autre ci-dessous.
                </p>
                <StatusButton
                  label={`Reprendre le vote de la version ${previous.version}`}
                  confirmation={`Enregistrer pour cette version le vote de la version ${previous.version} ?`}
                  run={copyPreviousVoteAction.bind(null, deliberation.id)}
                />
              </div>
            ) : null}
            <VoteForm voters={voters} membersInOffice={deliberation.sitting.membersInOffice} groups={groups} previousVote={previousVote} submit={recordVoteAction.bind(null, deliberation.id)} />
          </div>
        ) : (
          <p>{draft ? "Enregistrez d'abord l'appel." : "Pas de vote."}</p>
        )}
      </section>

      <section aria-labelledby="section-transmission" className="flex flex-col gap-3">
        <h2 id="section-transmission" className="text-2xl font-bold">4. Transmission en préfecture</h2>
        {deliberation.prefectureReceipt ? (
          <>
            <p>
              Accusé de réception {deliberation.prefectureReceipt.actesId}, reçu le {formatDateFr(isoDay(deliberation.prefectureReceipt.receivedAt))}
              {deliberation.prefectureReceipt.signedAt ? `, acte signé le ${formatDateFr(isoDay(deliberation.prefectureReceipt.signedAt))}` : ""}
              {deliberation.postedAt ? `, compte rendu affiché le ${formatDateFr(isoDay(deliberation.postedAt))}` : ""}.
            </p>
            {deliberation.status === "TRANSMITTED" && canEdit ? (
              <details className="rounded border border-line p-3">
                <summary className="cursor-pointer font-medium">Corriger l&apos;accusé de réception ou les dates (jusqu&apos;à la publication)</summary>
                <div className="mt-3">
                  <ReceiptForm
                    expected={receiptExpected}
                    initialValues={receiptValues(deliberation.prefectureReceipt, deliberation.postedAt)}
                    submitLabel="Enregistrer la correction"
                    submit={correctReceiptAction.bind(null, deliberation.id)}
                  />
                </div>
              </details>
            ) : null}
          </>
        ) : events.includes("TRANSMIT") ? (
          <>
            {previous?.prefectureReceipt ? <p>Repris de la version {previous.version} : vérifiez ou corrigez avant d&apos;enregistrer.</p> : null}
            <ReceiptForm
              expected={receiptExpected}
              initialValues={previous?.prefectureReceipt ? receiptValues(previous.prefectureReceipt, previous.postedAt) : undefined}
              submit={recordReceiptAction.bind(null, deliberation.id)}
            />
          </>
        ) : (
          <p>Pas encore transmise.</p>
        )}
      </section>

      <section aria-labelledby="section-publication" className="flex flex-col gap-3">
        <h2 id="section-publication" className="text-2xl font-bold">5. Publication</h2>
        {deliberation.publishedAt ? (
          <p>Publiée le {formatDateFr(deliberation.publishedAt, timeZone)}.</p>
        ) : events.includes("PUBLISH") ? (
          <PublishForm number={deliberation.number} submit={publishDeliberationAction.bind(null, deliberation.id)} />
        ) : (
          <p>Non publiée.</p>
        )}
        {events.includes("RECTIFY") && !deliberation.nextVersion ? (
          <div className="flex flex-col gap-2">
            <h3 className="text-xl font-bold">Rectifier</h3>
            <p>Une délibération publiée ne se modifie pas : la rectification crée une nouvelle version, la version publiée reste consultable.</p>
            <RectifyForm submit={rectifyDeliberationAction.bind(null, deliberation.id)} />
          </div>
        ) : null}
      </section>

      {events.some((event) => event === "WITHDRAW" || event === "REINSTATE" || event === "CANCEL_VOTE") ? (
        <section aria-labelledby="section-etat" className="flex flex-col gap-3">
          <h2 id="section-etat" className="text-2xl font-bold">Changer l&apos;état</h2>
          {events.includes("WITHDRAW") ? (
            <StatusButton label="Retirer de l'ordre du jour" confirmation="Retirer ce projet de l'ordre du jour ?" run={changeDeliberationStatusAction.bind(null, deliberation.id, "WITHDRAW")} />
          ) : null}
          {events.includes("REINSTATE") ? (
            <StatusButton label="Remettre en projet" confirmation="Remettre cette délibération en projet ?" run={changeDeliberationStatusAction.bind(null, deliberation.id, "REINSTATE")} />
          ) : null}
          {events.includes("CANCEL_VOTE") ? (
            <StatusButton label="Annuler le vote pour le corriger" confirmation="Annuler le vote enregistré ? Le décompte sera effacé." run={changeDeliberationStatusAction.bind(null, deliberation.id, "CANCEL_VOTE")} />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
