"use client";

import { useRouter } from "next/navigation";
import { FormStatus, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import type { ActionResult } from "@/lib/validations/action-result";
import {
  endGroupMembershipSchema,
  groupMembershipSchema,
  politicalGroupSchema,
  type EndGroupMembershipInput,
  type GroupMembershipInput,
  type PoliticalGroupInput,
} from "@/lib/validations/political-group";

type Submit<Input> = (values: Input) => Promise<ActionResult<{ id: string }>>;

/** A new political group: its name. */
export function GroupForm({ submit }: { submit: Submit<PoliticalGroupInput> }) {
  const router = useRouter();
  const form = useZodForm({ schema: politicalGroupSchema, initialValues: { name: "" }, submit, onSuccess: () => router.refresh() });
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-xl flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <TextField id="group-name" label="Nom du groupe" required value={form.values.name} onChange={form.set("name")} errors={form.errors.name} />
      <SubmitButton pending={form.pending}>Créer le groupe</SubmitButton>
    </form>
  );
}

/** A councillor joins a group from a day (until a day, or further notice). */
export function MembershipForm({
  groups,
  councillors,
  submit,
}: {
  groups: readonly { id: string; name: string }[];
  councillors: readonly { id: string; name: string }[];
  submit: Submit<GroupMembershipInput>;
}) {
  const router = useRouter();
  const form = useZodForm({
    schema: groupMembershipSchema,
    initialValues: { groupId: groups[0]?.id ?? "", councillorId: "", startsOn: "", endsOn: "" },
    submit,
    onSuccess: () => router.refresh(),
  });
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-xl flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <SelectField id="membership-group" label="Groupe" required value={form.values.groupId} onChange={form.set("groupId")} options={groups.map((group) => ({ value: group.id, label: group.name }))} errors={form.errors.groupId} />
      <SelectField
        id="membership-councillor"
        label="Élu"
        required
        value={form.values.councillorId}
        onChange={form.set("councillorId")}
        options={councillors.map((councillor) => ({ value: councillor.id, label: councillor.name }))}
        placeholder="— Choisir l'élu —"
        errors={form.errors.councillorId}
      />
      <TextField id="membership-start" label="Membre du groupe à partir du" type="date" required value={form.values.startsOn} onChange={form.set("startsOn")} errors={form.errors.startsOn} />
      <TextField
        id="membership-end"
        label="Jusqu'au (facultatif)"
        hint="Laissez vide tant que l'élu reste dans le groupe."
        type="date"
        value={form.values.endsOn}
        onChange={form.set("endsOn")}
        errors={form.errors.endsOn}
      />
      <SubmitButton pending={form.pending}>Ajouter au groupe</SubmitButton>
    </form>
  );
}

/** A councillor leaves a group: the last day of membership. */
export function EndMembershipForm({ id, name, submit }: { id: string; name: string; submit: Submit<EndGroupMembershipInput> }) {
  const router = useRouter();
  const form = useZodForm({ schema: endGroupMembershipSchema, initialValues: { endsOn: "" }, submit, onSuccess: () => router.refresh() });
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex flex-wrap items-end gap-2">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <TextField id={`fin-${id}`} label={`Dernier jour dans le groupe de ${name}`} type="date" required value={form.values.endsOn} onChange={form.set("endsOn")} errors={form.errors.endsOn} />
      <SubmitButton pending={form.pending}>Enregistrer la sortie</SubmitButton>
    </form>
  );
}
