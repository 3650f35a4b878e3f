import { Prisma } from "@/lib/db/prisma";
import { publishedDeliberationSql } from "./published-sql";
import { effectiveSort, SEARCH_OUTCOMES, SEARCH_PAGE_SIZE, type SearchParams } from "./search-params";

// The search as one SQL statement, built here so that the portal and the
// benchmark (which runs it directly with pg) execute exactly the same query.

export const SEARCH_CONFIG = "registre_french";
/** Around highlighted words in excerpts: characters no deliberation contains, escaped by React when shown. */
export const HIGHLIGHT_START = "\u2063\u27e6";
export const HIGHLIGHT_STOP = "\u27e7\u2063";

const MARKS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_STOP}"`;
const EXCERPT_OPTIONS = `${MARKS}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const SUBJECT_OPTIONS = `${MARKS}, HighlightAll=true`;

function filters(params: SearchParams): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (params.annee) conditions.push(Prisma.sql`d."year" = ${params.annee}`);
  // Dates are the sitting's, in Paris time.
  if (params.du) conditions.push(Prisma.sql`(s."starts_at" AT TIME ZONE 'Europe/Paris')::date >= ${params.du}::date`);
  if (params.au) conditions.push(Prisma.sql`(s."starts_at" AT TIME ZONE 'Europe/Paris')::date <= ${params.au}::date`);
  if (params.seance) conditions.push(Prisma.sql`d."sitting_id" = ${params.seance}::uuid`);
  if (params.matiere) {
    // "7" is the whole family; "7.1" the sub-matter and its deeper levels, not "7.10".
    conditions.push(Prisma.sql`(d."matter_code" = ${params.matiere} OR d."matter_code" LIKE ${`${params.matiere}.%`})`);
  }
  if (params.rapporteur) conditions.push(Prisma.sql`d."rapporteur_id" = ${params.rapporteur}::uuid`);
  if (params.resultat) conditions.push(Prisma.sql`d."outcome" = ${SEARCH_OUTCOMES[params.resultat]}::"outcome"`);
  if (params.unanimite === "oui") conditions.push(unanimousSql);
  if (params.unanimite === "non") conditions.push(Prisma.sql`NOT ${unanimousSql}`);
  return conditions;
}

/** Adopted with no vote against and no abstention (a secret ballot counts too: its figures are public). */
const unanimousSql = Prisma.sql`(d."outcome" = 'ADOPTED' AND EXISTS (
  SELECT 1 FROM "vote" v WHERE v."deliberation_id" = d."id" AND v."votes_against" = 0 AND v."abstentions" = 0))`;

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
};

/** One page of matches, each row carrying the total count and its highlighted subject and excerpt. */
export function buildSearchSql({ municipalityId, params, pageSize = SEARCH_PAGE_SIZE }: {
  municipalityId: string;
  params: SearchParams;
  pageSize?: number;
}): Prisma.Sql {
  const query = Prisma.sql`websearch_to_tsquery(${Prisma.raw(`'${SEARCH_CONFIG}'`)}::regconfig, ${params.q})`;
  const withText = params.q !== "";
  const conditions = [publishedDeliberationSql("d", municipalityId), ...filters(params)];
  if (withText) conditions.push(Prisma.sql`d."search_vector" @@ ${query}`);
  // ts_rank with normalisation 1: a long report does not outweigh a matching subject.
  const rank = withText ? Prisma.sql`ts_rank(d."search_vector", ${query}, 1)` : Prisma.sql`0::real`;
  const order =
    effectiveSort(params) === "pertinence"
      ? Prisma.sql`m."rank" DESC, m."sitting_starts_at" DESC, m."year" DESC, m."sequence" DESC`
      : Prisma.sql`m."sitting_starts_at" DESC, m."year" DESC, m."sequence" DESC`;
  const config = Prisma.raw(`'${SEARCH_CONFIG}'::regconfig`);
  const subjectHeadline = withText
    ? Prisma.sql`ts_headline(${config}, dl."subject", ${query}, ${Prisma.raw(`'${SUBJECT_OPTIONS}'`)})`
    : Prisma.sql`dl."subject"`;
  const excerpt = withText
    ? Prisma.sql`ts_headline(${config}, dl."proposals" || E'\n\n' || dl."report", ${query}, ${Prisma.raw(`'${EXCERPT_OPTIONS}'`)})`
    : Prisma.sql`left(dl."proposals", 240)`;

  return Prisma.sql`
    WITH matches AS (
      SELECT d."id", d."year", d."sequence", s."starts_at" AS "sitting_starts_at", ${rank} AS "rank"
      FROM "deliberation" d JOIN "sitting" s ON s."id" = d."sitting_id"
      WHERE ${Prisma.join(conditions, " AND ")}
    ), page AS (
      SELECT m.*, count(*) OVER () AS "total" FROM matches m
      ORDER BY ${order}
      LIMIT ${pageSize} OFFSET ${(params.page - 1) * pageSize}
    )
    SELECT dl."id", dl."number", dl."subject", dl."is_demo", dl."matter_code", dl."outcome",
      dl."published_at", m."sitting_starts_at", m."rank", m."total",
      ${subjectHeadline} AS "subject_headline", ${excerpt} AS "excerpt",
      v."secret", v."present_and_represented", v."present", v."represented", v."abstentions", v."non_participation",
      v."expressed", v."votes_for", v."votes_against"
    FROM page m JOIN "deliberation" dl ON dl."id" = m."id" LEFT JOIN "vote" v ON v."deliberation_id" = dl."id"
    ORDER BY ${order}`;
}
