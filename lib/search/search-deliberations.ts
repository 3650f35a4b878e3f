import "server-only";
import { getPrisma, Prisma, type Db } from "@/lib/db/prisma";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import type { StatedTally } from "@/lib/domain";
import { nameWords, namedCouncillorsSql, type NamedCouncillorRow } from "./councillor-name-sql";
import { type SearchParams, SEARCH_PAGE_SIZE } from "./search-params";
import { buildSearchSql, SEARCH_CANDIDATE_LIMIT, SEARCH_CONFIG, type SearchSqlRow } from "./search-sql";

export type SearchHit = {
  id: string;
  number: string;
  isDemo: boolean;
  subject: string;
  /** The subject with matched words between HIGHLIGHT_START and HIGHLIGHT_STOP. */
  subjectHighlighted: string;
  /** A highlighted passage of the proposals or report (the start of the proposals without words). */
  excerpt: string;
  matterCode: string | null;
  outcome: SearchSqlRow["outcome"];
  publishedAt: Date;
  sittingStartsAt: Date;
  rank: number;
  tally: (StatedTally & { secret: boolean }) | null;
};

/** A councillor the search's words name, with the number of published acts they reported. */
export type SearchCouncillor = CouncillorRef & { isDemo: boolean; reported: number };

export type SearchResult = {
  hits: SearchHit[];
  /** Councillors whose names hold every word of the query (their reported acts are among the hits). */
  councillors: SearchCouncillor[];
  /** Matches counted: all of them, or those of `searchedFromYear` and later. */
  total: number;
  /**
   * Set when older years were not searched: a frequent word reached the candidate limit in the newest
   * years (search-sql.ts); the count and the ranking are those of this year and later.
   */
  searchedFromYear: number | null;
  page: number;
  pageCount: number;
  /** The query had words but none the search can use (only punctuation, only "le la les"…). */
  meaninglessQuery: boolean;
};

/** Published deliberations of a municipality matching a public search (see search-params.ts). */
export async function searchDeliberations({
  municipalityId,
  params,
  pageSize = SEARCH_PAGE_SIZE,
  candidateLimit = SEARCH_CANDIDATE_LIMIT,
  db = getPrisma(),
}: {
  municipalityId: string;
  params: SearchParams;
  pageSize?: number;
  /** null: every match counted and ranked, however many. */
  candidateLimit?: number | null;
  db?: Db;
}): Promise<SearchResult> {
  const words = params.q ? nameWords(params.q) : null;
  const named = words ? await db.$queryRaw<NamedCouncillorRow[]>(namedCouncillorsSql(municipalityId, words)) : [];
  const rapporteurIds = named.map((councillor) => councillor.id);
  const rows = await db.$queryRaw<SearchSqlRow[]>(buildSearchSql({ municipalityId, params, pageSize, rapporteurIds, candidateLimit }));
  let total = rows.length ? Number(rows[0]!.total) : 0;
  let searchedFromYear = rows[0]?.partial ? rows[0].from_year : null;
  let meaninglessQuery = false;
  if (!rows.length) {
    if (params.q && !named.length) {
      const [lexemes] = await db.$queryRaw<{ nodes: number }[]>(
        Prisma.sql`SELECT numnode(websearch_to_tsquery(${Prisma.raw(`'${SEARCH_CONFIG}'`)}::regconfig, ${params.q})) AS "nodes"`,
      );
      meaninglessQuery = (lexemes?.nodes ?? 0) === 0;
    }
    // Past the last page: say how many there are, so the page can offer the way back.
    if (params.page > 1 && !meaninglessQuery) {
      const [count] = await db.$queryRaw<SearchSqlRow[]>(
        buildSearchSql({ municipalityId, params: { ...params, page: 1 }, pageSize: 1, rapporteurIds, candidateLimit }),
      );
      total = count ? Number(count.total) : 0;
      searchedFromYear = count?.partial ? count.from_year : null;
    }
  }
  return {
    hits: rows.map((row) => ({
      id: row.id,
      number: row.number,
      isDemo: row.is_demo,
      subject: row.subject,
      subjectHighlighted: row.subject_headline,
      excerpt: row.excerpt,
      matterCode: row.matter_code,
      outcome: row.outcome,
      publishedAt: row.published_at,
      sittingStartsAt: row.sitting_starts_at,
      rank: Number(row.rank),
      tally:
        row.secret === null
          ? null
          : {
              secret: row.secret,
              // An archived act may leave figures unknown: null, never a zero it did not state.
              presentAndRepresented: row.present_and_represented,
              present: row.present,
              represented: row.represented,
              abstentions: row.abstentions,
              nonParticipation: row.non_participation,
              expressed: row.expressed,
              votesFor: row.votes_for,
              votesAgainst: row.votes_against,
              unanimous: row.unanimous ?? false,
            },
    })),
    councillors: named.map((councillor) => ({
      id: councillor.id,
      civility: councillor.civility,
      firstName: councillor.first_name,
      lastName: councillor.last_name,
      role: councillor.role,
      roleLabel: councillor.role_label,
      isDemo: councillor.is_demo,
      reported: councillor.reported,
    })),
    total,
    searchedFromYear,
    page: params.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    meaninglessQuery,
  };
}

