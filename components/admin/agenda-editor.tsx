"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormStatus, LocalDraftNotice, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import { MarkdownField } from "./markdown-field";
import { MatterPicker } from "./matter-picker";
import type { ActionResult } from "@/lib/validations/action-result";
import {
  AGENDA_ITEM_KIND_LABELS,
  AGENDA_ITEM_KIND_OPTIONS,
  agendaItemEditSchema,
  agendaItemSchema,
  type AgendaItemEditInput,
  type AgendaItemInput,
  type AgendaItemKindValue,
} from "@/lib/validations/agenda";

export type AgendaEditorItem = {
  id: string;
  position: number;
  kind: AgendaItemKindValue;
  title: string;
  summaryNote: string;
  /** "DL.2030-1 (projet)", or the PV's sitting. */
  names: string | null;
};

type Option = { value: string; label: string };

/** The sitting's agenda: its items in order, each editable and movable, and a form to add one. */
export function AgendaEditor(props: {
  sittingId: string;
  items: AgendaEditorItem[];
  drafts: Option[];
  earlierSittings: Option[];
  summaryNotesRequired: boolean;
  emptyItem: AgendaItemInput;
  add: (values: AgendaItemInput) => Promise<ActionResult<{ id: string }>>;
  update: (itemId: string, values: AgendaItemEditInput) => Promise<ActionResult<{ id: string }>>;
  move: (itemId: string, direction: "up" | "down") => Promise<ActionResult<{ id: string }>>;
  remove: (itemId: string) => Promise<ActionResult<{ id: string }>>;
}) {
  return (
    <div className="flex flex-col gap-4">
      {props.items.length ? (
        <ol className="flex flex-col gap-3" aria-label="Points de l'ordre du jour">
          {props.items.map((item, index) => (
            <AgendaItemRow key={item.id} item={item} first={index === 0} last={index === props.items.length - 1} {...props} />
          ))}
        </ol>
      ) : (
        <p>L&apos;ordre du jour est vide.</p>
      )}
      <AddAgendaItemForm {...props} />
    </div>
  );
}

function AgendaItemRow({
  item,
  first,
  last,
  summaryNotesRequired,
  update,
  move,
  remove,
}: {
  item: AgendaEditorItem;
  first: boolean;
  last: boolean;
  summaryNotesRequired: boolean;
  update: (itemId: string, values: AgendaItemEditInput) => Promise<ActionResult<{ id: string }>>;
  move: (itemId: string, direction: "up" | "down") => Promise<ActionResult<{ id: string }>>;
  remove: (itemId: string) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<ActionResult<{ id: string }>>) =>
    startTransition(async () => {
      const result = await work();
      if (result.ok) {
        setMessage(null);
        router.refresh();
      } else setMessage(result.message);
    });
  const noteMissing = summaryNotesRequired && item.kind === "DELIBERATION" && !item.summaryNote.trim();
  const headingId = `point-${item.id}`;
  return (
    <li className="flex flex-col gap-2 rounded border border-line p-3" aria-labelledby={headingId}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-lg font-bold">
          {item.position}. {item.title}
        </h3>
        <span className="text-sm text-muted">
          {AGENDA_ITEM_KIND_LABELS[item.kind]}
          {item.names ? ` · ${item.names}` : ""}
        </span>
      </div>
      {noteMissing ? <p className="text-sm font-medium text-danger">Note explicative de synthèse à rédiger (obligatoire à partir de 3 500 habitants).</p> : null}
      {!editing && item.summaryNote ? <p className="text-sm">Note de synthèse : {item.summaryNote.length > 160 ? `${item.summaryNote.slice(0, 160)}…` : item.summaryNote}</p> : null}
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={pending || first} onClick={() => run(() => move(item.id, "up"))} className="rounded border border-brand px-3 py-1 text-brand hover:bg-brand-soft disabled:opacity-50">
          Monter<span className="sr-only"> le point {item.position}</span>
        </button>
        <button type="button" disabled={pending || last} onClick={() => run(() => move(item.id, "down"))} className="rounded border border-brand px-3 py-1 text-brand hover:bg-brand-soft disabled:opacity-50">
          Descendre<span className="sr-only"> le point {item.position}</span>
        </button>
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)} className="rounded border border-brand px-3 py-1 text-brand hover:bg-brand-soft">
          {editing ? "Fermer" : "Modifier"}
          <span className="sr-only"> le point {item.position}</span>
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={() => window.confirm(`Retirer le point ${item.position} de l'ordre du jour ?`) && run(() => remove(item.id))}
          className="rounded border border-danger px-3 py-1 text-danger hover:bg-brand-soft"
        >
          Retirer<span className="sr-only"> le point {item.position}</span>
        </button>
      </div>
      <FormStatus message={message} tone="error" />
      {editing ? <EditAgendaItemForm item={item} submit={(values) => update(item.id, values)} onSaved={() => setEditing(false)} /> : null}
    </li>
  );
}

function EditAgendaItemForm({ item, submit, onSaved }: { item: AgendaEditorItem; submit: (values: AgendaItemEditInput) => Promise<ActionResult<{ id: string }>>; onSaved: () => void }) {
  const router = useRouter();
  const form = useZodForm({
    schema: agendaItemEditSchema,
    initialValues: { title: item.title, summaryNote: item.summaryNote },
    submit,
    draftKey: `agenda-item:${item.id}`,
    onSuccess: () => {
      onSaved();
      router.refresh();
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex flex-col gap-3">
      <LocalDraftNotice draft={form.draft} />
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <TextField id={`title-${item.id}`} label="Intitulé du point" required value={form.values.title} onChange={form.set("title")} errors={form.errors.title} />
      <MarkdownField id={`summaryNote-${item.id}`} label="Note explicative de synthèse" rows={6} value={form.values.summaryNote ?? ""} onChange={form.set("summaryNote")} errors={form.errors.summaryNote} />
      <SubmitButton pending={form.pending}>Enregistrer le point</SubmitButton>
    </form>
  );
}

function AddAgendaItemForm({
  sittingId,
  drafts,
  earlierSittings,
  emptyItem,
  summaryNotesRequired,
  add,
}: {
  sittingId: string;
  drafts: Option[];
  earlierSittings: Option[];
  emptyItem: AgendaItemInput;
  summaryNotesRequired: boolean;
  add: (values: AgendaItemInput) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const form = useZodForm({ schema: agendaItemSchema, initialValues: emptyItem, submit: add, draftKey: `agenda:${sittingId}:nouveau`, onSuccess: () => {
    form.setValues(emptyItem);
    router.refresh();
  } });
  const { values, set, errors } = form;
  return (
    <form noValidate onSubmit={form.onSubmit} className="flex max-w-3xl flex-col gap-3 rounded border border-line p-4" aria-labelledby="ajouter-point">
      <h3 id="ajouter-point" className="text-lg font-bold">Ajouter un point</h3>
      <LocalDraftNotice draft={form.draft} />
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <SelectField id="agenda-kind" label="Nature du point" required value={values.kind} onChange={(value) => set("kind")(value as AgendaItemKindValue)} options={AGENDA_ITEM_KIND_OPTIONS} errors={errors.kind} />
      <TextField id="agenda-title" label="Intitulé du point" required value={values.title} onChange={set("title")} errors={errors.title} />
      {values.kind === "DELIBERATION" ? (
        <>
          <SelectField
            id="agenda-deliberationId"
            label="Projet de délibération"
            hint="Un projet déjà saisi pour cette séance, ou « Créer un projet » : il prend l'intitulé du point pour objet et le prochain numéro de l'année."
            value={values.deliberationId ?? ""}
            onChange={set("deliberationId")}
            options={drafts}
            placeholder="Créer un projet"
            errors={errors.deliberationId}
          />
          {values.deliberationId ? null : <MatterPicker value={values.matterCode ?? ""} onChange={set("matterCode")} errors={errors.matterCode} />}
        </>
      ) : null}
      {values.kind === "MINUTES_APPROVAL" ? (
        <SelectField id="agenda-minutesSittingId" label="Séance dont le procès-verbal est approuvé" required value={values.minutesSittingId ?? ""} onChange={set("minutesSittingId")} options={earlierSittings} placeholder="Choisissez la séance" errors={errors.minutesSittingId} />
      ) : null}
      <MarkdownField
        id="agenda-summaryNote"
        label="Note explicative de synthèse"
        hint={summaryNotesRequired ? "Obligatoire pour chaque affaire soumise à délibération à partir de 3 500 habitants (article L2121-12 du CGCT) : elle accompagne la convocation." : "Facultative en dessous de 3 500 habitants ; jointe à la convocation si elle est rédigée."}
        rows={5}
        value={values.summaryNote ?? ""}
        onChange={set("summaryNote")}
        errors={errors.summaryNote}
      />
      <SubmitButton pending={form.pending}>Ajouter le point</SubmitButton>
    </form>
  );
}
