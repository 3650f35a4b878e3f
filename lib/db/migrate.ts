import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { grantRuntimePrivileges } from "./privileges";

// Applies prisma/migrations/*/migration.sql in order and records them in
// _prisma_migrations exactly as `prisma migrate deploy` does (same table,
// sha256 of the file as checksum), so both tools can be used on one database.
// Given the runtime role, it then grants that role what the portal needs on
// every table, those just created included (lib/db/privileges.ts).

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");
// The advisory lock key Prisma Migrate takes, so the two never run at once.
const MIGRATION_LOCK_KEY = 72707369;

export type Migration = { name: string; sql: string; checksum: string };

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export type MigrateResult = { applied: string[]; alreadyApplied: number };

export async function migrate(options: {
  /** The owner's connection: the tables it creates are its own. */
  connectionString: string;
  /** The role the web process connects as; without it, no grant is made. */
  runtimeRole?: string;
  dir?: string;
  log?: (line: string) => void;
}): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const recorded = new Map(rows.map((row) => [row.migration_name, row]));
    for (const row of rows) {
      if (!row.finished_at) {
        throw new Error(`La migration ${row.migration_name} a échoué lors d'un passage précédent : corrigez la base puis marquez-la résolue.`);
      }
    }
    const applied: string[] = [];
    for (const migration of migrations) {
      const done = recorded.get(migration.name);
      if (done) {
        if (done.checksum !== migration.checksum) {
          throw new Error(`La migration ${migration.name} a été modifiée après avoir été appliquée (somme de contrôle différente).`);
        }
        continue;
      }
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
          [id, migration.checksum, migration.name],
        );
        await client.query(migration.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`La migration ${migration.name} a échoué : ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.name);
      log(`Migration appliquée : ${migration.name}`);
    }
    if (options.runtimeRole) await grantRuntimePrivileges(client, options.runtimeRole);
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
