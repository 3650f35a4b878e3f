import { once } from "node:events";
import type { Writable } from "node:stream";
import type pg from "pg";
import {
  NOT_EXPORTED,
  PORTAL_FORMAT,
  PORTAL_FORMAT_VERSION,
  SIGNING_IDENTITY_NOTE,
  type PortalHeader,
} from "./portal-format";
import { quoteIdentifier, readPortalTables, type PortalTableShape } from "./portal-tables";

// npm run export: a municipality's complete records as one NDJSON file
// (portal-format.ts), read in one REPEATABLE READ transaction so that the
// header's counts and the rows are one consistent picture, and streamed: rows
// come through a cursor, a batch at a time, and wait for the output to drain.

export type PortalExportSummary = { municipality: { id: string; slug: string }; counts: Record<string, number>; rows: number; auditChainComplete: boolean };

/** Rows fetched at a time: few when they carry files (annexes, signed PDFs), many otherwise. */
const BINARY_BATCH = 8;
const BATCH = 1_000;

export class PortalExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PortalExportError";
  }
}

async function write(output: Writable, text: string): Promise<void> {
  if (!output.write(text)) await once(output, "drain");
}

function whereClause(client: pg.Client, table: PortalTableShape, municipalityId: string, auditChainComplete: boolean): string {
  const id = client.escapeLiteral(municipalityId);
  switch (table.scope) {
    case "municipality":
      return `"id" = ${id}::uuid`;
    case "scoped":
      return `"municipality_id" = ${id}::uuid`;
    case "global":
      // The signed heads of a chain the file holds whole; of a chain shared with other municipalities, none.
      return auditChainComplete ? "TRUE" : "FALSE";
  }
}

function selectList(table: PortalTableShape): string {
  return table.columns
    .map((column) =>
      table.binaryColumns.includes(column)
        ? `translate(encode(${quoteIdentifier(column)}, 'base64'), E'\\n', '') AS ${quoteIdentifier(column)}`
        : quoteIdentifier(column),
    )
    .join(", ");
}

async function chooseMunicipality(client: pg.Client, slug: string | undefined): Promise<{ id: string; slug: string; name: string }> {
  const { rows } = await client.query<{ id: string; slug: string; name: string }>(`SELECT id, slug, name FROM municipality ORDER BY slug`);
  if (slug !== undefined) {
    const found = rows.find((row) => row.slug === slug);
    if (!found) {
      throw new PortalExportError(`Aucune collectivité « ${slug} » dans cette base${rows.length ? ` (collectivités présentes : ${rows.map((row) => row.slug).join(", ")})` : " : elle est vide"}.`);
    }
    return found;
  }
  if (rows.length === 1) return rows[0]!;
  if (!rows.length) throw new PortalExportError("Cette base ne contient aucune collectivité : rien à exporter.");
  throw new PortalExportError(`Cette base contient plusieurs collectivités (${rows.map((row) => row.slug).join(", ")}) : choisissez-en une avec --municipality <slug>.`);
}

export async function exportPortal(options: { client: pg.Client; municipalitySlug?: string; output: Writable; now?: Date }): Promise<PortalExportSummary> {
  const { client, output } = options;
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    // Instants written in UTC, whatever the server's zone.
    await client.query("SET LOCAL TIME ZONE 'UTC'");
    const municipality = await chooseMunicipality(client, options.municipalitySlug);
    const tables = await readPortalTables(async (sql, params) => (await client.query(sql, params as unknown[])).rows);
    const migrations = (
      await client.query<{ name: string }>(
        `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((row) => row.name);
    const audit = (
      await client.query<{ own: string; others: string; head_id: string | null; head_hash: string | null }>(
        `SELECT count(*) FILTER (WHERE municipality_id = $1) AS own, count(*) FILTER (WHERE municipality_id <> $1) AS others,
                (SELECT id::text FROM audit_event ORDER BY id DESC LIMIT 1) AS head_id,
                (SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1) AS head_hash
         FROM audit_event`,
        [municipality.id],
      )
    ).rows[0]!;
    const auditChainComplete = Number(audit.others) === 0;

    const counts: Record<string, number> = {};
    for (const table of tables) {
      const { rows } = await client.query<{ count: string }>(
        `SELECT count(*) AS count FROM ${quoteIdentifier(table.name)} WHERE ${whereClause(client, table, municipality.id, auditChainComplete)}`,
      );
      counts[table.name] = Number(rows[0]!.count);
    }
    const header: PortalHeader = {
      type: "header",
      format: PORTAL_FORMAT,
      formatVersion: PORTAL_FORMAT_VERSION,
      exportedAt: (options.now ?? new Date()).toISOString(),
      schema: { latestMigration: migrations.at(-1) ?? "", migrations },
      municipality,
      counts,
      tables: tables.map((table) => ({ name: table.name, columns: table.columns, binaryColumns: table.binaryColumns, rows: counts[table.name]! })),
      auditChain: {
        complete: auditChainComplete,
        events: Number(audit.own),
        otherMunicipalitiesEvents: Number(audit.others),
        head: auditChainComplete && audit.head_id && audit.head_hash ? { id: audit.head_id, hash: audit.head_hash } : null,
      },
      notExported: { ...NOT_EXPORTED, ...(auditChainComplete ? {} : { audit_checkpoint: "les points de contrôle signés d'un journal partagé avec d'autres collectivités" }) },
      signingIdentity: SIGNING_IDENTITY_NOTE,
    };
    await write(output, `${JSON.stringify(header)}\n`);

    let written = 0;
    for (const table of tables) {
      if (!counts[table.name]) continue;
      const cursor = quoteIdentifier(`portal_export_${table.name}`);
      const prefix = `{"type":"row","table":${JSON.stringify(table.name)},"row":`;
      await client.query(
        `DECLARE ${cursor} NO SCROLL CURSOR FOR
         SELECT row_to_json(r)::text AS line FROM (
           SELECT ${selectList(table)} FROM ${quoteIdentifier(table.name)}
           WHERE ${whereClause(client, table, municipality.id, auditChainComplete)}
           ORDER BY ${table.orderBy.map(quoteIdentifier).join(", ")}) r`,
      );
      const batch = table.binaryColumns.length ? BINARY_BATCH : BATCH;
      for (;;) {
        const { rows } = await client.query<{ line: string }>(`FETCH ${batch} FROM ${cursor}`);
        if (!rows.length) break;
        await write(output, rows.map((row) => `${prefix}${row.line}}\n`).join(""));
        written += rows.length;
      }
      await client.query(`CLOSE ${cursor}`);
    }
    await write(output, `${JSON.stringify({ type: "end", rows: written })}\n`);
    await client.query("COMMIT");
    return { municipality: { id: municipality.id, slug: municipality.slug }, counts, rows: written, auditChainComplete };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
