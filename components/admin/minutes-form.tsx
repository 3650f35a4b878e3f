"use client";

import { useRouter } from "next/navigation";
import { FormStatus, LocalDraftNotice, SubmitButton } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import { MarkdownField } from "@/components/admin/markdown-field";
import type { ActionResult } from "@/lib/validations/action-result";
import { minutesTextsSchema } from "@/lib/validations/minutes";

export type MinutesTextsValues = {
  openingDiscussion: string;
  ballotRequests: string;
  urgencyRuling: string;
  itemDiscussions: Record<string, string>;
};

/**
 * What the clerk adds to the PV the records compose: the substance of the
 * discussions at the opening and on each agenda item, the ballot requests,
 * the urgency ruling. Markdown with a preview; kept in the browser until saved.
 */
export function MinutesForm({
  sittingId,
  initialValues,
  items,
  submit,
}: {
  sittingId: string;
  initialValues: MinutesTextsValues;
  items: readonly { key: string; position: number; title: string }[];
  submit: (values: MinutesTextsValues) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const form = useZodForm({ schema: minutesTextsSchema, initialValues, submit, draftKey: `minutes:${sittingId}`, onSuccess: () => router.refresh() });
  const setDiscussion = (key: string) => (value: string) => form.setValues((current) => ({ ...current, itemDiscussions: { ...current.itemDiscussions, [key]: value } }));
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-3xl flex-col gap-5" aria-label="Rédaction du procès-verbal">
      <LocalDraftNotice draft={form.draft} />
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <MarkdownField
        id="openingDiscussion"
        label="Ouverture de la séance"
        hint="La synthèse des échanges à l'ouverture (appel, désignation du secrétaire, communications du maire). Markdown."
        value={form.values.openingDiscussion}
        onChange={form.set("openingDiscussion")}
        errors={form.errors.openingDiscussion}
        rows={6}
      />
      <MarkdownField
        id="urgencyRuling"
        label="Décision du conseil sur l'urgence"
        hint="Si la convocation a été faite en urgence (article L2121-12 du CGCT) : ce que le maire a exposé et ce que le conseil a décidé."
        value={form.values.urgencyRuling}
        onChange={form.set("urgencyRuling")}
        errors={form.errors.urgencyRuling}
        rows={3}
      />
      <MarkdownField
        id="ballotRequests"
        label="Demandes de scrutin"
        hint="Les demandes de scrutin public ou secret, leur auteur et la suite donnée."
        value={form.values.ballotRequests}
        onChange={form.set("ballotRequests")}
        errors={form.errors.ballotRequests}
        rows={3}
      />
      {items.map((item) => {
        const fieldId = `discussion-${item.key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
        return (
          <MarkdownField
            key={item.key}
            id={fieldId}
            label={`Débats : point ${item.position}, ${item.title}`}
            hint="La substance des débats sur ce point (interventions, réponses). Markdown."
            value={form.values.itemDiscussions[item.key] ?? ""}
            onChange={setDiscussion(item.key)}
            errors={form.errors[`itemDiscussions.${item.key}`]}
            rows={5}
          />
        );
      })}
      <SubmitButton pending={form.pending}>Enregistrer le projet de procès-verbal</SubmitButton>
    </form>
  );
}
