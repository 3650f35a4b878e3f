"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { FormStatus, SubmitButton, TextField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import { formatDateFr } from "@/lib/domain/format";
import type { ActionResult } from "@/lib/validations/action-result";
import { publishSchema, type PublishInput } from "@/lib/validations/deliberation";

/**
 * Publishing cannot be undone: a first button checks the fields and asks,
 * a second one, in a confirmation step that takes the focus, publishes.
 * Going back keeps what was typed and returns the focus to the first button.
 */
export function PublishForm({ number, submit }: { number: string; submit: (values: PublishInput) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const form = useZodForm({ schema: publishSchema, initialValues: { publishedOn: "", publishedAtTime: "" }, submit, onSuccess: () => router.refresh() });
  const [confirming, setConfirming] = useState(false);
  const confirmation = useRef<HTMLDivElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (confirming) confirmation.current?.focus();
    else if (returnFocus.current) ask.current?.focus();
  }, [confirming]);
  const when = form.values.publishedOn ? `le ${formatDateFr(form.values.publishedOn)}${form.values.publishedAtTime ? ` à ${form.values.publishedAtTime.replace(":", " h ")}` : ""}` : "maintenant";
  return (
    <form
      noValidate
      onSubmit={(event) => {
        if (!confirming) {
          event.preventDefault();
          // The fields are checked before asking; a refusal shows its reasons as usual.
          if (publishSchema.safeParse(form.values).success) setConfirming(true);
          else form.onSubmit(event);
          return;
        }
        form.onSubmit(event);
      }}
      className="flex max-w-2xl flex-col gap-4"
    >
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <p>
        Publier rend la délibération publique immédiatement ; elle ne pourra plus être modifiée, seulement rectifiée. Laissez la date vide pour
        publier maintenant ; pour un acte d&apos;archive saisi après coup, indiquez la date et l&apos;heure de sa mise en ligne.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="publishedOn" label="Date de mise en ligne (facultatif)" type="date" value={form.values.publishedOn ?? ""} onChange={form.set("publishedOn")} errors={form.errors.publishedOn} />
        <TextField id="publishedAtTime" label="Heure de mise en ligne (facultatif)" type="time" value={form.values.publishedAtTime} onChange={form.set("publishedAtTime")} errors={form.errors.publishedAtTime} />
      </div>
      {confirming ? (
        <div
          ref={confirmation}
          tabIndex={-1}
          role="group"
          aria-labelledby="publish-confirm-title"
          aria-describedby="publish-confirm-text"
          className="flex flex-col gap-3 rounded border-2 border-danger p-4"
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            returnFocus.current = true;
            setConfirming(false);
          }}
        >
          <p id="publish-confirm-title" className="font-bold">
            Confirmer la publication de {number} ?
          </p>
          <p id="publish-confirm-text">
            Elle sera publiée {when}, définitivement : ni vous ni personne ne pourra la modifier ou la retirer ; une erreur ne se corrigera que par une
            rectification publiée à côté.
          </p>
          <div className="flex flex-wrap gap-3">
            <SubmitButton pending={form.pending}>Confirmer la publication</SubmitButton>
            <button
              type="button"
              onClick={() => {
                returnFocus.current = true;
                setConfirming(false);
              }}
              className="rounded border border-brand px-4 py-2 text-brand hover:bg-brand-soft"
            >
              Revenir sans publier
            </button>
          </div>
        </div>
      ) : (
        <button ref={ask} type="submit" className="self-start rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-hover">
          Publier la délibération…
        </button>
      )}
    </form>
  );
}
