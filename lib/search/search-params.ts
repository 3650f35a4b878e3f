import { z } from "@/lib/validations/zod";
import { isCalendarDay } from "@/lib/validations/request-params";

// The whole state of a public search, as it travels in the URL (French keys,
// so that a shared link reads well). Anything malformed is dropped, never
// rejected: a hand-edited or hostile URL still gives a sensible page.

export const SEARCH_PAGE_SIZE = 20;
/** Longer queries are cut: nobody types more, and the database need not parse it. */
export const MAX_QUERY_LENGTH = 300;
const MAX_PAGE = 500;

export const SEARCH_OUTCOMES = { adoptee: "ADOPTED", rejetee: "REJECTED", retiree: "WITHDRAWN" } as const;
export type SearchOutcomeParam = keyof typeof SEARCH_OUTCOMES;
export type SearchSort = "pertinence" | "date";

const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(single, schema.optional()).catch(undefined);
const isoDate = z.string().refine(isCalendarDay);

export const searchParamsSchema = z.object({
  q: z
    .preprocess(single, z.string().optional())
    .catch(undefined)
    // Control characters (a NUL byte would make PostgreSQL refuse the parameter) become spaces.
    .transform((value) => (value ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH)),
  annee: optional(z.coerce.number().int().min(1900).max(2200)),
  du: optional(isoDate),
  au: optional(isoDate),
  seance: optional(z.uuid()),
  matiere: optional(z.string().regex(/^[1-9](\.\d{1,2})?$/)),
  rapporteur: optional(z.uuid()),
  resultat: optional(z.enum(["adoptee", "rejetee", "retiree"])),
  unanimite: optional(z.enum(["oui", "non"])),
  tri: optional(z.enum(["pertinence", "date"])),
  page: z
    .preprocess(single, z.coerce.number().int().min(1).max(MAX_PAGE).optional())
    .catch(undefined)
    .transform((value) => value ?? 1),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

/** Reads a search from URL parameters (Next's searchParams or URLSearchParams). */
export function parseSearchParams(input: Record<string, string | string[] | undefined> | URLSearchParams): SearchParams {
  const record = input instanceof URLSearchParams ? Object.fromEntries(input.entries()) : input;
  return searchParamsSchema.parse(record);
}

/** The URL query string of a search, without empty or default values, in a stable order. */
export function searchQueryString(params: Partial<SearchParams>): string {
  const entries: [string, string][] = [];
  const push = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== "") entries.push([key, String(value)]);
  };
  push("q", params.q);
  push("annee", params.annee);
  push("du", params.du);
  push("au", params.au);
  push("seance", params.seance);
  push("matiere", params.matiere);
  push("rapporteur", params.rapporteur);
  push("resultat", params.resultat);
  push("unanimite", params.unanimite);
  push("tri", params.tri);
  if (params.page && params.page > 1) push("page", params.page);
  return new URLSearchParams(entries).toString();
}

/** Relevance needs words to rank by; without them, newest first. */
export function effectiveSort(params: Pick<SearchParams, "q" | "tri">): SearchSort {
  return params.tri ?? (params.q ? "pertinence" : "date");
}

export function hasFilters(params: SearchParams): boolean {
  return Boolean(
    params.annee || params.du || params.au || params.seance || params.matiere || params.rapporteur || params.resultat || params.unanimite,
  );
}
