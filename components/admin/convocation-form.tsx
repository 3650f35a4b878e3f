"use client";

import { useRouter } from "next/navigation";
import { CheckboxField, FormStatus, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import { checkConvocationDelay, convocationDelayAccepted, convocationDelayMessage } from "@/lib/domain/convocation";
import type { ActionResult } from "@/lib/validations/action-result";
import { convocationSendingSchema, type ConvocationSendingInput } from "@/lib/validations/agenda";

/**
 * Records the convocation's sending. With SMTP configured the portal e-mails it now; without, the
 * clerk gives the day and hour it was sent. The delay is checked as the clerk types (the same rule
 * the server and the database apply): a short delay asks for the urgency and its reason.
 */
export function ConvocationForm({
  initialValues,
  sittingDay,
  today,
  population,
  smtpConfigured,
  submit,
}: {
  initialValues: ConvocationSendingInput;
  sittingDay: string;
  today: string;
  population: number | null;
  smtpConfigured: boolean;
  submit: (values: ConvocationSendingInput) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const form = useZodForm({ schema: convocationSendingSchema, initialValues, submit, onSuccess: () => router.refresh() });
  const { values, set, errors } = form;
  const sentDay = values.mode === "smtp" ? today : values.sentDate;
  const delay = sentDay ? checkConvocationDelay({ sentDay, sittingDay, population, urgent: values.urgent }) : null;
  const warning = delay ? convocationDelayMessage(delay) : null;
  const refused = delay ? !convocationDelayAccepted(delay) : false;
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-2xl flex-col gap-4" aria-labelledby="envoi-convocation">
      <h3 id="envoi-convocation" className="text-lg font-bold">{smtpConfigured ? "Envoyer la convocation" : "Enregistrer l'envoi de la convocation"}</h3>
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      {smtpConfigured ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="font-medium">Mode d&apos;envoi</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="smtp" checked={values.mode === "smtp"} onChange={() => set("mode")("smtp")} className="size-4" />
            Envoyer maintenant par courriel aux élus qui ont une adresse (les autres : sur papier)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="manual" checked={values.mode === "manual"} onChange={() => set("mode")("manual")} className="size-4" />
            Enregistrer un envoi déjà fait par un autre moyen
          </label>
        </fieldset>
      ) : (
        <p className="text-sm">
          Aucun serveur d&apos;envoi n&apos;est configuré (variables SMTP) : adressez la convocation signée (téléchargeable après l&apos;enregistrement) et
          enregistrez ici le jour et l&apos;heure de l&apos;envoi.
        </p>
      )}
      {values.mode === "manual" ? (
        <div className="flex flex-wrap gap-4">
          <TextField id="sentDate" label="Date de l'envoi" type="date" required value={values.sentDate} onChange={set("sentDate")} errors={errors.sentDate} />
          <TextField id="sentTime" label="Heure de l'envoi" type="time" required value={values.sentTime} onChange={set("sentTime")} errors={errors.sentTime} />
        </div>
      ) : null}
      <div aria-live="polite" role="status" id="convocation-delay">
        {warning ? (
          <p className={`rounded border-l-4 px-4 py-3 ${refused ? "border-danger bg-danger-soft" : "border-brand bg-brand-soft"}`}>{warning}</p>
        ) : delay ? (
          <p className="text-sm">Délai respecté : {delay.clearDays} jours francs avant la séance (la loi en demande {delay.ordinary}).</p>
        ) : null}
        {errors.urgent?.length ? <p className="text-sm font-medium text-danger">{errors.urgent.join(" ")}</p> : null}
      </div>
      <CheckboxField
        id="urgent"
        label="Urgence : le maire abrège le délai (un jour franc au moins)"
        hint="Le maire en rend compte à l'ouverture de la séance, et le conseil se prononce sur l'urgence (articles L2121-11 et L2121-12 du CGCT)."
        checked={values.urgent}
        onChange={set("urgent")}
      />
      {values.urgent ? (
        <TextAreaField id="urgencyReason" label="Motif de l'urgence" required rows={3} value={values.urgencyReason} onChange={set("urgencyReason")} errors={errors.urgencyReason} />
      ) : null}
      <SubmitButton pending={form.pending}>{values.mode === "smtp" ? "Envoyer la convocation" : "Enregistrer l'envoi"}</SubmitButton>
    </form>
  );
}
