import { Prisma } from "@/lib/db/prisma";
import { publishedDeliberationSql } from "@/lib/publication/published-deliberation";
import { effectiveSort, SEARCH_OUTCOMES, SEARCH_PAGE_SIZE, type SearchParams } from "./search-params";
import { unanimousVoteSql } from "@/lib/publication/tally-select";

// The search as one SQL statement, built here so that the portal and the
// benchmark (which runs it directly with pg) execute exactly the same query.

export const SEARCH_CONFIG = "registre_french";
/** Around highlighted words in excerpts: characters no deliberation contains, escaped by React when shown. */
export const HIGHLIGHT_START = "\u2063\u27e6";
export const HIGHLIGHT_STOP = "\u27e7\u2063";

const MARKS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_STOP}"`;
const EXCERPT_OPTIONS = `${MARKS}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const SUBJECT_OPTIONS = `${MARKS}, HighlightAll=true`;

function filters(municipalityId: string, params: SearchParams): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (params.annee) conditions.push(Prisma.sql`d."year" = ${params.annee}`);
  if (params.du || params.au) conditions.push(sittingPeriodSql(municipalityId, params.du, params.au));
  if (params.seance) conditions.push(Prisma.sql`d."sitting_id" = ${params.seance}::uuid`);
  if (params.matiere) {
    // "7" is the whole family; "7.1" the sub-matter and its deeper levels, not "7.10". Written
    // as deliberation_matter_year_idx is, so that the index can serve it.
    const [family, subMatter] = params.matiere.split(".");
    conditions.push(Prisma.sql`split_part(d."matter_code", '.', 1) = ${family}`);
    if (subMatter !== undefined) conditions.push(Prisma.sql`split_part(d."matter_code", '.', 2) = ${subMatter}`);
  }
  if (params.rapporteur) conditions.push(Prisma.sql`d."rapporteur_id" = ${params.rapporteur}::uuid`);
  if (params.resultat) conditions.push(Prisma.sql`d."outcome" = ${SEARCH_OUTCOMES[params.resultat]}::"outcome"`);
  if (params.unanimite === "oui") conditions.push(unanimousSql);
  if (params.unanimite === "non") conditions.push(Prisma.sql`NOT ${unanimousSql}`);
  return conditions;
}

/** The municipality's local days, in its zone. */
const zoneSql = (municipalityId: string) => Prisma.sql`(SELECT m."time_zone" FROM "municipality" m WHERE m."id" = ${municipalityId}::uuid)`;

/** The sittings of the period: from midnight of `du` to midnight after `au`, in the municipality's zone. */
function periodSittingsSql(municipalityId: string, du: string | undefined, au: string | undefined, column: Prisma.Sql): Prisma.Sql {
  const bounds = [Prisma.sql`p."municipality_id" = ${municipalityId}::uuid`];
  if (du) bounds.push(Prisma.sql`p."starts_at" >= (${du}::date)::timestamp AT TIME ZONE ${zoneSql(municipalityId)}`);
  if (au) bounds.push(Prisma.sql`p."starts_at" < (${au}::date + 1)::timestamp AT TIME ZONE ${zoneSql(municipalityId)}`);
  return Prisma.sql`SELECT ${column} FROM "sitting" p WHERE ${Prisma.join(bounds, " AND ")}`;
}

/**
 * Held by a sitting of the period. The sittings are picked first, as an
 * array: the deliberations are then read once, through the index on
 * sitting_id alongside the text index, rather than once per sitting.
 */
function sittingPeriodSql(municipalityId: string, du: string | undefined, au: string | undefined): Prisma.Sql {
  return Prisma.sql`d."sitting_id" = ANY (ARRAY(${periodSittingsSql(municipalityId, du, au, Prisma.sql`p."id"`)}))`;
}

/** Adopted with no vote against and no abstention (a secret ballot counts too: its figures are public), or "à l'unanimité" for an archived act without figures. */
const unanimousSql = Prisma.sql`(d."outcome" = 'ADOPTED' AND EXISTS (
  SELECT 1 FROM "vote" v WHERE v."municipality_id" = d."municipality_id" AND v."deliberation_id" = d."id"
    AND ${unanimousVoteSql("v")}))`;

export type SearchSqlRow = {
  id: string;
  number: string;
  subject: string;
  is_demo: boolean;
  matter_code: string;
  outcome: "ADOPTED" | "REJECTED" | "WITHDRAWN" | null;
  published_at: Date;
  sitting_starts_at: Date;
  rank: number;
  total: bigint | number;
  /** The oldest year counted and ranked (null: every year, the exact search). */
  from_year: number | null;
  /** Older years hold acts that were not searched (the limit was reached before them). */
  partial: boolean;
  subject_headline: string;
  excerpt: string;
  /** The vote's figures, null without a vote (withdrawn). */
  secret: boolean | null;
  present_and_represented: number | null;
  present: number | null;
  represented: number | null;
  abstentions: number | null;
  non_participation: number | null;
  expressed: number | null;
  votes_for: number | null;
  votes_against: number | null;
  unanimous: boolean | null;
};

/**
 * Past this many matches, a search counts and ranks only the newest years'
 * (see buildSearchSql): a frequent word in a million acts must not read every
 * match to sort a page of twenty.
 */
export const SEARCH_CANDIDATE_LIMIT = 1000;

/**
 * One page of matches, each row carrying the count and its highlighted subject and excerpt.
 *
 * Every match is found through the GIN index on the municipality, the year and
 * `search_vector` (subject, proposals and the whole report); relevance is `ts_rank` on
 * `search_rank_vector`, a small vector of the subject and the report's heading
 * (weight A) and the proposals (B), kept in the row itself: ranking thousands of
 * matches of a frequent word then reads no out-of-line report. A match found
 * only in the report ranks 0 and comes after those whose subject or proposals
 * hold a word, newest first.
 *
 * Bounded: the matches are counted year by year, from the newest, until
 * `candidateLimit` is reached; only the years counted so far are then ranked
 * and paged (`from_year`, `partial` when older years were left out, which the
 * page says, offering to search before that year). Below the limit, and with
 * `candidateLimit: null`, every match is counted and ranked, as with a year or
 * a sitting chosen (a bound of its own). The matches are
 * computed once (a materialized CTE holding only identifiers, numbers and
 * ranks, or sitting dates when sorted by date): the page and the count both
 * read them.
 */
export function buildSearchSql({
  municipalityId,
  params,
  pageSize = SEARCH_PAGE_SIZE,
  rapporteurIds = [],
  candidateLimit = SEARCH_CANDIDATE_LIMIT,
}: {
  municipalityId: string;
  params: SearchParams;
  pageSize?: number;
  /** Councillors the words name (councillor-name-sql.ts): the acts they reported match too. */
  rapporteurIds?: string[];
  /** null: the exact search, every year counted and ranked. */
  candidateLimit?: number | null;
}): Prisma.Sql {
  const query = Prisma.sql`websearch_to_tsquery(${Prisma.raw(`'${SEARCH_CONFIG}'`)}::regconfig, ${params.q})`;
  const withText = params.q !== "";
  const byRelevance = effectiveSort(params) === "pertinence";
  const conditions = [publishedDeliberationSql("d", municipalityId), ...filters(municipalityId, params)];
  if (withText) {
    // An act reported by a councillor the words name matches as well; it ranks after the text's matches (rank 0).
    conditions.push(
      rapporteurIds.length
        ? Prisma.sql`(d."search_vector" @@ ${query} OR d."rapporteur_id" = ANY (${rapporteurIds}::uuid[]))`
        : Prisma.sql`d."search_vector" @@ ${query}`,
    );
  }
  const matching = Prisma.join(conditions, " AND ");
  // Normalisation 1 (divided by 1 + log of the vector's length): a long list of proposals does not outweigh a matching subject.
  // Sorted by date, the rank is not needed: not computed.
  const rank = withText && byRelevance ? Prisma.sql`ts_rank(d."search_rank_vector", ${query}, 1)` : Prisma.sql`0::real`;
  // Equal relevance (a match in the report alone ranks 0): newest first, by number, which follows the
  // sittings; the sitting is then joined for the page's rows only. By date: the sitting's date itself.
  const order = byRelevance
    ? Prisma.sql`m."rank" DESC, m."year" DESC, m."sequence" DESC NULLS LAST, m."id"`
    : Prisma.sql`m."sitting_starts_at" DESC, m."year" DESC, m."sequence" DESC NULLS LAST, m."id"`;
  const sittingOfMatch = byRelevance
    ? { column: Prisma.empty, join: Prisma.empty }
    : { column: Prisma.sql`, s."starts_at" AS "sitting_starts_at"`, join: Prisma.sql`JOIN "sitting" s ON s."id" = d."sitting_id"` };
  const config = Prisma.raw(`'${SEARCH_CONFIG}'::regconfig`);
  const subjectHeadline = withText
    ? Prisma.sql`ts_headline(${config}, dl."subject", ${query}, ${Prisma.raw(`'${SUBJECT_OPTIONS}'`)})`
    : Prisma.sql`dl."subject"`;
  const excerpt = withText
    ? Prisma.sql`ts_headline(${config}, concat_ws(E'\n\n', dl."proposals", dl."report"), ${query}, ${Prisma.raw(`'${EXCERPT_OPTIONS}'`)})`
    : Prisma.sql`left(coalesce(dl."proposals", ''), 240)`;

  // The years counted: from the newest, one count per year (each through the text index, whose first keys are the
  // municipality and the year), until the limit.
  const bounded = candidateLimit !== null && !params.annee && !params.seance;
  const matchRows = (year: Prisma.Sql) => Prisma.sql`
      SELECT d."id", d."year", d."sequence"${sittingOfMatch.column}, ${rank} AS "rank"
      FROM "deliberation" d ${sittingOfMatch.join}
      WHERE ${matching}${year}`;
  // The years searched: those of the municipality's acts, or with a period those of its sittings (in local time). An
  // act's year is its sitting's: a number must be of the sitting's year, an archived act's year is its date's, the day
  // of the sitting it was given. Reading the period's acts to find their years would cost more than the search itself
  // (no index on sitting_id holds the year), and counting from the archive's last year would cross every year after.
  const years = params.du || params.au
    ? Prisma.sql`SELECT min(y."year") AS "first", max(y."year") AS "last" FROM (${periodSittingsSql(municipalityId, params.du, params.au,
        Prisma.sql`extract(year FROM p."starts_at" AT TIME ZONE ${zoneSql(municipalityId)})::int AS "year"`)}) y`
    : Prisma.sql`SELECT min(b."year") AS "first", max(b."year") AS "last" FROM "deliberation" b WHERE b."municipality_id" = ${municipalityId}::uuid`;
  const reach = !bounded
      ? Prisma.sql`reach AS (SELECT NULL::int AS "from_year", false AS "partial"),`
      : Prisma.sql`bounds AS (${years}), span ("year", "found") AS (
      SELECT bounds."last", (SELECT count(*) FROM "deliberation" d WHERE ${matching} AND d."year" = bounds."last")
      FROM bounds WHERE bounds."last" IS NOT NULL
      UNION ALL
      SELECT span."year" - 1, span."found" + (SELECT count(*) FROM "deliberation" d WHERE ${matching} AND d."year" = span."year" - 1)
      FROM span, bounds WHERE span."found" < ${candidateLimit} AND span."year" > bounds."first"
    ), reach AS (
      SELECT min(span."year")::int AS "from_year", min(span."year") > min(bounds."first") AS "partial" FROM span, bounds
    ),`;
  // Bounded, the matches are read year by year, as they were counted: one equality on the index's year key each,
  // where a range over the years would scan the index's entries for every year and keep the recent ones.
  const matchesSql = !bounded
    ? matchRows(Prisma.empty)
    : Prisma.sql`SELECT x.* FROM span CROSS JOIN LATERAL (${matchRows(Prisma.sql` AND d."year" = span."year"`)}) x`;

  return Prisma.sql`
    WITH RECURSIVE ${reach} matches AS MATERIALIZED (
      ${matchesSql}
    ), page AS (
      SELECT m.* FROM matches m
      ORDER BY ${order}
      LIMIT ${pageSize} OFFSET ${(params.page - 1) * pageSize}
    )
    SELECT dl."id", dl."number", dl."subject", dl."is_demo", dl."matter_code", dl."outcome",
      dl."published_at", ps."starts_at" AS "sitting_starts_at", m."rank", (SELECT count(*) FROM matches) AS "total",
      (SELECT "from_year" FROM reach) AS "from_year", (SELECT "partial" FROM reach) AS "partial",
      ${subjectHeadline} AS "subject_headline", ${excerpt} AS "excerpt",
      v."secret", v."present_and_represented", v."present", v."represented", v."abstentions", v."non_participation",
      v."expressed", v."votes_for", v."votes_against", v."unanimous"
    FROM page m JOIN "deliberation" dl ON dl."id" = m."id" JOIN "sitting" ps ON ps."id" = dl."sitting_id"
      LEFT JOIN "vote" v ON v."municipality_id" = dl."municipality_id" AND v."deliberation_id" = dl."id"
    ORDER BY ${order}`;
}
