"use client";

import { useRouter } from "next/navigation";
import { CheckboxField, FormStatus, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import { isInOffice } from "@/lib/domain/mandate";
import type { ActionResult } from "@/lib/validations/action-result";
import { SITTING_KIND_OPTIONS, sittingSchema, type SittingInput } from "@/lib/validations/sitting";

export type CouncillorOption = { value: string; label: string };
/** A councillor the sitting form may offer, with the days of the mandate. */
export type MandatedCouncillorOption = CouncillorOption & { mandateStart: string; mandateEnd: string | null };

const OFFICERS = ["convenedById", "presidentId", "secretaryId"] as const;

export function SittingForm({
  initialValues,
  councillors,
  submit,
  submitLabel,
  redirectToCreated,
}: {
  initialValues: SittingInput;
  councillors: readonly MandatedCouncillorOption[];
  submit: (values: SittingInput) => Promise<ActionResult<{ id: string }>>;
  submitLabel: string;
  redirectToCreated?: boolean;
}) {
  const router = useRouter();
  const form = useZodForm({
    schema: sittingSchema,
    initialValues,
    submit,
    onSuccess: (sitting) => {
      if (redirectToCreated) router.push(`/admin/seances/${sitting.id}`);
      router.refresh();
    },
  });
  const { values, set, setValues, errors } = form;
  // Only those in office on the sitting's day (the server refuses anyone else); before a day is given, everyone.
  const inOffice = values.date ? councillors.filter((councillor) => isInOffice(councillor, values.date)) : councillors;
  const changeDate = (date: string) =>
    setValues((current) => {
      const next = { ...current, date };
      // A councillor chosen for another day who is not in office on this one is no longer chosen.
      for (const officer of OFFICERS) {
        const chosen = councillors.find((councillor) => councillor.value === current[officer]);
        if (chosen && date && !isInOffice(chosen, date)) next[officer] = "";
      }
      return next;
    });
  const councillorSelect = (id: (typeof OFFICERS)[number], label: string) => (
    <SelectField
      id={id}
      label={label}
      required
      hint={values.date ? undefined : "Saisissez d'abord la date : la liste se limite aux élus en fonction ce jour-là."}
      value={values[id]}
      onChange={set(id)}
      options={inOffice.map(({ value, label: name }) => ({ value, label: name }))}
      placeholder="— Choisir un élu —"
      errors={errors[id]}
    />
  );
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-2xl flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="date" label="Date de la séance" type="date" required value={values.date} onChange={changeDate} errors={errors.date} />
        <TextField id="time" label="Heure d'ouverture" type="time" required value={values.time} onChange={set("time")} errors={errors.time} />
      </div>
      <TextField id="place" label="Lieu" required value={values.place} onChange={set("place")} errors={errors.place} />
      <SelectField id="kind" label="Type de séance" required value={values.kind} onChange={(value) => set("kind")(value as SittingInput["kind"])} options={SITTING_KIND_OPTIONS} errors={errors.kind} />
      <TextField
        id="convocationDate"
        label="Date de la convocation"
        hint="Pour une séance à venir, laissez vide : la date est celle du dernier envoi de la convocation, enregistré plus bas sur la page de la séance. Pour une séance passée, la date de la convocation d'archive."
        type="date"
        value={values.convocationDate ?? ""}
        onChange={set("convocationDate")}
        errors={errors.convocationDate}
      />
      {councillorSelect("convenedById", "Convoquée par")}
      {councillorSelect("presidentId", "Présidence de séance")}
      {councillorSelect("secretaryId", "Secrétaire de séance")}
      <TextField
        id="membersInOffice"
        label="Membres du conseil en exercice"
        required
        inputMode="numeric"
        hint="Le jour de la séance : il fixe le quorum et borne les décomptes. Il ne se modifie plus une fois une délibération de la séance publiée."
        value={values.membersInOffice ?? ""}
        onChange={set("membersInOffice")}
        errors={errors.membersInOffice}
      />
      <TextField
        id="listPostedAt"
        label="Affichage de la liste des délibérations (facultatif)"
        type="date"
        value={values.listPostedAt ?? ""}
        onChange={set("listPostedAt")}
        errors={errors.listPostedAt}
      />
      <CheckboxField id="isPublic" label="Séance publique" checked={values.isPublic} onChange={set("isPublic")} />
      <CheckboxField
        id="reconvened"
        label="Séance reconvoquée faute de quorum"
        hint="Article L2121-17 du CGCT : le conseil délibère alors sans condition de quorum."
        checked={values.reconvened}
        onChange={set("reconvened")}
      />
      <SubmitButton pending={form.pending}>{submitLabel}</SubmitButton>
    </form>
  );
}
