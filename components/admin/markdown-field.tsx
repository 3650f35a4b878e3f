"use client";

import { useState } from "react";
import { TextAreaField } from "@/components/forms/fields";
import { ActText } from "@/components/ui/markdown";

/** A Markdown text with a preview as the public page will show it. */
export function MarkdownField(props: { id: string; label: string; hint?: string; value: string; onChange: (value: string) => void; errors?: string[]; required?: boolean; rows?: number }) {
  const [preview, setPreview] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      {preview ? (
        <div className="flex flex-col gap-1">
          <p className="font-medium">{props.label} : aperçu</p>
          <div id={`${props.id}-preview`} className="rounded border border-line bg-surface p-3">
            {props.value.trim() ? <ActText source={props.value} /> : <p className="text-muted">Rien à afficher.</p>}
          </div>
          {props.errors?.length ? <p className="text-sm font-medium text-danger">{props.errors.join(" ")}</p> : null}
        </div>
      ) : (
        <TextAreaField
          id={props.id}
          label={props.label}
          hint={props.hint ?? "Markdown : **gras**, *italique*, listes commençant par « - », paragraphes séparés par une ligne vide."}
          value={props.value}
          onChange={props.onChange}
          errors={props.errors}
          required={props.required}
          rows={props.rows ?? 10}
        />
      )}
      <button
        type="button"
        aria-pressed={preview}
        onClick={() => setPreview((current) => !current)}
        className="self-start rounded border border-brand px-3 py-1 text-sm text-brand hover:bg-brand-soft"
      >
        {preview ? `Modifier : ${props.label.toLowerCase()}` : `Aperçu : ${props.label.toLowerCase()}`}
      </button>
    </div>
  );
}
