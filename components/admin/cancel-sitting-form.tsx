"use client";

import { useRouter } from "next/navigation";
import { FormStatus, SubmitButton, TextAreaField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { ActionResult } from "@/lib/validations/action-result";
import { sittingCancellationSchema, type SittingCancellationInput } from "@/lib/validations/sitting-cancellation";

/** Cancels a sitting not held, with the reason citizens will read. */
export function CancelSittingForm({ submit }: { submit: (values: SittingCancellationInput) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const form = useZodForm({ schema: sittingCancellationSchema, initialValues: { reason: "" }, submit, onSuccess: () => router.refresh() });
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-2xl flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <TextAreaField
        id="reason"
        label="Motif de l'annulation"
        hint="Il figure sur la page publique de la séance et dans son événement du calendrier, qui passe à « annulé »."
        rows={3}
        value={form.values.reason ?? ""}
        onChange={form.set("reason")}
        errors={form.errors.reason}
      />
      <SubmitButton pending={form.pending}>Annuler la séance</SubmitButton>
    </form>
  );
}
