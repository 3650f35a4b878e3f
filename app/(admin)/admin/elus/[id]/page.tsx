import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CouncillorForm } from "@/components/admin/councillor-form";
import { EndMandateForm } from "@/components/admin/end-mandate-form";
import { EDITOR_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { isoDay } from "@/lib/domain/calendar";
import { getCouncillor } from "@/lib/councillors/get-councillor";
import { getPrisma } from "@/lib/db/prisma";
import { formatCouncillorName, formatDateShortFr, roleLabel } from "@/lib/domain/format";
import { isAppError } from "@/lib/errors";
import { endCouncillorMandateAction, updateCouncillorAction } from "../actions";

export const metadata: Metadata = { title: "Élu · Espace du greffe" };

export default async function CouncillorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getPageUser();
  const councillor = await getCouncillor({ db: getPrisma(), actor, id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const name = formatCouncillorName(councillor);
  const canEdit = Boolean(actor && EDITOR_ROLES.includes(actor.role));
  if (!canEdit) {
    return (
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{name}</h1>
        <p>{councillor.roleLabel ?? roleLabel(councillor.role, councillor.civility)}</p>
        <p>Mandat depuis le {formatDateShortFr(isoDay(councillor.mandateStart))}{councillor.mandateEnd ? `, terminé le ${formatDateShortFr(isoDay(councillor.mandateEnd))}` : ""}.</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{name}</h1>
      <section aria-labelledby="modifier" className="flex flex-col gap-3">
        <h2 id="modifier" className="text-2xl font-bold">Modifier</h2>
        <CouncillorForm
          initialValues={{
            civility: councillor.civility,
            firstName: councillor.firstName,
            lastName: councillor.lastName,
            role: councillor.role,
            roleLabel: councillor.roleLabel ?? "",
            mandateStart: isoDay(councillor.mandateStart),
            mandateEnd: isoDay(councillor.mandateEnd),
            email: councillor.email ?? "",
            paperOnRequest: councillor.paperOnRequest,
          }}
          submit={updateCouncillorAction.bind(null, councillor.id)}
          submitLabel="Enregistrer les modifications"
        />
      </section>
      {councillor.mandateEnd ? null : (
        <section aria-labelledby="fin" className="flex flex-col gap-3">
          <h2 id="fin" className="text-2xl font-bold">Terminer le mandat</h2>
          <p>L&apos;élu reste dans les actes passés ; il n&apos;apparaît plus dans les appels des séances suivantes.</p>
          <EndMandateForm submit={endCouncillorMandateAction.bind(null, councillor.id)} />
        </section>
      )}
    </div>
  );
}
