import type { Metadata } from "next";
import { CouncillorForm } from "@/components/admin/councillor-form";
import { EMPTY_COUNCILLOR } from "@/lib/validations/councillor";
import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
import { EDITOR_ROLES } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";
import { createCouncillorAction } from "../actions";

export const metadata: Metadata = { title: "Ajouter un élu · Espace du greffe" };

export default async function NewCouncillorPage() {
  const actor = await getPageUser();
  if (!actor || !EDITOR_ROLES.includes(actor.role)) return <ForbiddenNotice title="Ajouter un élu" />;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">Ajouter un élu</h1>
      <p className="text-sm text-muted">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      <CouncillorForm initialValues={EMPTY_COUNCILLOR} submit={createCouncillorAction} submitLabel="Enregistrer l'élu" redirectTo="/admin/elus" />
    </div>
  );
}
