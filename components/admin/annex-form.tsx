"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { CheckboxField, FormStatus, SubmitButton, TextField } from "@/components/forms/fields";
import type { ActionResult } from "@/lib/validations/action-result";
import { annexSchema, MAX_ANNEX_BYTES } from "@/lib/validations/annex";
import { fieldErrorsOf } from "@/lib/validations/parse";

/** Uploads a PDF annex; the server checks the content, the form keeps the title and choice when it refuses. */
export function AnnexForm({ deliberationId }: { deliberationId: string }) {
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState("");
  const [isPublic, setIsPublic] = useState(true);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      noValidate
      className="flex max-w-2xl flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        const file = fileInput.current?.files?.[0];
        const parsed = annexSchema.safeParse({ title, isPublic });
        const found: Record<string, string[]> = parsed.success ? {} : fieldErrorsOf(parsed.error);
        if (!file) found.file = ["Choisissez le fichier PDF de l'annexe."];
        else if (file.size > MAX_ANNEX_BYTES) found.file = ["Le fichier dépasse 10 Mo."];
        if (Object.keys(found).length || !file) {
          setErrors(found);
          setMessage({ text: "Le formulaire contient des erreurs : corrigez les champs signalés.", tone: "error" });
          return;
        }
        const body = new FormData();
        body.set("title", title);
        body.set("isPublic", String(isPublic));
        body.set("file", file);
        startTransition(async () => {
          const response = await fetch(`/admin/deliberations/${deliberationId}/annexes`, { method: "POST", body });
          const result = (await response.json()) as ActionResult<{ id: string }>;
          if (result.ok) {
            setErrors({});
            setTitle("");
            if (fileInput.current) fileInput.current.value = "";
            setMessage({ text: result.message ?? "Annexe ajoutée.", tone: "success" });
            router.refresh();
          } else {
            setErrors(result.errors ?? {});
            setMessage({ text: result.message, tone: "error" });
          }
        });
      }}
    >
      <FormStatus message={message?.text ?? null} tone={message?.tone ?? "error"} />
      <TextField id="annexTitle" label="Titre de l'annexe" required value={title} onChange={setTitle} errors={errors.title} />
      <div className="flex flex-col gap-1">
        <label htmlFor="annexFile" className="font-medium">
          Fichier PDF (10 Mo au plus)<span aria-hidden="true"> *</span>
        </label>
        <input
          ref={fileInput}
          id="annexFile"
          name="file"
          type="file"
          accept="application/pdf,.pdf"
          aria-invalid={errors.file?.length ? true : undefined}
          aria-describedby={errors.file?.length ? "annexFile-error" : undefined}
        />
        {errors.file?.length ? (
          <p id="annexFile-error" className="text-sm font-medium text-danger">
            {errors.file.join(" ")}
          </p>
        ) : null}
      </div>
      <CheckboxField id="annexPublic" label="Publier l'annexe en ligne" hint="Sinon, elle est consultable en mairie (mention au pied de l'acte)." checked={isPublic} onChange={setIsPublic} />
      <SubmitButton pending={pending}>Ajouter l&apos;annexe</SubmitButton>
    </form>
  );
}
