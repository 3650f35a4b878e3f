import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MinutesForm } from "@/components/admin/minutes-form";
import { AdoptMinutesForm, CorrectMinutesForm, SubmitMinutesForm } from "@/components/admin/minutes-steps";
import { StatusButton } from "@/components/admin/status-button";
import { MinutesPreview } from "@/components/minutes/minutes-preview";
import { EDITOR_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { formatDateFr, formatTimeFr, MINUTES_STATUS_LABELS } from "@/lib/domain";
import { isAppError } from "@/lib/errors";
import { getMinutesForEdit } from "@/lib/minutes/get-minutes-for-edit";
import { getPublicSittingSlug } from "@/lib/sittings/public-sitting-slug";
import { adoptMinutesAction, correctMinutesAction, publishMinutesAction, saveMinutesAction, submitMinutesAction, withdrawMinutesAction } from "./actions";

export const metadata: Metadata = { title: "Procès-verbal · Espace du greffe" };

export default async function AdminMinutesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getPageUser();
  const db = getPrisma();
  const view = await getMinutesForEdit({ db, actor, sittingId: id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { sitting, minutes, record } = view;
  const zone = sitting.zone;
  const canEdit = EDITOR_ROLES.includes(actor.role);
  const status = minutes?.status ?? "DRAFT";
  const editable = canEdit && sitting.held && (status === "DRAFT" || status === "SUBMITTED");
  const slug = minutes?.publishedAt ? await getPublicSittingSlug({ municipalityId: actor.municipalityId, sittingId: sitting.id, startsAt: sitting.startsAt }) : null;
  const day = formatDateFr(sitting.startsAt, zone);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <p>
          <Link href={`/admin/seances/${sitting.id}`}>Retour à la séance</Link>
        </p>
        <h1 className="text-3xl font-bold">Procès-verbal de la séance du {day}</h1>
        <p className="mt-1" role="status">
          État : {minutes ? MINUTES_STATUS_LABELS[minutes.status] : "pas encore commencé"}
          {minutes && minutes.version > 1 ? ` · version ${minutes.version} (${minutes.correctionReason ?? ""})` : ""}
          {minutes?.approvingSitting ? ` · soumis à la séance du ${formatDateFr(minutes.approvingSitting.day)}` : ""}
          {minutes?.adoptedOn ? ` · adopté le ${formatDateFr(minutes.adoptedOn)} (${minutes.adoptionResult ?? ""})` : ""}
          {minutes?.publishedAt ? ` · publié le ${formatDateFr(minutes.publishedAt, zone)} à ${formatTimeFr(minutes.publishedAt, zone)}` : ""}
        </p>
        {slug ? (
          <p className="mt-1">
            <a href={`/seances/${slug}/proces-verbal.pdf`}>Télécharger le procès-verbal signé (PDF)</a>
          </p>
        ) : null}
      </div>

      {!sitting.held ? <p>La séance n&apos;a pas encore eu lieu : son procès-verbal se rédige après la séance.</p> : null}

      <section aria-labelledby="composition" className="flex flex-col gap-3">
        <h2 id="composition" className="text-2xl font-bold">Ce que les enregistrements de la séance établissent</h2>
        <p className="text-muted">
          Appel, présences en cours de séance, quorum, rapports, votes et votes nominatifs viennent des délibérations de la séance : ils ne se ressaisissent pas ici.
        </p>
        <MinutesPreview record={record} zone={zone} />
      </section>

      {editable ? (
        <section aria-labelledby="redaction" className="flex flex-col gap-3">
          <h2 id="redaction" className="text-2xl font-bold">Rédaction</h2>
          <MinutesForm
            sittingId={sitting.id}
            initialValues={view.texts}
            items={record.items.map(({ key, position, title }) => ({ key, position, title }))}
            submit={saveMinutesAction.bind(null, sitting.id)}
          />
        </section>
      ) : null}

      {canEdit && minutes?.status === "DRAFT" ? (
        <section aria-labelledby="soumission" className="flex flex-col gap-3">
          <h2 id="soumission" className="text-2xl font-bold">Soumettre au conseil</h2>
          {view.laterSittings.length ? (
            <SubmitMinutesForm
              sittings={view.laterSittings.map((later) => ({ value: later.id, label: `Séance du ${formatDateFr(later.day)} à ${formatTimeFr(later.startsAt, zone)}` }))}
              submit={submitMinutesAction.bind(null, sitting.id)}
            />
          ) : (
            <p>
              Aucune séance postérieure n&apos;est encore créée : <Link href="/admin/seances/nouvelle">créez la prochaine séance</Link>, puis soumettez-lui ce procès-verbal.
            </p>
          )}
        </section>
      ) : null}

      {canEdit && minutes?.status === "SUBMITTED" ? (
        <section aria-labelledby="adoption" className="flex flex-col gap-3">
          <h2 id="adoption" className="text-2xl font-bold">Adoption en séance</h2>
          <p>Le vote d&apos;approbation, à l&apos;ouverture de la séance du {minutes.approvingSitting ? formatDateFr(minutes.approvingSitting.day) : "…"}.</p>
          <AdoptMinutesForm submit={adoptMinutesAction.bind(null, sitting.id)} />
          <StatusButton
            label="Retirer la soumission"
            confirmation="Retirer ce procès-verbal de l'ordre du jour de la séance à laquelle il est soumis ?"
            run={withdrawMinutesAction.bind(null, sitting.id)}
          />
        </section>
      ) : null}

      {canEdit && minutes?.status === "ADOPTED" ? (
        <section aria-labelledby="publication" className="flex flex-col gap-3">
          <h2 id="publication" className="text-2xl font-bold">Publication</h2>
          <p>Publié, le procès-verbal est signé électroniquement et mis en ligne ; il ne peut plus être modifié (une correction sera une nouvelle version).</p>
          <StatusButton
            label="Signer et publier le procès-verbal"
            confirmation="Publier ce procès-verbal ? Il ne pourra plus être modifié."
            run={publishMinutesAction.bind(null, sitting.id)}
          />
        </section>
      ) : null}

      {canEdit && minutes?.status === "PUBLISHED" ? (
        <section aria-labelledby="correction" className="flex flex-col gap-3">
          <h2 id="correction" className="text-2xl font-bold">Corriger le procès-verbal publié</h2>
          <CorrectMinutesForm submit={correctMinutesAction.bind(null, sitting.id)} />
        </section>
      ) : null}
    </div>
  );
}
