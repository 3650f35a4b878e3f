"use client";

import { useId, useMemo, useState } from "react";
import { listMatters, parseMatterCode } from "@/lib/domain/nomenclature";
import { countWithVerb } from "@/lib/domain/plural";

const MATTERS = listMatters();

function normalize(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

/** The ACTES matter, chosen from the nomenclature: a search box narrows a list of codes and labels. */
export function MatterPicker({ value, onChange, errors }: { value: string; onChange: (code: string) => void; errors?: string[] }) {
  const [query, setQuery] = useState("");
  const searchId = useId();
  const matches = useMemo(() => {
    const words = normalize(query).split(/\s+/).filter(Boolean);
    return MATTERS.filter((matter) => {
      const text = normalize(`${matter.code} ${matter.level1Label} ${matter.label}`);
      return words.every((word) => text.includes(word));
    });
  }, [query]);
  const parsed = value ? parseMatterCode(value) : null;
  const options = matches.some((matter) => matter.code === value) || !value ? matches : [...matches, ...MATTERS.filter((matter) => matter.code === value)];
  return (
    <fieldset className="flex flex-col gap-2 rounded border border-line p-3">
      <legend className="px-1 font-medium">Matière (nomenclature ACTES) *</legend>
      <div className="flex flex-col gap-1">
        <label htmlFor={searchId}>Rechercher une matière (code ou mot)</label>
        <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} className="rounded border border-ink px-3 py-2" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="matterCode">Matière retenue</label>
        <select
          id="matterCode"
          name="matterCode"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? "matterCode-error matterCode-count" : "matterCode-count"}
          className="rounded border border-ink bg-white px-3 py-2 aria-[invalid=true]:border-2 aria-[invalid=true]:border-danger"
        >
          <option value="">— Choisir une matière —</option>
          {options.map((matter) => (
            <option key={matter.code} value={matter.code}>
              {matter.code} {matter.level1Label} : {matter.label}
            </option>
          ))}
        </select>
        <p id="matterCode-count" className="text-sm text-muted" aria-live="polite">
          {countWithVerb(matches.length, { none: "Aucune matière", singular: "matière" }, { singular: "correspond", plural: "correspondent" })} à la recherche.
          {parsed?.ok ? ` Retenue : ${parsed.level1.label} / ${parsed.level2.label}.` : ""}
        </p>
        {errors?.length ? (
          <p id="matterCode-error" className="text-sm font-medium text-danger">
            {errors.join(" ")}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
