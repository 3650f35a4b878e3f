"use client";

import type { ChangeEvent, ReactNode } from "react";
import { formatDateFr, formatTimeFr } from "@/lib/domain/format";

// Form fields with their label, hint and errors tied by aria-describedby;
// an invalid field says so (aria-invalid) and its message sits right under it.

type Common = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
};

function describedBy(id: string, hint?: string, errors?: string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldShell({ id, label, hint, errors, required, children }: Common & { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

const INPUT_CLASS =
  "w-full rounded border border-ink bg-white px-3 py-2 text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-danger";

export function TextField(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    type?: "text" | "email" | "password" | "date" | "time" | "search" | "number";
    autoComplete?: string;
    inputMode?: "text" | "numeric";
    placeholder?: string;
  },
) {
  const { id, value, onChange, type = "text", autoComplete, inputMode, placeholder, ...shell } = props;
  return (
    <FieldShell id={id} {...shell}>
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        placeholder={placeholder}
        required={shell.required}
        aria-invalid={shell.errors?.length ? true : undefined}
        aria-describedby={describedBy(id, shell.hint, shell.errors)}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        className={INPUT_CLASS}
      />
    </FieldShell>
  );
}

export function TextAreaField(props: Common & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { id, value, onChange, rows = 8, ...shell } = props;
  return (
    <FieldShell id={id} {...shell}>
      <textarea
        id={id}
        name={id}
        value={value}
        rows={rows}
        required={shell.required}
        aria-invalid={shell.errors?.length ? true : undefined}
        aria-describedby={describedBy(id, shell.hint, shell.errors)}
        onChange={(event) => onChange(event.target.value)}
        className={`${INPUT_CLASS} font-mono text-sm`}
      />
    </FieldShell>
  );
}

export function SelectField(
  props: Common & { value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[]; placeholder?: string },
) {
  const { id, value, onChange, options, placeholder, ...shell } = props;
  return (
    <FieldShell id={id} {...shell}>
      <select
        id={id}
        name={id}
        value={value}
        required={shell.required}
        aria-invalid={shell.errors?.length ? true : undefined}
        aria-describedby={describedBy(id, shell.hint, shell.errors)}
        onChange={(event) => onChange(event.target.value)}
        className={INPUT_CLASS}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField(props: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={props.id}
        name={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        className="mt-1 size-4"
      />
      <div>
        <label htmlFor={props.id} className="font-medium">
          {props.label}
        </label>
        {props.hint ? (
          <p id={`${props.id}-hint`} className="text-sm text-muted">
            {props.hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** The form's summary, announced politely when it changes (errors, or success). */
export function FormStatus({ message, tone }: { message: string | null; tone: "error" | "success" }) {
  return (
    <div aria-live="polite" role="status">
      {message ? (
        <p className={`rounded border-l-4 px-4 py-3 ${tone === "error" ? "border-danger bg-danger-soft text-ink" : "border-success bg-success-soft text-ink"}`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="self-start rounded bg-brand px-5 py-2 font-medium text-white hover:bg-brand-hover disabled:opacity-70"
    >
      {pending ? "Enregistrement…" : children}
    </button>
  );
}

/** Offers back what was typed in this form and not saved, found in this browser. */
export function LocalDraftNotice({ draft }: { draft: { restorable: { savedAt: string } | null; restore: () => void; discard: () => void } }) {
  if (!draft.restorable) return null;
  const savedAt = new Date(draft.restorable.savedAt);
  // Shown only in the browser (the draft lives there): read on this device's own clock.
  const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div role="region" aria-label="Saisie non enregistrée" className="flex flex-col gap-2 rounded border-l-4 border-brand bg-brand-soft px-4 py-3">
      <p>
        Une saisie non enregistrée de ce formulaire, du {formatDateFr(savedAt, deviceZone)} à {formatTimeFr(savedAt, deviceZone)}, est conservée sur cet appareil.
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={draft.restore} className="rounded bg-brand px-3 py-1 font-medium text-white hover:bg-brand-hover">
          Reprendre cette saisie
        </button>
        <button type="button" onClick={draft.discard} className="rounded border border-brand bg-white px-3 py-1 text-brand hover:bg-brand-soft">
          L&apos;écarter
        </button>
      </div>
    </div>
  );
}
