"use client";

import { useRouter } from "next/navigation";
import { FormStatus, SubmitButton, TextField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { ActionResult } from "@/lib/validations/action-result";
import { endMandateSchema, type EndMandateInput } from "@/lib/validations/councillor";

export function EndMandateForm({ submit }: { submit: (values: EndMandateInput) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const form = useZodForm({ schema: endMandateSchema, initialValues: { mandateEnd: "" }, submit, onSuccess: () => router.refresh() });
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-xl flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <TextField id="endMandate" label="Dernier jour du mandat" type="date" required value={form.values.mandateEnd} onChange={form.set("mandateEnd")} errors={form.errors.mandateEnd} />
      <SubmitButton pending={form.pending}>Terminer le mandat</SubmitButton>
    </form>
  );
}
