"use client";

import { useRouter } from "next/navigation";
import { FormStatus, SubmitButton, TextField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import { ACTES_NATURE_LABELS, checkActesId, parseActesId } from "@/lib/domain/actes";
import { formatDateFr } from "@/lib/domain/format";
import type { ActionResult } from "@/lib/validations/action-result";
import { receiptSchema, type ReceiptInput } from "@/lib/validations/deliberation";

const EMPTY_RECEIPT: ReceiptInput = { actesId: "", receivedAt: "", signedAt: "", postedAt: "" };

/** The prefecture's receipt: the ACTES identifier is read and checked against the municipality and the sitting as it is typed. */
export function ReceiptForm({
  expected,
  submit,
  initialValues = EMPTY_RECEIPT,
  submitLabel = "Enregistrer l'accusé de réception",
}: {
  expected: { departmentCode: string; siren: string; sittingDate: string };
  submit: (values: ReceiptInput) => Promise<ActionResult<{ id: string }>>;
  /** The receipt being corrected, or the one of the version a rectification replaces. */
  initialValues?: ReceiptInput;
  submitLabel?: string;
}) {
  const router = useRouter();
  const form = useZodForm({ schema: receiptSchema, initialValues, submit, onSuccess: () => router.refresh() });
  const { values, set, errors } = form;
  const parsed = values.actesId.trim() ? parseActesId(values.actesId) : null;
  const issues = parsed?.ok ? checkActesId(parsed.value, { ...expected, nature: "DE" }) : [];
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-2xl flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <TextField id="actesId" label="Identifiant ACTES de l'accusé de réception" hint="Par exemple 013-211300017-20220407-lmc1210471-DE-1-1." required autoComplete="off" value={values.actesId} onChange={set("actesId")} errors={errors.actesId} />
      <div aria-live="polite" className="text-sm">
        {parsed === null ? null : parsed.ok ? (
          <div className={`rounded border p-2 ${issues.length ? "border-danger" : "border-success"}`}>
            <p>
              Département {parsed.value.department} · SIREN {parsed.value.siren} · acte du {formatDateFr(parsed.value.date)} · n° {parsed.value.internalNumber} ·{" "}
              {ACTES_NATURE_LABELS[parsed.value.nature]}
            </p>
            {issues.length ? <p className="font-medium text-danger">{issues.map((issue) => issue.message).join(" ")}</p> : <p className="text-success">Identifiant conforme à la collectivité et à la séance.</p>}
          </div>
        ) : (
          <p className="font-medium text-danger">{parsed.reason}</p>
        )}
      </div>
      <TextField id="receivedAt" label="Date de réception en préfecture" type="date" required value={values.receivedAt} onChange={set("receivedAt")} errors={errors.receivedAt} />
      <TextField id="signedAt" label="Date de signature de l'acte" type="date" required value={values.signedAt} onChange={set("signedAt")} errors={errors.signedAt} />
      <TextField id="postedAt" label="Date d'affichage du compte rendu (facultatif)" type="date" value={values.postedAt ?? ""} onChange={set("postedAt")} errors={errors.postedAt} />
      <SubmitButton pending={form.pending}>{submitLabel}</SubmitButton>
    </form>
  );
}
