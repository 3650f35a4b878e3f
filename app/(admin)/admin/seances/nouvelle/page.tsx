import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { SittingForm } from "@/components/admin/sitting-form";
import { EDITOR_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { councillorOptionsWithMandates } from "@/lib/councillors/councillor-options";
import { getPrisma } from "@/lib/db/prisma";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { EMPTY_SITTING } from "@/lib/validations/sitting";
import { createSittingAction } from "../actions";

export const metadata: Metadata = { title: "Nouvelle séance · Espace du greffe" };

export default async function NewSittingPage() {
  const actor = await getPageUser();
  if (!actor || !EDITOR_ROLES.includes(actor.role)) return <ForbiddenNotice title="Nouvelle séance" />;
  const [councillors, municipality] = await Promise.all([councillorOptionsWithMandates({ db: getPrisma(), actor }), getCurrentMunicipality()]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">Nouvelle séance</h1>
      <p className="text-sm text-muted">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      <SittingForm initialValues={{ ...EMPTY_SITTING, membersInOffice: String(municipality.membersInOffice) }} councillors={councillors} submit={createSittingAction} submitLabel="Créer la séance" redirectToCreated />
    </div>
  );
}
