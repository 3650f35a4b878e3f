"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type KeyboardEvent } from "react";
import { FormStatus, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { useZodForm } from "@/components/forms/use-zod-form";
import { countOf } from "@/lib/domain/plural";
import { copyVote, VOTE_CHOICE_KEYS, voteAllExcept, voteAsGroup } from "@/lib/domain/political-groups";
import { describeOutcome } from "@/lib/domain/tally";
import type { AttendanceEntry } from "@/lib/domain/types";
import { checkVoteForm, SECRET_BALLOT_COUNTS, type SecretBallotCount, type VoteFormValues } from "@/lib/domain/vote-form";
import { sentenceCase, TALLY_FIGURES, TALLY_LABELS, VOTE_CHOICE_LABELS, voteChoiceInSentence } from "@/lib/domain/vote-wording";
import type { ActionResult } from "@/lib/validations/action-result";
import { voteSchema, type VoteInput } from "@/lib/validations/deliberation";

type Voter = { id: string; name: string; status: "PRESENT" | "REPRESENTED"; holderName: string | null };

type Choice = "FOR" | "AGAINST" | "ABSTENTION" | "NOT_VOTING";

export type VoteGroup = { id: string; name: string; memberIds: readonly string[] };

export type PreviousVote = { number: string; orderInSitting: number; choices: readonly { councillorId: string; choice: Choice }[] };

type Values = {
  secret: boolean;
  choices: Record<string, Choice>;
  castingVote: "" | "FOR" | "AGAINST";
  votesFor: string;
  votesAgainst: string;
  abstentions: string;
  nonParticipation: string;
};

const CHOICE_OPTIONS = (["FOR", "AGAINST", "ABSTENTION", "NOT_VOTING"] as const).map((value) => ({ value, label: VOTE_CHOICE_LABELS[value] }));

function toInput(values: Values): VoteInput {
  if (values.secret) return { secret: true, votesFor: values.votesFor, votesAgainst: values.votesAgainst, abstentions: values.abstentions, nonParticipation: values.nonParticipation };
  return {
    secret: false,
    castingVote: values.castingVote,
    choices: Object.entries(values.choices)
      .filter(([, choice]) => choice !== "FOR")
      .map(([councillorId, choice]) => ({ councillorId, choice: choice as "AGAINST" | "ABSTENTION" | "NOT_VOTING" })),
  };
}

const FIGURES = TALLY_FIGURES.map((key) => [key, sentenceCase(TALLY_LABELS[key])] as const);

/**
 * The vote: public (everyone present or represented votes for unless marked
 * otherwise) or secret (counts). The tally and the result are computed as the
 * clerk types, with the domain library the server uses too.
 */
export function VoteForm({
  voters,
  membersInOffice,
  groups = [],
  previousVote = null,
  submit,
}: {
  voters: readonly Voter[];
  membersInOffice: number;
  /** the council's groups on the sitting's day, with their members */
  groups?: readonly VoteGroup[];
  /** the public vote of the previous item of the sitting */
  previousVote?: PreviousVote | null;
  submit: (values: VoteInput) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const initial: Values = { secret: false, choices: Object.fromEntries(voters.map((voter) => [voter.id, "FOR"])), castingVote: "", votesFor: "", votesAgainst: "", abstentions: "0", nonParticipation: "0" };
  const form = useZodForm<Values, { id: string }>({
    schema: voteSchema,
    initialValues: initial,
    toInput,
    submit: (values) => submit(toInput(values)),
    onSuccess: () => router.refresh(),
  });
  const { values, setValues, errors } = form;
  // Voters whose choice the clerk set: "everyone else votes…" leaves them alone.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [othersChoice, setOthersChoice] = useState<Choice>("AGAINST");
  const setChoices = (next: (choices: Values["choices"]) => Values["choices"], ids: readonly string[]) => {
    setValues((current) => ({ ...current, choices: next(current.choices) }));
    setTouched((current) => new Set([...current, ...ids]));
  };
  const voterIds = voters.map((voter) => voter.id);
  const groupsHere = groups
    .map((group) => ({ ...group, memberIds: group.memberIds.filter((id) => voterIds.includes(id)) }))
    .filter((group) => group.memberIds.length);
  const groupOf = new Map(groupsHere.flatMap((group) => group.memberIds.map((id) => [id, group.name] as const)));
  const chooseByKey = (event: KeyboardEvent<HTMLSelectElement>, index: number) => {
    const choice = VOTE_CHOICE_KEYS[event.key.toLowerCase()];
    if (!choice || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const id = voters[index]!.id;
    setChoices((choices) => ({ ...choices, [id]: choice }), [id]);
    document.getElementById(`vote-${index + 1}`)?.focus();
  };

  const live = useMemo(() => {
    const attendance: AttendanceEntry[] = voters.map((voter) => ({ councillorId: voter.id, name: voter.name, status: voter.status, proxyHolderId: null }));
    const vote: VoteFormValues = values.secret
      ? { secret: true, votesFor: values.votesFor, votesAgainst: values.votesAgainst, abstentions: values.abstentions, nonParticipation: values.nonParticipation }
      : { secret: false, castingVote: values.castingVote, choices: Object.entries(values.choices).map(([councillorId, choice]) => ({ councillorId, choice })) };
    const check = checkVoteForm({ attendance, membersInOffice, vote });
    const result = check.decision ? `${describeOutcome({ outcome: check.decision.outcome, tally: check.tally })}${check.decision.casting ? " (voix prépondérante du président)" : ""}` : null;
    return { ...check, result };
  }, [values, voters, membersInOffice]);

  // What the live check says and what the server said, each message once.
  const shown = (key: string) => [...new Set([...(live.issues[key] ?? []), ...(errors[key] ?? [])])];
  // An empty count waits for the submit; one typed wrong is said at once.
  const countIssues = (key: SecretBallotCount) => [...new Set([...(values[key].trim() ? (live.issues[key] ?? []) : []), ...(errors[key] ?? [])])];
  const tieInPublic = !values.secret && live.tally !== null && live.tally.votesFor === live.tally.votesAgainst && live.tally.expressed > 0;
  const placed = (key: string) => key === "tally" || key === "castingVote" || key.startsWith("choices.") || (SECRET_BALLOT_COUNTS as readonly string[]).includes(key);
  const elsewhere = [...new Set(Object.entries(errors).flatMap(([key, messages]) => (placed(key) ? [] : messages)))];
  const choiceIssues = values.secret ? [] : [...new Set(Object.keys({ ...live.issues, ...errors }).filter((key) => key.startsWith("choices.")).flatMap(shown))];

  return (
    <form noValidate onSubmit={form.onSubmit} className="flex flex-col gap-4">
      <FormStatus message={form.message?.text ?? null} tone={form.message?.tone ?? "error"} />
      <fieldset className="flex flex-col gap-1">
        <legend className="font-medium">Mode de scrutin</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="secret" checked={!values.secret} onChange={() => setValues((current) => ({ ...current, secret: false }))} /> Vote public (les votes autres que « pour » sont nominatifs)
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="secret" checked={values.secret} onChange={() => setValues((current) => ({ ...current, secret: true, castingVote: "" }))} /> Scrutin secret (décompte seulement)
        </label>
      </fieldset>
      {values.secret ? (
        <div className="grid gap-4 sm:grid-cols-4">
          {SECRET_BALLOT_COUNTS.map((key) => (
            <TextField
              key={key}
              id={key}
              label={TALLY_LABELS[key]}
              inputMode="numeric"
              required
              value={values[key]}
              onChange={(value) => setValues((current) => ({ ...current, [key]: value }))}
              errors={countIssues(key)}
            />
          ))}
        </div>
      ) : (
        <>
        <section aria-labelledby="saisie-rapide" className="flex flex-col gap-3 rounded border border-line p-3">
          <h3 id="saisie-rapide" className="font-bold">Saisie rapide</h3>
          <p id="aide-clavier" className="text-sm text-muted">
            Au clavier : sur la ligne d&apos;un élu, tapez P (pour), C (contre), A (abstention) ou N (ne prend pas part au vote) ; le curseur passe à l&apos;élu suivant.
          </p>
          {previousVote ? (
            <button
              type="button"
              onClick={() => setChoices(() => copyVote(voterIds, previousVote.choices) as Values["choices"], voterIds)}
              className="self-start rounded border border-brand px-3 py-1 text-brand hover:bg-brand-soft"
            >
              Reprendre le vote de la délibération n° {previousVote.orderInSitting} ({previousVote.number})
            </button>
          ) : null}
          {groupsHere.map((group) => (
            <div key={group.id} role="group" aria-label={`Vote du groupe ${group.name}`} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">
                Groupe {group.name} ({countOf(group.memberIds.length, "votant")}) :
              </span>
              {CHOICE_OPTIONS.map((option) => (
                <button
                  key={option.value}
                  type="button"
                  aria-label={`Tout le groupe ${group.name} : ${voteChoiceInSentence(option.value)}`}
                  onClick={() => setChoices((choices) => voteAsGroup(choices, group.memberIds, option.value), group.memberIds)}
                  className="rounded border border-brand px-2 py-1 text-sm text-brand hover:bg-brand-soft"
                >
                  {option.label}
                </button>
              ))}
            </div>
          ))}
          <div className="flex flex-wrap items-end gap-2">
            <label htmlFor="vote-des-autres" className="font-medium">
              Tous les autres présents et représentés votent
            </label>
            <select id="vote-des-autres" value={othersChoice} onChange={(event) => setOthersChoice(event.target.value as Choice)} className="rounded border border-ink bg-white px-2 py-1">
              {CHOICE_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={() => {
                const others = voterIds.filter((id) => !touched.has(id));
                setChoices((choices) => voteAllExcept(choices, othersChoice, touched), others);
              }}
              className="rounded border border-brand px-3 py-1 text-brand hover:bg-brand-soft"
            >
              Appliquer aux autres<span className="sr-only"> (les votes déjà saisis restent)</span>
            </button>
            <button
              type="button"
              onClick={() => {
                setValues((current) => ({ ...current, choices: Object.fromEntries(voterIds.map((id) => [id, "FOR"])) }));
                setTouched(new Set());
              }}
              className="rounded border border-line px-3 py-1 hover:bg-surface"
            >
              Tout remettre à « pour »
            </button>
          </div>
        </section>
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Vote de chaque élu présent ou représenté</caption>
          <thead>
            <tr className="border-b border-ink">
              <th scope="col" className="py-2 pr-2">Élu</th>
              <th scope="col" className="py-2 pr-2">Vote</th>
            </tr>
          </thead>
          <tbody>
            {voters.map((voter, index) => (
              <tr key={voter.id} className="border-b border-line">
                <th scope="row" className="py-1 pr-2 font-normal">
                  {voter.name}
                  {groupOf.has(voter.id) ? <span className="block text-xs text-muted">Groupe {groupOf.get(voter.id)}</span> : null}
                  {voter.holderName ? <span className="block text-xs text-muted">représenté par {voter.holderName}</span> : null}
                </th>
                <td className="py-1 pr-2">
                  <label htmlFor={`vote-${index}`} className="sr-only">
                    Vote de {voter.name}
                  </label>
                  <select
                    id={`vote-${index}`}
                    value={values.choices[voter.id]}
                    onChange={(event) => {
                      const choice = event.target.value as Choice;
                      setChoices((choices) => ({ ...choices, [voter.id]: choice }), [voter.id]);
                    }}
                    onKeyDown={(event) => chooseByKey(event, index)}
                    aria-describedby="aide-clavier"
                    className="rounded border border-ink bg-white px-2 py-1"
                  >
                    {CHOICE_OPTIONS.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </>
      )}
      {tieInPublic ? (
        <SelectField
          id="castingVote"
          label="Voix prépondérante du président (partage égal des voix)"
          value={values.castingVote}
          onChange={(value) => setValues((current) => ({ ...current, castingVote: value as Values["castingVote"] }))}
          options={(["FOR", "AGAINST"] as const).map((value) => ({ value, label: VOTE_CHOICE_LABELS[value] }))}
          placeholder="— Choisir —"
          errors={shown("castingVote")}
        />
      ) : null}
      <div aria-live="polite" className="rounded border border-line bg-surface p-3">
        <h3 className="font-bold">Décompte</h3>
        <dl className="grid grid-cols-2 gap-x-4 sm:grid-cols-4">
          {FIGURES.map(([key, label]) => (
            <div key={key}>
              <dt className="text-sm text-muted">{label}</dt>
              <dd className="font-medium">{live.figures[key] ?? "—"}</dd>
            </div>
          ))}
        </dl>
        {live.result ? <p className="mt-2 font-bold">Résultat : {live.result}</p> : null}
        {[...shown("tally"), ...choiceIssues].length ? <p className="mt-2 font-medium text-danger">{[...shown("tally"), ...choiceIssues].join(" ")}</p> : null}
      </div>
      {elsewhere.length ? <p className="font-medium text-danger">{elsewhere.join(" ")}</p> : null}
      <SubmitButton pending={form.pending}>Enregistrer le vote</SubmitButton>
    </form>
  );
}
