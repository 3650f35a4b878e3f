"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { FormStatus, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import type { DerogationWindow } from "@/lib/domain/derogations";
import type { ActionResult } from "@/lib/validations/action-result";
import { derogationWindowSchemaAmong, type DerogationWindowInput } from "@/lib/validations/derogation-window";
import { useZodForm } from "@/components/forms/use-zod-form";

/** One derogation window: its days, quorum fraction, proxies per holder and legal basis, checked by the domain among the others. */
export function DerogationWindowForm({
  idPrefix,
  initialValues,
  others,
  submit,
  submitLabel,
}: {
  /** Several forms share the page: their fields' ids start with this. */
  idPrefix: string;
  initialValues: DerogationWindowInput;
  others: readonly DerogationWindow[];
  submit: (values: DerogationWindowInput) => Promise<ActionResult<{ id: string }>>;
  submitLabel: string;
}) {
  const router = useRouter();
  const schema = useMemo(() => derogationWindowSchemaAmong(others), [others]);
  const form = useZodForm({ schema, initialValues, submit, onSuccess: () => router.refresh() });
  const { values, set, errors } = form;
  const id = (field: keyof DerogationWindowInput) => `${idPrefix}-${field}`;
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex flex-col gap-3">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id={id("from")} label="Premier jour" type="date" required value={values.from} onChange={set("from")} errors={errors.from} />
        <TextField id={id("to")} label="Dernier jour" type="date" required value={values.to} onChange={set("to")} errors={errors.to} />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="font-semibold">Quorum : part des membres en exercice qui doivent être présents</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField id={id("quorumNumerator")} label="Numérateur" required inputMode="numeric" value={values.quorumNumerator} onChange={set("quorumNumerator")} errors={errors.quorumNumerator} />
          <TextField
            id={id("quorumDenominator")}
            label="Dénominateur"
            required
            inputMode="numeric"
            hint="1 et 3 pour un tiers."
            value={values.quorumDenominator}
            onChange={set("quorumDenominator")}
            errors={errors.quorumDenominator}
          />
        </div>
      </fieldset>
      <TextField
        id={id("maxProxiesPerHolder")}
        label="Pouvoirs par mandataire, au plus"
        required
        inputMode="numeric"
        hint="Un seul hors dérogation (article L2121-20 du CGCT)."
        value={values.maxProxiesPerHolder}
        onChange={set("maxProxiesPerHolder")}
        errors={errors.maxProxiesPerHolder}
      />
      <TextAreaField id={id("legalBasis")} label="Fondement juridique" required rows={2} value={values.legalBasis} onChange={set("legalBasis")} errors={errors.legalBasis} />
      <SubmitButton pending={form.pending}>{submitLabel}</SubmitButton>
    </form>
  );
}
