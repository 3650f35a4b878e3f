"use client";

import { useRouter } from "next/navigation";
import { FormStatus, SubmitButton, TextAreaField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { ActionResult } from "@/lib/validations/action-result";
import { rectifySchema, type RectifyInput } from "@/lib/validations/deliberation";

export function RectifyForm({ submit }: { submit: (values: RectifyInput) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const form = useZodForm({
    schema: rectifySchema,
    initialValues: { reason: "" },
    submit,
    onSuccess: (rectification) => router.push(`/admin/deliberations/${rectification.id}`),
  });
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-2xl flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <TextAreaField id="reason" label="Motif de la rectification" hint="Publié avec la nouvelle version, par exemple : erreur matérielle dans l'objet." required rows={3} value={form.values.reason} onChange={form.set("reason")} errors={form.errors.reason} />
      <SubmitButton pending={form.pending}>Créer la rectification</SubmitButton>
    </form>
  );
}
