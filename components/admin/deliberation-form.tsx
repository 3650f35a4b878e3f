"use client";

import { useRouter } from "next/navigation";
import { FormStatus, LocalDraftNotice, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { ActionResult } from "@/lib/validations/action-result";
import { deliberationSchema, type DeliberationInput } from "@/lib/validations/deliberation";
import { MarkdownField } from "./markdown-field";
import { MatterPicker } from "./matter-picker";
import type { CouncillorOption } from "./sitting-form";

export function DeliberationForm({
  initialValues,
  councillors,
  submit,
  submitLabel,
  numberLocked,
  openCreated,
  draftKey,
}: {
  initialValues: DeliberationInput;
  councillors: readonly CouncillorOption[];
  submit: (values: DeliberationInput) => Promise<ActionResult<{ id: string }>>;
  submitLabel: string;
  numberLocked?: boolean;
  openCreated?: boolean;
  /** Keeps what is typed in the browser until saved (see useZodForm). */
  draftKey?: string;
}) {
  const router = useRouter();
  const form = useZodForm({
    schema: deliberationSchema,
    initialValues,
    submit,
    draftKey,
    onSuccess: (deliberation) => {
      if (openCreated) router.push(`/admin/deliberations/${deliberation.id}`);
      router.refresh();
    },
  });
  const { values, set, errors } = form;
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-3xl flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <LocalDraftNotice draft={form.draft} />
      <div className="grid gap-4 sm:grid-cols-2">
        {numberLocked ? (
          <p>
            Numéro : <strong>{values.number}</strong> (une rectification garde le numéro)
          </p>
        ) : (
          <TextField id="number" label="Numéro" hint="Proposé dans la suite de l'année ; modifiable." required value={values.number} onChange={set("number")} errors={errors.number} />
        )}
        <TextField id="orderInSitting" label="Rang dans l'ordre du jour" inputMode="numeric" required value={values.orderInSitting} onChange={set("orderInSitting")} errors={errors.orderInSitting} />
      </div>
      <TextField id="subject" label="Objet" required value={values.subject} onChange={set("subject")} errors={errors.subject} />
      <TextField id="reportSubject" label="Intitulé du rapport (s'il diffère de l'objet)" value={values.reportSubject ?? ""} onChange={set("reportSubject")} errors={errors.reportSubject} />
      <SelectField id="rapporteurId" label="Rapporteur" value={values.rapporteurId ?? ""} onChange={set("rapporteurId")} options={councillors} placeholder="— Aucun —" errors={errors.rapporteurId} />
      <TextField id="service" label="Service" value={values.service ?? ""} onChange={set("service")} errors={errors.service} />
      <MatterPicker value={values.matterCode} onChange={set("matterCode")} errors={errors.matterCode} />
      <TextField id="policyHeading" label="Politique publique" value={values.policyHeading ?? ""} onChange={set("policyHeading")} errors={errors.policyHeading} />
      <MarkdownField id="report" label="Rapport" required value={values.report} onChange={set("report")} errors={errors.report} rows={14} />
      <MarkdownField id="proposals" label="Propositions" required value={values.proposals} onChange={set("proposals")} errors={errors.proposals} rows={6} />
      <SelectField id="cosignatoryId" label="Second signataire" value={values.cosignatoryId ?? ""} onChange={set("cosignatoryId")} options={councillors} placeholder="— Aucun —" errors={errors.cosignatoryId} />
      <TextField id="cosignatoryTitle" label="Qualité du second signataire" value={values.cosignatoryTitle ?? ""} onChange={set("cosignatoryTitle")} errors={errors.cosignatoryTitle} />
      <SubmitButton pending={form.pending}>{submitLabel}</SubmitButton>
    </form>
  );
}
