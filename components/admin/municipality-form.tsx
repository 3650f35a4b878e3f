"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { FormStatus, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { ActionResult } from "@/lib/validations/action-result";
import { MAX_MEMBERS_IN_OFFICE, municipalitySettingsSchema, type MunicipalitySettingsInput } from "@/lib/validations/municipality";

/** The fields in the order they appear, so that a refusal takes the focus to the first one in error. */
const FIELD_ORDER: readonly (keyof MunicipalitySettingsInput)[] = [
  "name",
  "communeName",
  "address",
  "email",
  "phone",
  "website",
  "administrativeCourt",
  "membersInOffice",
  "population",
  "timeZone",
  "appealNotice",
  "annexNotice",
];

export function MunicipalityForm({
  initialValues,
  submit,
}: {
  initialValues: MunicipalitySettingsInput;
  submit: (values: MunicipalitySettingsInput) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const form = useZodForm({ schema: municipalitySettingsSchema, initialValues, submit, onSuccess: () => router.refresh() });
  const { values, set, errors } = form;

  useEffect(() => {
    const firstInvalid = FIELD_ORDER.find((field) => errors[field]?.length);
    if (firstInvalid) document.getElementById(firstInvalid)?.focus();
  }, [errors]);

  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-2xl flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <TextField
        id="name"
        label="Nom de la collectivité"
        required
        autoComplete="organization"
        hint="Tel qu'il figure en tête des actes, par exemple « Ville d'Aix-en-Provence »."
        value={values.name}
        onChange={set("name")}
        errors={errors.name}
      />
      <TextField
        id="communeName"
        label="Nom de la commune"
        required
        autoComplete="off"
        hint="Par exemple « Aix-en-Provence »."
        value={values.communeName}
        onChange={set("communeName")}
        errors={errors.communeName}
      />
      <TextAreaField id="address" label="Adresse" required rows={3} value={values.address} onChange={set("address")} errors={errors.address} />
      <TextField
        id="email"
        label="Adresse électronique (facultatif)"
        type="email"
        autoComplete="email"
        hint="Affichée au pied des pages publiques."
        value={values.email}
        onChange={set("email")}
        errors={errors.email}
      />
      <TextField id="phone" label="Téléphone (facultatif)" autoComplete="tel" value={values.phone} onChange={set("phone")} errors={errors.phone} />
      <TextField
        id="website"
        label="Site internet (facultatif)"
        autoComplete="url"
        hint="L'adresse complète, par exemple https://www.mairie.fr."
        value={values.website}
        onChange={set("website")}
        errors={errors.website}
      />
      <TextField
        id="administrativeCourt"
        label="Tribunal administratif compétent"
        required
        autoComplete="off"
        hint="Par exemple « Tribunal administratif de Marseille »."
        value={values.administrativeCourt}
        onChange={set("administrativeCourt")}
        errors={errors.administrativeCourt}
      />
      <TextField
        id="membersInOffice"
        label="Membres du conseil en exercice"
        required
        inputMode="numeric"
        autoComplete="off"
        hint={`Un nombre entier de 1 à ${MAX_MEMBERS_IN_OFFICE} ; il sert au calcul du quorum.`}
        value={values.membersInOffice}
        onChange={set("membersInOffice")}
        errors={errors.membersInOffice}
      />
      <TextField
        id="population"
        label="Population légale (habitants)"
        inputMode="numeric"
        autoComplete="off"
        hint="Elle fixe le délai de convocation : 5 jours francs à partir de 3 500 habitants, 3 en dessous, et la note explicative de synthèse jointe à partir de 3 500 (articles L2121-11 et L2121-12 du CGCT). Laissée vide, les règles de 3 500 habitants et plus s'appliquent."
        value={values.population ?? ""}
        onChange={set("population")}
        errors={errors.population}
      />
      <TextField
        id="timeZone"
        label="Fuseau horaire"
        required
        autoComplete="off"
        hint="L'heure des séances et le jour des actes s'y lisent : Europe/Paris en métropole, America/Martinique, Indian/Reunion, Pacific/Noumea… Il ne peut plus changer une fois un acte publié."
        value={values.timeZone ?? ""}
        onChange={set("timeZone")}
        errors={errors.timeZone}
      />
      <TextAreaField
        id="appealNotice"
        label="Mention des voies et délais de recours"
        required
        rows={5}
        hint="Imprimée au pied de chaque délibération publiée."
        value={values.appealNotice}
        onChange={set("appealNotice")}
        errors={errors.appealNotice}
      />
      <TextAreaField
        id="annexNotice"
        label="Consultation des annexes (facultatif)"
        rows={6}
        hint="Où consulter les annexes qui ne sont pas mises en ligne."
        value={values.annexNotice}
        onChange={set("annexNotice")}
        errors={errors.annexNotice}
      />
      <SubmitButton pending={form.pending}>Enregistrer les réglages</SubmitButton>
    </form>
  );
}
