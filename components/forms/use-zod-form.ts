"use client";

import { useEffect, useRef, useState, useTransition, type SetStateAction } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/validations/action-result";
import { fieldErrorsOf } from "@/lib/validations/parse";
import { stillStanding } from "./still-standing";
import { clearLocalDraft, readLocalDraft, writeLocalDraft, type LocalDraft } from "./local-draft";

/**
 * A form's state kept in the component: the same zod schema checks it before
 * sending, the server checks it again, and a refusal leaves every typed value
 * in place with the server's errors beside the fields. With a `draftKey`, what
 * is typed is also kept in the browser until saved, and offered back if the
 * page is left unsaved (see local-draft.ts).
 */
export function useZodForm<Values extends Record<string, unknown>, Result>(options: {
  schema: z.ZodType;
  initialValues: Values;
  submit: (values: Values) => Promise<ActionResult<Result>>;
  onSuccess?: (result: Result) => void;
  /** When the form's state is shaped for the screen, what the schema (and the server) receive. */
  toInput?: (values: Values) => unknown;
  /** Where this form's unsaved input is kept in the browser, e.g. "deliberation:<id>". */
  draftKey?: string;
}) {
  const { draftKey } = options;
  const [values, setStoredValues] = useState<Values>(options.initialValues);
  const [restorable, setRestorable] = useState<LocalDraft<Values> | null>(null);
  // Only what the user changed is kept, always the newest: typing while an older draft is offered
  // replaces it in storage (the offer, held in memory, can still bring the older one back).
  const typing = useRef(false);
  const initialJson = useRef(JSON.stringify(options.initialValues));

  useEffect(() => {
    if (!draftKey) return;
    const draft = readLocalDraft<Values>(draftKey);
    if (!draft) return;
    if (JSON.stringify(draft.values) === initialJson.current) clearLocalDraft(draftKey);
    // Browser storage is only readable after hydration, hence the state set here.
    else setRestorable(draft);
  }, [draftKey]);

  useEffect(() => {
    if (!draftKey || !typing.current) return;
    // Checked again when it fires: a save that succeeded meanwhile has cleared the draft for good.
    const timer = setTimeout(() => typing.current && writeLocalDraft(draftKey, values), 300);
    return () => clearTimeout(timer);
  }, [draftKey, values]);

  const setValues = (next: SetStateAction<Values>) => {
    typing.current = true;
    setStoredValues(next);
  };
  const draft = {
    restorable,
    restore: () => {
      if (!restorable) return;
      typing.current = true;
      setStoredValues(restorable.values);
      setRestorable(null);
    },
    discard: () => {
      // The older draft goes; what was typed since it was offered stays kept.
      if (draftKey && !typing.current) clearLocalDraft(draftKey);
      typing.current = true;
      setRestorable(null);
    },
  };
  // Errors hold for the values they were found in: a field's error goes as soon as the field changes.
  const [refusal, setRefusal] = useState<{ errors: Record<string, string[]>; values: Values }>({ errors: {}, values: options.initialValues });
  const setErrors = (found: Record<string, string[]>) => setRefusal({ errors: found, values });
  const errors = stillStanding(refusal.errors, refusal.values, values);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const [pending, startTransition] = useTransition();

  const set = <Key extends keyof Values>(key: Key) => (value: Values[Key]) => setValues((current) => ({ ...current, [key]: value }));

  const onSubmit = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    const parsed = options.schema.safeParse(options.toInput ? options.toInput(values) : values);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      setMessage({ text: "Le formulaire contient des erreurs : corrigez les champs signalés.", tone: "error" });
      return;
    }
    startTransition(async () => {
      const result = await options.submit(values);
      if (result.ok) {
        if (draftKey) clearLocalDraft(draftKey);
        typing.current = false;
        setErrors({});
        setMessage({ text: result.message ?? "Enregistré.", tone: "success" });
        options.onSuccess?.(result.data);
      } else {
        setErrors(result.errors ?? {});
        setMessage({ text: result.message, tone: "error" });
      }
    });
  };

  return { values, setValues, set, errors, message, pending, onSubmit, draft };
}

