import "server-only";
import { getPrisma, Prisma, type Db } from "@/lib/db/prisma";
import { isoDay, localDay, scdlMatterCode, scdlMatterName } from "@/lib/domain";
import { publishedDeliberationSql } from "@/lib/publication/published-deliberation";
import { csvRecord, spreadsheetRecord, UTF8_BOM } from "./csv";
import { deliberationPath } from "@/lib/publication/deliberation-path";
import { SCDL_COLUMNS, SPREADSHEET_HEADINGS } from "./scdl-columns";

export { SCDL_COLUMNS, SPREADSHEET_HEADINGS };

// The SCDL « Délibérations » 2.1.5 export (schema.data.gouv.fr/scdl/deliberations):
// exactly its 17 columns, in its order, one row per published deliberation.
// Rows are read in batches of 1,000 by keyset (after the last (year,
// sequence) sent, never OFFSET), and a batch is read only when the response has
// asked for more (a pull stream, without read-ahead): the export's
// memory does not grow with the archive, and a slow client slows the reading
// instead of piling rows up in the server.
//
// COLL_NOM, COLL_SIRET, PREF_ID and VOTE_EFFECTIF are what each act states
// of its municipality, frozen at its publication (deliberation_snapshot), not
// today's settings: an act's row does not change when the settings do.
//
// Demo records (is_demo) are left out: the schema has no column to say a row
// is fictional, and data.gouv.fr's consumers would take them for real acts.
// The JSON API, which can say so (isDemo), carries them.
//
// The same rows are offered as a spreadsheet-friendly file (spreadsheetDeliberationsCsv):
// the SCDL file is for machines and keeps every text as typed, but a French
// spreadsheet opens it as one column with broken accents.

const BATCH_SIZE = 1000;

type Row = {
  coll_nom: string;
  coll_siret: string;
  department_code: string;
  members_in_office: number;
  year: number;
  /** 0 for an archived act (numbered by its town): they come first in their year, by identifier. */
  sequence: number;
  number: string;
  original_identifier: string | null;
  subject: string;
  matter_code: string | null;
  budget_year: string | null;
  budget_name: string | null;
  authority: string | null;
  participants: number | null;
  voted_at: Date | null;
  sitting_starts_at: Date;
  received_at: Date | null;
  abstentions: number | null;
  expressed: number | null;
  votes_for: number | null;
  votes_against: number | null;
};

export type ScdlExportOptions = {
  municipalityId: string;
  year?: number;
  baseUrl: string;
  db?: Db;
  /** Rows read per query. */
  batchSize?: number;
};

type ScdlValue = string | number | null;
/** One deliberation's SCDL values, in SCDL_COLUMNS' order (dates as YYYY-MM-DD). */
type ScdlRow = ScdlValue[];

/** The export's rows in batches, in number order. Pass `year` for one year's acts. */
async function* scdlRowBatches({
  municipalityId,
  year,
  baseUrl,
  db = getPrisma(),
  batchSize = BATCH_SIZE,
}: ScdlExportOptions): AsyncGenerator<ScdlRow[]> {
  // The zone that tells an act's day; everything the act states comes from its snapshot.
  const { timeZone } = await db.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { timeZone: true } });
  const site = baseUrl.replace(/\/$/, "");
  let after: { year: number; sequence: number; number: string } | null = null;
  for (;;) {
    const rows: Row[] = await db.$queryRaw<Row[]>(Prisma.sql`
      SELECT m."municipality_record" ->> 'name' AS "coll_nom", m."municipality_record" ->> 'siret' AS "coll_siret",
        m."municipality_record" ->> 'departmentCode' AS "department_code",
        -- An archived act's VOTE_EFFECTIF is its sitting's, as its archive gave it.
        CASE WHEN d."archive_import_id" IS NULL THEN (m."municipality_record" ->> 'membersInOffice')::int ELSE s."members_in_office" END AS "members_in_office",
        d."year", coalesce(d."sequence", 0) AS "sequence", d."number", d."original_identifier", d."subject", d."matter_code", d."voted_at",
        d."budget_year", d."budget_name", s."starts_at" AS "sitting_starts_at", r."received_at", r."authority",
        v."abstentions", v."expressed", v."votes_for", v."votes_against", v."participants"
      FROM "deliberation" d
      JOIN "sitting" s ON s."id" = d."sitting_id"
      JOIN "deliberation_snapshot" m ON m."deliberation_id" = d."id"
      LEFT JOIN "vote" v ON v."municipality_id" = d."municipality_id" AND v."deliberation_id" = d."id"
      LEFT JOIN "prefecture_receipt" r ON r."municipality_id" = d."municipality_id" AND r."deliberation_id" = d."id"
      WHERE ${publishedDeliberationSql("d", municipalityId)} AND NOT d."is_demo"
        ${year ? Prisma.sql`AND d."year" = ${year}` : Prisma.empty}
        ${after ? Prisma.sql`AND (d."year", coalesce(d."sequence", 0), d."number") > (${after.year}, ${after.sequence}, ${after.number})` : Prisma.empty}
      ORDER BY d."year", coalesce(d."sequence", 0), d."number"
      LIMIT ${batchSize}`);
    if (rows.length === 0) return;
    yield rows.map((row) => [
      row.coll_nom,
      row.coll_siret,
      // An archived act under its town's own identifier, as its archive gave it.
      row.original_identifier ?? row.number,
      row.voted_at ? isoDay(row.voted_at) : localDay(row.sitting_starts_at, timeZone),
      row.matter_code ? scdlMatterCode(row.matter_code) : "",
      row.matter_code ? scdlMatterName(row.matter_code) : "",
      row.subject,
      row.budget_year ?? "",
      row.budget_name ?? "",
      row.authority ?? `PREF${row.department_code}`,
      row.received_at ? isoDay(row.received_at) : "",
      row.expressed === null && row.participants === null ? "" : row.members_in_office,
      row.participants ?? (row.expressed === null ? "" : row.expressed + (row.abstentions ?? 0)),
      row.votes_for,
      row.votes_against,
      row.abstentions,
      `${site}${deliberationPath(row.number)}`,
    ]);
    const last = rows[rows.length - 1]!;
    after = { year: last.year, sequence: last.sequence, number: last.number };
    if (rows.length < batchSize) return;
  }
}

/** The export as CSV chunks: the header, then one chunk per batch of rows in number order. Pass `year` for one year's acts. */
export async function* scdlDeliberationsCsv(options: ScdlExportOptions): AsyncGenerator<string> {
  yield csvRecord([...SCDL_COLUMNS]);
  for await (const batch of scdlRowBatches(options)) yield batch.map((row) => csvRecord(row)).join("");
}

const DATE_COLUMNS = new Set<number>([SCDL_COLUMNS.indexOf("DELIB_DATE"), SCDL_COLUMNS.indexOf("PREF_DATE")]);
/** 2022-04-07 → 07/04/2022, the form a French spreadsheet reads as a date. */
const frenchDate = (value: ScdlValue) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split("-").reverse().join("/") : value);

/**
 * The same rows for a spreadsheet: UTF-8 with a byte order mark, `;` between
 * fields, CRLF, French headings, dates as JJ/MM/AAAA, and any text that a
 * spreadsheet would run as a formula neutralised (csv.ts, spreadsheetText).
 */
export async function* spreadsheetDeliberationsCsv(options: ScdlExportOptions): AsyncGenerator<string> {
  const format = (row: ScdlRow) => spreadsheetRecord(row.map((value, index) => (DATE_COLUMNS.has(index) ? frenchDate(value) : value)));
  yield UTF8_BOM + spreadsheetRecord([...SPREADSHEET_HEADINGS]);
  for await (const batch of scdlRowBatches(options)) yield batch.map(format).join("");
}

/** The years that have published, non-demo deliberations: one file each. */
export async function listScdlYears({ municipalityId, db = getPrisma() }: { municipalityId: string; db?: Db }): Promise<number[]> {
  // The municipality's years walked down the index on (municipality_id, year), one probe each, then kept when one
  // of their acts is published and real: a DISTINCT over the published acts read all of them (0.5 s for 200,000).
  const rows = await db.$queryRaw<{ year: number }[]>(Prisma.sql`
    WITH RECURSIVE years ("year") AS (
      SELECT max(b."year") FROM "deliberation" b WHERE b."municipality_id" = ${municipalityId}::uuid
      UNION ALL
      SELECT (SELECT max(b."year") FROM "deliberation" b WHERE b."municipality_id" = ${municipalityId}::uuid AND b."year" < years."year")
      FROM years WHERE years."year" IS NOT NULL
    )
    SELECT years."year" FROM years
    CROSS JOIN LATERAL (
      -- LIMIT 1: one probe per year (an EXISTS would be planned as a join over every act).
      SELECT 1 FROM "deliberation" d WHERE d."year" = years."year" AND ${publishedDeliberationSql("d", municipalityId)} AND NOT d."is_demo" LIMIT 1
    ) found
    WHERE years."year" IS NOT NULL
    ORDER BY years."year" DESC`);
  return rows.map((row) => row.year);
}

/**
 * A Web stream of the export, for a route's Response. Pull-based with no
 * read-ahead (highWaterMark 0): the next batch is queried only when the
 * consumer asks for more, which Next does when the socket has drained.
 */
export function scdlDeliberationsStream(options: ScdlExportOptions & { format?: "scdl" | "spreadsheet" }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  // An async generator runs nothing until asked: no query before the first read.
  const chunks = options.format === "spreadsheet" ? spreadsheetDeliberationsCsv(options) : scdlDeliberationsCsv(options);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
