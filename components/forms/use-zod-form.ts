"use client";

import { useState, useTransition } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/validations/action-result";
import { fieldErrorsOf } from "@/lib/validations/parse";

/**
 * A form's state kept in the component: the same zod schema checks it before
 * sending, the server checks it again, and a refusal leaves every typed value
 * in place with the server's errors beside the fields.
 */
export function useZodForm<Values extends Record<string, unknown>, Result>(options: {
  schema: z.ZodType;
  initialValues: Values;
  submit: (values: Values) => Promise<ActionResult<Result>>;
  onSuccess?: (result: Result) => void;
  /** When the form's state is shaped for the screen, what the schema (and the server) receive. */
  toInput?: (values: Values) => unknown;
}) {
  const [values, setValues] = useState<Values>(options.initialValues);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
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
        setErrors({});
        setMessage({ text: result.message ?? "Enregistré.", tone: "success" });
        options.onSuccess?.(result.data);
      } else {
        setErrors(result.errors ?? {});
        setMessage({ text: result.message, tone: "error" });
      }
    });
  };

  return { values, setValues, set, errors, message, pending, onSubmit };
}
