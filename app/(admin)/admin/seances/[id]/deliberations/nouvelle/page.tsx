import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeliberationForm } from "@/components/admin/deliberation-form";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { EDITOR_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { councillorOptions } from "@/lib/councillors/councillor-options";
import { getPrisma } from "@/lib/db/prisma";
import { proposeDeliberationNumber } from "@/lib/deliberations/propose-deliberation-number";
import { formatDateFr } from "@/lib/domain/format";
import { localDay } from "@/lib/domain/calendar";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { isAppError } from "@/lib/errors";
import { getSitting } from "@/lib/sittings/get-sitting";
import { createDeliberationAction } from "../../../../deliberations/actions";

export const metadata: Metadata = { title: "Nouvelle délibération · Espace du greffe" };

export default async function NewDeliberationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getPageUser();
  if (!actor || !EDITOR_ROLES.includes(actor.role)) return <ForbiddenNotice title="Nouvelle délibération" />;
  const db = getPrisma();
  const sitting = await getSitting({ db, actor, id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { timeZone } = await getCurrentMunicipality();
  const day = localDay(sitting.startsAt, timeZone);
  const [number, councillors] = await Promise.all([
    proposeDeliberationNumber({ db, actor, year: Number(day.slice(0, 4)) }),
    councillorOptions({ db, actor, onDay: day, demo: sitting.isDemo }),
  ]);
  const nextOrder = Math.max(0, ...sitting.deliberations.map((deliberation) => deliberation.orderInSitting)) + 1;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">Nouvelle délibération</h1>
      <p>Séance du {formatDateFr(sitting.startsAt, timeZone)}. Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      <DeliberationForm
        draftKey={`deliberation-nouvelle:${sitting.id}`}
        initialValues={{
          number,
          orderInSitting: String(nextOrder),
          subject: "",
          reportSubject: "",
          rapporteurId: "",
          service: "",
          matterCode: "",
          policyHeading: "",
          report: "",
          proposals: "",
          cosignatoryId: "",
          cosignatoryTitle: "",
        }}
        councillors={councillors}
        submit={createDeliberationAction.bind(null, sitting.id)}
        submitLabel="Enregistrer le projet"
        openCreated
      />
    </div>
  );
}
