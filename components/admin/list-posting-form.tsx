"use client";

import { useRouter } from "next/navigation";
import { FormStatus, SubmitButton, TextField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { ActionResult } from "@/lib/validations/action-result";
import { listPostingSchema, type ListPostingInput } from "@/lib/validations/sitting";

/** The posting day of the list of deliberations, entered after the sitting, even once its acts are published. */
export function ListPostingForm({ initialValues, submit }: { initialValues: ListPostingInput; submit: (values: ListPostingInput) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const form = useZodForm({ schema: listPostingSchema, initialValues, submit, onSuccess: () => router.refresh() });
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-2xl flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <TextField
        id="listPostedAt"
        label="Affichage de la liste des délibérations"
        hint="Le jour où la liste a été affichée en mairie (article L2121-25 du CGCT, dans la semaine qui suit la séance)."
        type="date"
        value={form.values.listPostedAt ?? ""}
        onChange={form.set("listPostedAt")}
        errors={form.errors.listPostedAt}
      />
      <SubmitButton pending={form.pending}>Enregistrer la date d&apos;affichage</SubmitButton>
    </form>
  );
}
