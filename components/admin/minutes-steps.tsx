"use client";

import { useRouter } from "next/navigation";
import { FormStatus, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { ActionResult } from "@/lib/validations/action-result";
import { adoptMinutesSchema, correctMinutesSchema, submitMinutesSchema } from "@/lib/validations/minutes";

// The PV's workflow steps that take fields: submission to a later sitting,
// the adoption vote, the reason of a new version.

type Submit<Values> = (values: Values) => Promise<ActionResult<{ id: string }>>;

export function SubmitMinutesForm({ sittings, submit }: { sittings: readonly { value: string; label: string }[]; submit: Submit<{ approvingSittingId: string }> }) {
  const router = useRouter();
  const form = useZodForm({ schema: submitMinutesSchema, initialValues: { approvingSittingId: sittings[0]?.value ?? "" }, submit, onSuccess: () => router.refresh() });
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-2xl flex-col gap-4" aria-label="Soumission du procès-verbal">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <SelectField
        id="approvingSittingId"
        label="Séance qui adoptera le procès-verbal"
        hint="La séance suivante, en principe (article L2121-15 du CGCT) : son ordre du jour reçoit le point « Approbation du procès-verbal »."
        value={form.values.approvingSittingId}
        onChange={form.set("approvingSittingId")}
        options={sittings}
        placeholder="Choisissez une séance"
        errors={form.errors.approvingSittingId}
        required
      />
      <SubmitButton pending={form.pending}>Soumettre le procès-verbal à cette séance</SubmitButton>
    </form>
  );
}

export function AdoptMinutesForm({ submit }: { submit: Submit<{ votesFor: string; votesAgainst: string; abstentions: string; observations: string }> }) {
  const router = useRouter();
  const form = useZodForm({ schema: adoptMinutesSchema, initialValues: { votesFor: "", votesAgainst: "0", abstentions: "0", observations: "" }, submit, onSuccess: () => router.refresh() });
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-2xl flex-col gap-4" aria-label="Adoption du procès-verbal">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField id="votesFor" label="Voix pour" inputMode="numeric" value={form.values.votesFor} onChange={form.set("votesFor")} errors={form.errors.votesFor} required />
        <TextField id="votesAgainst" label="Voix contre" inputMode="numeric" value={form.values.votesAgainst} onChange={form.set("votesAgainst")} errors={form.errors.votesAgainst} required />
        <TextField id="abstentions" label="Abstentions" inputMode="numeric" value={form.values.abstentions} onChange={form.set("abstentions")} errors={form.errors.abstentions} required />
      </div>
      <TextAreaField
        id="observations"
        label="Observations des membres"
        hint="Les observations faites lors de l'adoption, s'il y en a : elles figurent au procès-verbal publié."
        value={form.values.observations}
        onChange={form.set("observations")}
        errors={form.errors.observations}
        rows={3}
      />
      <SubmitButton pending={form.pending}>Enregistrer l&apos;adoption</SubmitButton>
    </form>
  );
}

export function CorrectMinutesForm({ submit }: { submit: Submit<{ reason: string }> }) {
  const router = useRouter();
  const form = useZodForm({ schema: correctMinutesSchema, initialValues: { reason: "" }, submit, onSuccess: () => router.refresh() });
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-2xl flex-col gap-4" aria-label="Correction du procès-verbal">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <TextAreaField id="reason" label="Ce que corrige la nouvelle version" value={form.values.reason} onChange={form.set("reason")} errors={form.errors.reason} rows={2} required />
      <SubmitButton pending={form.pending}>Créer une nouvelle version</SubmitButton>
    </form>
  );
}
