import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { Db, Tx } from "@/lib/db/prisma";
import { countOf } from "@/lib/domain/plural";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { readDatabaseFailure, toAppError } from "@/lib/to-app-error";
import {
  PORTAL_FORMAT,
  PORTAL_FORMAT_VERSION,
  portalEndSchema,
  portalHeaderSchema,
  portalRowSchema,
  type PortalHeader,
  type PortalTable,
} from "./portal-format";
import { quoteIdentifier, readPortalTables, type PortalTableShape } from "./portal-tables";
import { readLines, type FileLine } from "./read-lines";

// npm run import -- <file> --format registre: a portal exported by npm run
// export, restored into a database that does not hold its municipality, with
// every row as it was (ids, timestamps, hashes, frozen records, signed PDFs),
// in one transaction: a refusal anywhere, a file cut short, and nothing is
// written.
//
// The rows go in set-wise (a batch of lines is one INSERT … SELECT from
// json_populate_record, so PostgreSQL itself reads every column in its own
// type), in the file's table order, through every constraint and trigger, in
// the restore mode of the migration 20261202100000_portal_restore: opened for
// this municipality by this transaction, it lifts only what judges a write as
// if it happened today (the snapshot taken at publication, the national
// derogation windows, the slug given when a sitting turns public, a PV that
// starts as a draft, a convocation judged on today's population) and is closed
// before the deferred checks run. A published act is inserted before its
// publication, with its attendance, vote, receipt and annexes, and published
// last, as the workflow does; its snapshot is the one the file brings. The
// audit chain is restored whole, checked, and continued by one event that
// records the import (file, SHA-256, counts).

export type RegistreImportOptions = {
  /** The owner's connection (DATABASE_OWNER_URL, else DATABASE_URL): the restore mode is the owner's alone. */
  db: Db;
  /** The municipality expected in the file (--municipality): another one is refused. */
  municipality?: string;
  /** Reads and checks everything, writes it, runs every check, then rolls back. */
  dryRun?: boolean;
  onProgress?: (progress: { bytes: number; totalBytes: number; rows: number }) => void;
};

export type RegistreImportReport = {
  format: "registre";
  dryRun: boolean;
  file: { name: string; sha256: string; size: number };
  municipality: { id: string; slug: string; name: string };
  exportedAt: string;
  /** Rows restored, per table. */
  counts: Record<string, number>;
  rows: number;
  /** Audit events restored (the chain of the source), before the one that records this import. */
  auditEvents: number;
  /** The row of the imports' history (archive_import, format "registre") that records this one. */
  archiveImportId: string;
};

/** A refusal of the import, in French, naming the line when there is one. */
export class RegistreImportError extends AppError {
  constructor(
    code: AppErrorCode,
    message: string,
    readonly line?: number,
  ) {
    super(code, line === undefined ? message : `Ligne ${line} : ${message}`);
    this.name = "RegistreImportError";
  }
}

const TRANSACTION_OPTIONS = { timeout: 24 * 3_600_000, maxWait: 60_000 };
/** A batch is flushed at this many rows, or this much JSON, whichever comes first. */
const BATCH_ROWS = 500;
const BATCH_CHARS = 8 * 1024 * 1024;
/** appendAuditEvent's lock: no event may be appended while the chain is restored. */
const AUDIT_CHAIN_LOCK = "SELECT pg_advisory_xact_lock(727073, 1)";

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

class DryRunRollback extends Error {
  constructor(readonly report: RegistreImportReport) {
    super("dry run");
  }
}

function parseLine(line: FileLine): unknown {
  try {
    return JSON.parse(line.text);
  } catch {
    throw new RegistreImportError(
      "VALIDATION",
      line.terminated
        ? "ce n'est pas une ligne JSON valide : le fichier est abîmé. Rien n'a été importé."
        : "la ligne est coupée : le fichier est tronqué (export interrompu ou copie incomplète). Rien n'a été importé.",
      line.number,
    );
  }
}

/** The header, checked field by field: the format and its version first, so that the refusal says what the file is. */
export function readPortalHeader(line: FileLine | undefined): PortalHeader {
  if (!line || !line.text.trim()) throw new RegistreImportError("VALIDATION", "le fichier est vide : il n'y a pas d'en-tête d'export de portail. Rien n'a été importé.", 1);
  const value = parseLine(line);
  const object = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  if (object.type !== "header" || object.format !== PORTAL_FORMAT) {
    throw new RegistreImportError(
      "VALIDATION",
      `la première ligne n'est pas l'en-tête d'un export de portail Registre (format « ${PORTAL_FORMAT} » attendu${typeof object.format === "string" ? `, « ${object.format} » trouvé` : ""}). Rien n'a été importé.`,
      line.number,
    );
  }
  if (object.formatVersion !== PORTAL_FORMAT_VERSION) {
    throw new RegistreImportError(
      "VALIDATION",
      `le fichier est à la version ${JSON.stringify(object.formatVersion ?? null)} du format ${PORTAL_FORMAT} ; ce portail lit la version ${PORTAL_FORMAT_VERSION}. Exportez-le à nouveau avec la même version de Registre. Rien n'a été importé.`,
      line.number,
    );
  }
  const parsed = portalHeaderSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RegistreImportError("VALIDATION", `l'en-tête est incomplet ou abîmé (champ « ${issue.path.join(".") || "?"} » : ${issue.message}). Rien n'a été importé.`, line.number);
  }
  return parsed.data;
}

function databaseRefusal(error: unknown, where: string, line?: number): RegistreImportError {
  if (error instanceof RegistreImportError) return error;
  const refusal = toAppError(error);
  const failure = readDatabaseFailure(error);
  const detail = (error as { meta?: { driverAdapterError?: { cause?: { message?: string } } }; message?: string }).meta?.driverAdapterError?.cause?.message;
  const technical = failure?.sqlState || detail ? ` (PostgreSQL${failure?.sqlState ? ` ${failure.sqlState}` : ""}${detail ? ` : ${detail}` : ""})` : "";
  if (!refusal) {
    return new RegistreImportError("INVALID_STATE", `${where} : la base a refusé l'écriture${technical || ` (${(error as Error).message})`}. Rien n'a été importé.`, line);
  }
  return new RegistreImportError(refusal.code, `${where} : ${refusal.message}${technical}`, line);
}

async function targetMigrations(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ name: string }[]>(
    `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.name);
}

function checkSchema(header: PortalHeader, migrations: string[], shapes: PortalTableShape[]): void {
  const missing = header.schema.migrations.filter((name) => !migrations.includes(name));
  if (missing.length) {
    throw new RegistreImportError(
      "INVALID_STATE",
      `Le fichier vient d'une version plus récente de Registre : la base cible n'a pas la migration ${missing.join(", ")}. Mettez ce portail à jour (npm run db:migrate), puis relancez l'import. Rien n'a été importé.`,
    );
  }
  const newer = migrations.filter((name) => !header.schema.migrations.includes(name));
  if (newer.length) {
    throw new RegistreImportError(
      "INVALID_STATE",
      `Le fichier vient d'une version plus ancienne de Registre (il lui manque la migration ${newer.join(", ")}) : mettez à jour le portail d'origine, exportez-le à nouveau, puis importez ce nouveau fichier. Rien n'a été importé.`,
    );
  }
  for (const table of header.tables) {
    const shape = shapes.find((candidate) => candidate.name === table.name);
    const unknown = shape ? table.columns.filter((column) => !shape.columns.includes(column)) : table.columns;
    if (!shape || unknown.length) {
      throw new RegistreImportError("VALIDATION", `L'en-tête décrit la table ${table.name}${shape ? ` avec des colonnes inconnues ici (${unknown.join(", ")})` : ", inconnue ici"} : le fichier ne correspond pas à ce schéma. Rien n'a été importé.`, 1);
    }
    const binary = shape.binaryColumns.filter((column) => table.columns.includes(column));
    if (binary.join() !== [...table.binaryColumns].sort((a, b) => shape.columns.indexOf(a) - shape.columns.indexOf(b)).join()) {
      throw new RegistreImportError("VALIDATION", `L'en-tête donne pour la table ${table.name} des colonnes binaires (${table.binaryColumns.join(", ") || "aucune"}) qui ne sont pas celles du schéma (${binary.join(", ") || "aucune"}). Rien n'a été importé.`, 1);
    }
  }
}

/** The target holds nothing of this municipality, and no audit chain the restored one would have to join. */
async function checkTargetEmpty(tx: Tx, header: PortalHeader): Promise<void> {
  const { id, slug } = header.municipality;
  const [found] = await tx.$queryRawUnsafe<{ slug: string }[]>(`SELECT slug FROM municipality WHERE id = $1::uuid OR slug = $2 LIMIT 1`, id, slug);
  if (found) {
    throw new RegistreImportError(
      "CONFLICT",
      `La base cible contient déjà la collectivité « ${found.slug} » : un portail exporté ne s'importe que dans une base qui ne la contient pas (rien n'est jamais écrasé). Rien n'a été importé.`,
    );
  }
  if (!header.auditChain.complete) {
    throw new RegistreImportError(
      "INVALID_STATE",
      `Le journal d'audit du portail d'origine est partagé avec d'autres collectivités (${header.auditChain.otherMunicipalitiesEvents} de leurs événements s'intercalent dans la chaîne) : les empreintes de la collectivité « ${slug} » ne forment pas une chaîne à elles seules et ne vérifieraient pas ici. Ce fichier ne peut être importé ; exportez un portail dont le journal est celui de la seule collectivité. Rien n'a été importé.`,
    );
  }
  const [audit] = await tx.$queryRawUnsafe<{ events: bigint; checkpoints: bigint }[]>(
    `SELECT (SELECT count(*) FROM audit_event) AS events, (SELECT count(*) FROM audit_checkpoint) AS checkpoints`,
  );
  if (Number(audit!.events) || Number(audit!.checkpoints)) {
    throw new RegistreImportError(
      "CONFLICT",
      `La base cible a déjà un journal d'audit (${countOf(Number(audit!.events), "événement")}, ${countOf(Number(audit!.checkpoints), "point de contrôle", "points de contrôle")}) : le journal importé est une chaîne d'empreintes qui commence à son premier événement et ne peut s'ajouter à une autre sans rompre sa vérification. Importez dans une base neuve (migrée, sans données). Rien n'a été importé.`,
    );
  }
}

/** The rows of one batch as one INSERT … SELECT: PostgreSQL reads each column in its type from the line's JSON. */
function insertStatement(table: PortalTable): string {
  const binary = new Set(table.binaryColumns);
  const record = binary.size ? `((l.line -> 'row')::jsonb - ARRAY[${[...binary].map(literal).join(", ")}]::text[])::json` : `l.line -> 'row'`;
  const value = (column: string) => {
    if (binary.has(column)) return `decode(rows.portal_line -> 'row' ->> ${literal(column)}, 'base64')`;
    // A published act goes in before its publication (its parts can only be written then), and is published last.
    if (table.name === "deliberation" && column === "status") return `CASE WHEN rows."status" = 'PUBLISHED' THEN 'TRANSMITTED'::"deliberation_status" ELSE rows."status" END`;
    if (table.name === "deliberation" && column === "published_at") return `CASE WHEN rows."status" = 'PUBLISHED' THEN NULL ELSE rows."published_at" END`;
    return `rows.${quoteIdentifier(column)}`;
  };
  const publication =
    table.name === "deliberation"
      ? `, published AS (INSERT INTO pg_temp.portal_restore_publication (deliberation_id, published_at) SELECT rows."id", rows."published_at" FROM rows WHERE rows."status" = 'PUBLISHED')`
      : "";
  return `WITH rows AS (
      SELECT l.line AS portal_line, l.n AS portal_n, r.*
      FROM json_array_elements($1::json) WITH ORDINALITY AS l(line, n), json_populate_record(NULL::${quoteIdentifier(table.name)}, ${record}) AS r
    )${publication}
    INSERT INTO ${quoteIdentifier(table.name)} (${table.columns.map(quoteIdentifier).join(", ")})
    SELECT ${table.columns.map(value).join(", ")} FROM rows ORDER BY rows.portal_n`;
}

type Batch = { table: PortalTable; lines: string[]; chars: number; firstLine: number; lastLine: number };

async function flush(tx: Tx, batch: Batch | null): Promise<void> {
  if (!batch || !batch.lines.length) return;
  try {
    await tx.$executeRawUnsafe(insertStatement(batch.table), `[${batch.lines.join(",")}]`);
  } catch (error) {
    const lines = batch.firstLine === batch.lastLine ? `Ligne ${batch.firstLine}` : `Lignes ${batch.firstLine} à ${batch.lastLine}`;
    throw databaseRefusal(error, `${lines} (table ${batch.table.name})`);
  }
}

async function restoreSequences(tx: Tx, shapes: PortalTableShape[]): Promise<void> {
  for (const shape of shapes) {
    for (const column of shape.serialColumns) {
      const table = quoteIdentifier(shape.name);
      await tx.$queryRawUnsafe(
        `SELECT setval(s.seq, s.top) FROM (
           SELECT pg_get_serial_sequence(${literal(table)}, ${literal(column)}) AS seq, (SELECT max(${quoteIdentifier(column)}) FROM ${table}) AS top
         ) s
         WHERE s.top IS NOT NULL AND s.top > coalesce(pg_sequence_last_value(s.seq::regclass), 0)`,
      );
    }
  }
}

async function checkRestoredChain(tx: Tx): Promise<void> {
  const chain = await verifyAuditChain(tx);
  if (!chain.ok) {
    const reason = "brokenAt" in chain ? `l'événement n° ${chain.brokenAt.id} (${chain.brokenAt.action}) : ${chain.brokenAt.reason}` : chain.truncated.reason;
    throw new RegistreImportError("VALIDATION", `Le journal d'audit du fichier ne se vérifie pas, à ${reason}. Le fichier a été modifié depuis l'export. Rien n'a été importé.`);
  }
  const [unattested] = await tx.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT c.id FROM audit_checkpoint c LEFT JOIN audit_event e ON e.id = c.event_id AND e.hash = c.event_hash WHERE e.id IS NULL ORDER BY c.id LIMIT 1`,
  );
  if (unattested) {
    throw new RegistreImportError("VALIDATION", `Le point de contrôle n° ${unattested.id} du fichier atteste un événement absent du journal importé, ou avec une autre empreinte. Rien n'a été importé.`);
  }
}

export async function importRegistreFile(filePath: string, options: RegistreImportOptions): Promise<RegistreImportReport> {
  const { db } = options;
  const startedAt = new Date();
  const totalBytes = (await stat(filePath)).size;
  const digest = createHash("sha256");
  let bytes = 0;
  const stream = createReadStream(filePath);
  const lines = readLines(stream, (chunk) => {
    digest.update(chunk);
    bytes += chunk.length;
  });
  try {
    const first = await lines.next();
    const header = readPortalHeader(first.done ? undefined : first.value);
    if (options.municipality !== undefined && options.municipality !== header.municipality.slug) {
      throw new RegistreImportError(
        "VALIDATION",
        `Le fichier est l'export de la collectivité « ${header.municipality.slug} », pas de « ${options.municipality} ». Rien n'a été importé.`,
      );
    }
    const run = async (tx: Tx): Promise<RegistreImportReport> => {
      const [role] = await tx.$queryRawUnsafe<{ name: string; migrated: boolean; may: boolean | null }[]>(
        `SELECT current_user AS name, to_regclass('public.portal_restore') IS NOT NULL AS migrated,
                has_table_privilege(to_regclass('public.portal_restore'), 'INSERT') AND has_table_privilege(to_regclass('public._prisma_migrations'), 'SELECT') AS may`,
      );
      if (!role?.migrated) {
        throw new RegistreImportError(
          "INVALID_STATE",
          "La base cible n'a pas le schéma de Registre (ou une version sans restauration de portail) : migrez-la d'abord (npm run db:migrate), puis relancez l'import. Rien n'a été importé.",
        );
      }
      if (!role.may) {
        throw new RegistreImportError(
          "FORBIDDEN",
          `Le rôle « ${role.name} » ne peut pas ouvrir la restauration d'un portail : lancez l'import avec la connexion du propriétaire des tables (DATABASE_OWNER_URL), comme les migrations. Rien n'a été importé.`,
        );
      }
      const shapes = await readPortalTables(<Row>(sql: string, params?: unknown[]) => tx.$queryRawUnsafe<Row[]>(sql, ...(params ?? [])));
      checkSchema(header, await targetMigrations(tx), shapes);
      await tx.$executeRawUnsafe(AUDIT_CHAIN_LOCK);
      await checkTargetEmpty(tx, header);
      const municipalityId = header.municipality.id;
      try {
        await tx.$executeRawUnsafe(`INSERT INTO portal_restore (municipality_id, transaction_id, restored_by) VALUES ($1::uuid, 0, '')`, municipalityId);
      } catch (error) {
        throw databaseRefusal(error, "Ouverture de la restauration");
      }
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE portal_restore_publication (deliberation_id UUID PRIMARY KEY, published_at TIMESTAMPTZ(3) NOT NULL) ON COMMIT DROP`);

      const counts: Record<string, number> = Object.fromEntries(header.tables.map((table) => [table.name, 0]));
      let tableIndex = 0;
      let batch: Batch | null = null;
      let rows = 0;
      let ended = false;
      let lastLine = 1;
      const checkTableComplete = (table: PortalTable, line: number) => {
        if (counts[table.name] !== table.rows) {
          throw new RegistreImportError(
            "VALIDATION",
            `la table ${table.name} compte ${countOf(counts[table.name]!, "ligne")}, l'en-tête en annonce ${table.rows} : le fichier est tronqué ou abîmé. Rien n'a été importé.`,
            line,
          );
        }
      };
      for await (const line of lines) {
        lastLine = line.number;
        if (!line.text.trim()) continue;
        const value = parseLine(line);
        if (ended) throw new RegistreImportError("VALIDATION", "des données suivent la ligne de fin de l'export : le fichier est abîmé. Rien n'a été importé.", line.number);
        const end = portalEndSchema.safeParse(value);
        if (end.success) {
          await flush(tx, batch);
          batch = null;
          for (const table of header.tables.slice(tableIndex)) checkTableComplete(table, line.number);
          if (end.data.rows !== rows) {
            throw new RegistreImportError("VALIDATION", `la ligne de fin annonce ${countOf(end.data.rows, "ligne")} de données, le fichier en contient ${rows}. Rien n'a été importé.`, line.number);
          }
          ended = true;
          continue;
        }
        const parsed = portalRowSchema.safeParse(value);
        if (!parsed.success) {
          throw new RegistreImportError("VALIDATION", "ce n'est ni une ligne de données ({\"type\":\"row\",\"table\":…,\"row\":{…}}) ni la ligne de fin. Rien n'a été importé.", line.number);
        }
        const { table: name, row } = parsed.data;
        const index = header.tables.findIndex((table, position) => position >= tableIndex && table.name === name);
        if (index === -1) {
          const known = header.tables.some((table) => table.name === name);
          throw new RegistreImportError(
            "VALIDATION",
            known
              ? `la table ${name} revient après la table ${header.tables[tableIndex]!.name} : les lignes ne sont pas dans l'ordre de l'export. Rien n'a été importé.`
              : `la table ${name} n'est pas décrite dans l'en-tête. Rien n'a été importé.`,
            line.number,
          );
        }
        if (index !== tableIndex) {
          await flush(tx, batch);
          batch = null;
          for (const table of header.tables.slice(tableIndex, index)) checkTableComplete(table, line.number);
          tableIndex = index;
        }
        const table = header.tables[index]!;
        const owner = name === "municipality" ? row.id : table.columns.includes("municipality_id") ? row.municipality_id : municipalityId;
        if (owner !== municipalityId) {
          throw new RegistreImportError(
            "VALIDATION",
            `la ligne de la table ${name} appartient à une autre collectivité (${String(owner)}) que celle de l'en-tête (${municipalityId}). Rien n'a été importé.`,
            line.number,
          );
        }
        counts[name]! += 1;
        rows += 1;
        if (counts[name]! > table.rows) {
          throw new RegistreImportError("VALIDATION", `la table ${name} a plus de lignes que l'en-tête n'en annonce (${table.rows}). Rien n'a été importé.`, line.number);
        }
        if (batch && (batch.lines.length >= BATCH_ROWS || batch.chars + line.text.length > BATCH_CHARS)) {
          await flush(tx, batch);
          batch = null;
        }
        batch ??= { table, lines: [], chars: 0, firstLine: line.number, lastLine: line.number };
        batch.lines.push(line.text);
        batch.chars += line.text.length;
        batch.lastLine = line.number;
        if (rows % 1_000 === 0) options.onProgress?.({ bytes, totalBytes, rows });
      }
      if (!ended) {
        throw new RegistreImportError(
          "VALIDATION",
          `le fichier s'arrête avant sa ligne de fin (${countOf(rows, "ligne")} de données lues) : il est tronqué (export interrompu ou copie incomplète). Rien n'a été importé.`,
          lastLine,
        );
      }
      options.onProgress?.({ bytes, totalBytes, rows });

      try {
        // The acts published in the file, published now, at their original instant (their snapshots are the file's).
        await tx.$executeRawUnsafe(
          `UPDATE deliberation d SET status = 'PUBLISHED', published_at = p.published_at FROM pg_temp.portal_restore_publication p WHERE d.id = p.deliberation_id`,
        );
      } catch (error) {
        throw databaseRefusal(error, "Publication des actes publiés du fichier");
      }
      await restoreSequences(tx, shapes);
      await checkRestoredChain(tx);
      await tx.$executeRawUnsafe(`UPDATE portal_restore SET finished_at = CURRENT_TIMESTAMP WHERE municipality_id = $1::uuid`, municipalityId);
      const archiveImportId = randomUUID();
      const report: RegistreImportReport = {
        format: "registre",
        dryRun: options.dryRun ?? false,
        file: { name: path.basename(filePath), sha256: digest.digest("hex"), size: bytes },
        municipality: header.municipality,
        exportedAt: header.exportedAt,
        counts,
        rows,
        auditEvents: counts.audit_event ?? 0,
        archiveImportId,
      };
      // The imports' history (/admin/import) names the move too: one row, finished at once.
      await tx.archiveImport.create({
        data: {
          id: archiveImportId,
          municipalityId,
          format: "registre",
          fileName: report.file.name.slice(0, 255),
          sha256: report.file.sha256,
          size: BigInt(report.file.size),
          startedAt,
          finishedAt: new Date(),
          rowsRead: rows,
          actsCreated: counts.deliberation ?? 0,
          actsUnchanged: 0,
          rowsSkipped: 0,
          conflicts: 0,
          report: { exportedAt: header.exportedAt, schema: header.schema.latestMigration, counts },
        },
      });
      await appendAuditEvent(tx, {
        municipalityId,
        action: "portal.import",
        entity: "municipality",
        entityId: municipalityId,
        after: { file: report.file, archiveImportId, exportedAt: header.exportedAt, schema: header.schema.latestMigration, counts, rows },
      });
      try {
        // The deferred rules (counts, proxies, receipts, snapshots), now rather than at commit, so that a refusal is reported here.
        await tx.$executeRawUnsafe("SET CONSTRAINTS ALL IMMEDIATE");
      } catch (error) {
        throw databaseRefusal(error, "Vérification finale des règles du registre");
      }
      if (options.dryRun) throw new DryRunRollback(report);
      return report;
    };
    try {
      return await db.$transaction(run, TRANSACTION_OPTIONS);
    } catch (error) {
      if (error instanceof DryRunRollback) return error.report;
      throw databaseRefusal(error, "Validation de l'import");
    }
  } finally {
    stream.destroy();
  }
}
