import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { SittingRollCallForm } from "@/components/admin/sitting-roll-call-form";
import { EDITOR_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { localDay } from "@/lib/domain/calendar";
import { formatDateFr, formatTimeFr } from "@/lib/domain/format";
import { WORKFLOW_STATUS_LABELS } from "@/lib/domain/workflow";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { isAppError } from "@/lib/errors";
import { getSittingRollCall } from "@/lib/sittings/get-sitting-roll-call";
import { recordSittingRollCallAction } from "../../actions";

export const metadata: Metadata = { title: "Appel de la séance · Espace du greffe" };

export default async function SittingRollCallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getPageUser();
  if (!actor || !EDITOR_ROLES.includes(actor.role)) return <ForbiddenNotice title="Appel de la séance" />;
  const { sitting, councillors, deliberations, membersInOffice, windows, rollCall } = await getSittingRollCall({ db: getPrisma(), actor, sittingId: id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { timeZone } = await getCurrentMunicipality();
  const heading = `Appel de la séance du ${formatDateFr(sitting.startsAt, timeZone)} à ${formatTimeFr(sitting.startsAt, timeZone)}`;
  return (
    <div className="flex flex-col gap-4">
      <p>
        <Link href={`/admin/seances/${sitting.id}`}>Retour à la séance</Link>
      </p>
      <h1 className="text-3xl font-bold">{heading}</h1>
      <p>
        Un seul appel pour toute la séance ({sitting.place}) : l&apos;appel à l&apos;ouverture, puis les arrivées et les départs. La liste de présence de
        chaque projet de délibération en découle à l&apos;enregistrement ; celle d&apos;une délibération déjà votée ne change plus.
      </p>
      {deliberations.length ? (
        <SittingRollCallForm
          councillors={councillors}
          deliberations={deliberations.map((deliberation) => ({
            id: deliberation.id,
            number: deliberation.number,
            orderInSitting: deliberation.orderInSitting,
            subject: deliberation.subject,
            editable: deliberation.editable,
            status: deliberation.status,
            statusLabel: WORKFLOW_STATUS_LABELS[deliberation.status],
            label: deliberation.label,
            marks: deliberation.editable ? [] : deliberation.marks,
          }))}
          initialValues={{
            opening: rollCall.opening.map((mark) => ({ ...mark, proxyHolderId: mark.proxyHolderId ?? "", note: mark.note ?? "" })),
            changes: rollCall.changes.map((change) => ({ ...change, proxyHolderId: change.proxyHolderId ?? "", note: change.note ?? "" })),
          }}
          sittingDay={localDay(sitting.startsAt, timeZone)}
          membersInOffice={membersInOffice}
          reconvened={sitting.reconvened}
          windows={windows}
          submit={recordSittingRollCallAction.bind(null, sitting.id)}
          draftKey={`appel-seance:${sitting.id}`}
        />
      ) : (
        <p>
          Cette séance n&apos;a pas encore de délibération : l&apos;appel s&apos;enregistre pour chacune.{" "}
          <Link href={`/admin/seances/${sitting.id}/deliberations/nouvelle`}>Ajouter une délibération</Link>
        </p>
      )}
    </div>
  );
}
