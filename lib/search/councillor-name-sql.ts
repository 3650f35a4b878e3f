import { Prisma } from "@/lib/db/prisma";
import { publishedDeliberationSql } from "@/lib/publication/published-deliberation";

// A search may be a councillor's name ("JOISSAINS", "Fabienne VINCENTI"):
// the words of the query are then looked up in the councillors' names too, so
// that the page names the councillor and finds the acts they reported.

const CIVILITIES = new Set(["m", "m.", "mme", "mlle", "monsieur", "madame", "mademoiselle"]);
const MAX_NAME_WORDS = 4;

/**
 * The words of a query that could make a name, or null when it cannot be one
 * (a digit, an operator, a phrase in quotes, more than four words). Civilities
 * ("Madame", "M.") are left out.
 */
export function nameWords(query: string): string[] | null {
  const words = query
    .split(/\s+/)
    .map((word) => word.replace(/^[«"(]+|[»"),;:.!?]+$/g, ""))
    .filter((word) => word !== "" && !CIVILITIES.has(word.toLowerCase()));
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return null;
  if (!words.every((word) => /^\p{L}[\p{L}'’-]*$/u.test(word) && word.length >= 2)) return null;
  return words;
}

/** Councillors of the municipality whose first and last names hold every word (whole words, accents and case ignored). */
export function councillorsNamedSql(municipalityId: string, words: string[]): Prisma.Sql {
  // Words are letters, hyphens and apostrophes only (nameWords): nothing a regular expression would read as an operator.
  const conditions = words.map(
    (word) => Prisma.sql`lower(unaccent(c."first_name" || ' ' || c."last_name")) ~ ('\\m' || lower(unaccent(${word})) || '\\M')`,
  );
  return Prisma.sql`SELECT c."id" FROM "councillor" c
    WHERE c."municipality_id" = ${municipalityId}::uuid AND ${Prisma.join(conditions, " AND ")}`;
}

export type NamedCouncillorRow = {
  id: string;
  civility: "MONSIEUR" | "MADAME";
  first_name: string;
  last_name: string;
  role: "MAYOR" | "DEPUTY_MAYOR" | "DELEGATED_COUNCILLOR" | "COUNCILLOR";
  role_label: string | null;
  is_demo: boolean;
  reported: number;
};

/** The councillors a query names, with the number of published acts each reported; the real council first. */
export function namedCouncillorsSql(municipalityId: string, words: string[]): Prisma.Sql {
  return Prisma.sql`SELECT c."id", c."civility", c."first_name", c."last_name", c."role", c."role_label", c."is_demo",
      (SELECT count(*)::int FROM "deliberation" d WHERE ${publishedDeliberationSql("d", municipalityId)} AND d."rapporteur_id" = c."id") AS "reported"
    FROM "councillor" c
    WHERE c."id" IN (${councillorsNamedSql(municipalityId, words)})
    ORDER BY c."is_demo", c."last_name", c."first_name"
    LIMIT 20`;
}
