"use client";

import { useRouter } from "next/navigation";
import { CheckboxField, FormStatus, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { ActionResult } from "@/lib/validations/action-result";
import { COUNCILLOR_ROLE_OPTIONS, councillorSchema, type CouncillorInput } from "@/lib/validations/councillor";

export function CouncillorForm({
  initialValues,
  submit,
  submitLabel,
  redirectTo,
}: {
  initialValues: CouncillorInput;
  submit: (values: CouncillorInput) => Promise<ActionResult<{ id: string }>>;
  submitLabel: string;
  redirectTo?: string;
}) {
  const router = useRouter();
  const form = useZodForm({
    schema: councillorSchema,
    initialValues,
    submit,
    onSuccess: () => {
      if (redirectTo) router.push(redirectTo);
      router.refresh();
    },
  });
  const { values, set, errors } = form;
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-xl flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <SelectField
        id="civility"
        label="Civilité"
        required
        value={values.civility}
        onChange={(value) => set("civility")(value as CouncillorInput["civility"])}
        options={[
          { value: "MADAME", label: "Madame" },
          { value: "MONSIEUR", label: "Monsieur" },
        ]}
        errors={errors.civility}
      />
      <TextField id="firstName" label="Prénom" required autoComplete="off" value={values.firstName} onChange={set("firstName")} errors={errors.firstName} />
      <TextField id="lastName" label="Nom" required autoComplete="off" hint="Tel qu'il s'écrit dans les actes, par exemple BOUDON." value={values.lastName} onChange={set("lastName")} errors={errors.lastName} />
      <SelectField id="role" label="Fonction" required value={values.role} onChange={(value) => set("role")(value as CouncillorInput["role"])} options={COUNCILLOR_ROLE_OPTIONS} errors={errors.role} />
      <TextField id="roleLabel" label="Libellé de la fonction (facultatif)" hint="Quand il dit plus que la fonction : « 1er adjoint », « délégué aux finances »." value={values.roleLabel ?? ""} onChange={set("roleLabel")} errors={errors.roleLabel} />
      <TextField id="mandateStart" label="Début du mandat" type="date" required value={values.mandateStart} onChange={set("mandateStart")} errors={errors.mandateStart} />
      <TextField id="mandateEnd" label="Fin du mandat (facultatif)" type="date" value={values.mandateEnd ?? ""} onChange={set("mandateEnd")} errors={errors.mandateEnd} />
      <TextField
        id="email"
        label="Adresse électronique pour les convocations (facultatif)"
        type="email"
        autoComplete="off"
        hint="La convocation lui est envoyée par courriel (article L2121-10 du CGCT). Cette adresse n'est jamais publiée."
        value={values.email ?? ""}
        onChange={set("email")}
        errors={errors.email}
      />
      <CheckboxField
        id="paperOnRequest"
        label="Convocation sur papier, à sa demande"
        hint="L'élu a demandé à recevoir la convocation par écrit, à son domicile ou à une autre adresse. Non publié."
        checked={values.paperOnRequest ?? false}
        onChange={set("paperOnRequest")}
      />
      <SubmitButton pending={form.pending}>{submitLabel}</SubmitButton>
    </form>
  );
}
