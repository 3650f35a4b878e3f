"use client";

import { useRouter } from "next/navigation";
import { FormStatus, SubmitButton, TextField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { ActionResult } from "@/lib/validations/action-result";
import { publishSchema, type PublishInput } from "@/lib/validations/deliberation";

export function PublishForm({ submit }: { submit: (values: PublishInput) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const form = useZodForm({ schema: publishSchema, initialValues: { publishedOn: "", publishedAtTime: "" }, submit, onSuccess: () => router.refresh() });
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-2xl flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <p>
        Publier rend la délibération publique immédiatement ; elle ne pourra plus être modifiée, seulement rectifiée. Laissez la date vide pour
        publier maintenant ; pour un acte d&apos;archive saisi après coup, indiquez la date et l&apos;heure de sa mise en ligne.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="publishedOn" label="Date de mise en ligne (facultatif)" type="date" value={form.values.publishedOn ?? ""} onChange={form.set("publishedOn")} errors={form.errors.publishedOn} />
        <TextField id="publishedAtTime" label="Heure de mise en ligne (facultatif)" type="time" value={form.values.publishedAtTime} onChange={form.set("publishedAtTime")} errors={form.errors.publishedAtTime} />
      </div>
      <SubmitButton pending={form.pending}>Publier la délibération</SubmitButton>
    </form>
  );
}
