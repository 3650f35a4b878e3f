"use client";

import { useRouter } from "next/navigation";
import { CheckboxField, FormStatus, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { ActionResult } from "@/lib/validations/action-result";
import { userSchema, userUpdateSchema, type UserInput, type UserUpdateInput } from "@/lib/validations/user";

const ROLE_OPTIONS = [
  { value: "ADMIN", label: "Administrateur (comptes, journal d'audit, et tout le greffe)" },
  { value: "CLERK", label: "Greffe (élus, séances, délibérations)" },
  { value: "STAFF", label: "Agent (lecture des projets)" },
];

export function CreateUserForm({ submit }: { submit: (values: UserInput) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const form = useZodForm({ schema: userSchema, initialValues: { email: "", name: "", role: "CLERK", password: "" } as UserInput, submit, onSuccess: () => router.refresh() });
  const { values, set, errors } = form;
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-xl flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <TextField id="userEmail" label="Adresse électronique" type="email" autoComplete="off" required value={values.email} onChange={set("email")} errors={errors.email} />
      <TextField id="userName" label="Nom" required value={values.name} onChange={set("name")} errors={errors.name} />
      <SelectField id="userRole" label="Rôle" required value={values.role} onChange={(value) => set("role")(value as UserInput["role"])} options={ROLE_OPTIONS} errors={errors.role} />
      <TextField id="userPassword" label="Mot de passe initial (12 caractères au moins)" type="password" autoComplete="new-password" required value={values.password} onChange={set("password")} errors={errors.password} />
      <SubmitButton pending={form.pending}>Créer le compte</SubmitButton>
    </form>
  );
}

export function EditUserForm({ initialValues, submit }: { initialValues: UserUpdateInput; submit: (values: UserUpdateInput) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const form = useZodForm({ schema: userUpdateSchema, initialValues, submit, onSuccess: () => router.refresh() });
  const { values, set, errors } = form;
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-xl flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <TextField id="userName" label="Nom" required value={values.name} onChange={set("name")} errors={errors.name} />
      <SelectField id="userRole" label="Rôle" required value={values.role} onChange={(value) => set("role")(value as UserUpdateInput["role"])} options={ROLE_OPTIONS} errors={errors.role} />
      <CheckboxField id="userDisabled" label="Compte désactivé" hint="Ses sessions ouvertes sont closes immédiatement." checked={values.disabled} onChange={set("disabled")} />
      <TextField id="userPassword" label="Nouveau mot de passe (facultatif)" type="password" autoComplete="new-password" value={values.password} onChange={set("password")} errors={errors.password} />
      <SubmitButton pending={form.pending}>Enregistrer</SubmitButton>
    </form>
  );
}
