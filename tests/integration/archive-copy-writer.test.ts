import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSyntheticArchive, LAST_YEAR, type ArchiveWriter } from "../bench/synthetic-archive";
import { connect, createDatabase } from "./support/database";

// The bench writes its million-act archive by COPY with the triggers off
// (tests/bench/synthetic-archive.ts, copyYear), so that it takes minutes. The
// rules those triggers check are then not run: this test writes the same small
// archive both ways, once through every rule, and requires the two databases
// to hold the same rows in every table, snapshots and sittings' public
// addresses included. Only what the database stamps on its own is left out:
// random row ids and the times of writing.

const SEED = "registre-archive-writers";
// Two acts a sitting: 400 acts over twenty years; named roll calls for the last two.
const SCALE = 0.02;
const ROLL_CALLS_FROM = LAST_YEAR - 1;

type TableContent = { table: string; rows: string[] };

/** Every public table's rows as JSON text, sorted, without the columns the database fills with a random id or the time. */
async function contentOf(client: pg.Client): Promise<TableContent[]> {
  const { rows: columns } = await client.query<{ table: string; ignored: string[] }>(
    `SELECT t.table_name AS table,
            coalesce(array_agg(c.column_name::text) FILTER (
              WHERE c.column_default ~* '(gen_random_uuid|now\\(\\)|current_timestamp|nextval)'), '{}') AS ignored
     FROM information_schema.tables t
     JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name
     WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name <> '_prisma_migrations'
     GROUP BY t.table_name ORDER BY t.table_name`,
  );
  const content: TableContent[] = [];
  for (const { table, ignored } of columns) {
    const { rows } = await client.query<{ row: string }>(
      `SELECT (to_jsonb(t) - $1::text[])::text AS row FROM ${client.escapeIdentifier(table)} t ORDER BY 1`,
      [ignored],
    );
    content.push({ table, rows: rows.map((row) => row.row) });
  }
  return content;
}

describe("the bench archive's COPY writer", () => {
  const clients: Partial<Record<ArchiveWriter, pg.Client>> = {};
  const reports: Partial<Record<ArchiveWriter, Awaited<ReturnType<typeof generateSyntheticArchive>>>> = {};

  beforeAll(async () => {
    for (const writer of ["rules", "copy"] as const) {
      const url = await createDatabase(`registre_archive_writer_${writer}`);
      reports[writer] = await generateSyntheticArchive({ connectionString: url, seed: SEED, scale: SCALE, rollCallsFrom: ROLL_CALLS_FROM, writer, analyze: false });
      clients[writer] = await connect(url);
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(Object.values(clients).map((client) => client.end()));
  });

  it("writes the rows the rules write, in every table", async () => {
    const rules = await contentOf(clients.rules!);
    const copy = await contentOf(clients.copy!);
    // The archive is not empty, and has both kinds of acts.
    expect(reports.rules?.rowCounts.deliberation).toBeGreaterThan(300);
    expect(reports.rules?.rowCounts.attendance).toBeGreaterThan(0);
    expect(reports.rules?.rowCounts.vote_record).toBeGreaterThan(0);
    const count = (content: TableContent[], table: string) => content.find((entry) => entry.table === table)?.rows.length;
    expect(count(rules, "deliberation_snapshot")).toBe(reports.rules?.rowCounts.deliberation);
    expect(rules.map((entry) => entry.table)).toEqual(copy.map((entry) => entry.table));
    for (const [index, entry] of rules.entries()) {
      const other = copy[index]!;
      expect({ table: other.table, count: other.rows.length }).toEqual({ table: entry.table, count: entry.rows.length });
      // Row by row, so that a difference names its table and row.
      entry.rows.forEach((row, rowIndex) => expect({ table: entry.table, row: other.rows[rowIndex] }).toEqual({ table: entry.table, row }));
    }
  });

  it("leaves every act published with its snapshot, and every sitting its public address", async () => {
    const { rows } = await clients.copy!.query<{ unpublished: number; without_snapshot: number; without_slug: number }>(
      `SELECT (SELECT count(*)::int FROM deliberation WHERE status <> 'PUBLISHED') AS unpublished,
              (SELECT count(*)::int FROM deliberation d WHERE NOT EXISTS (SELECT 1 FROM deliberation_snapshot s WHERE s.deliberation_id = d.id)) AS without_snapshot,
              (SELECT count(*)::int FROM sitting WHERE public_slug IS NULL) AS without_slug`,
    );
    expect(rows[0]).toEqual({ unpublished: 0, without_snapshot: 0, without_slug: 0 });
  });
});
