import pg from "pg";
import { inject } from "vitest";
import { APPEND_ONLY_TABLES, OWNER_WRITTEN_TABLES } from "@/lib/db/privileges";

// Each test file works in a database of its own, a copy of the template that
// global-setup.ts migrated once (CREATE DATABASE … TEMPLATE), so files cannot
// see each other's rows and may run in parallel. These URLs connect as the
// owner (the tests set up rows as they please); runtimeDatabaseUrl gives the
// web process's role.

export function databaseUrl(name: string): string {
  const url = new URL(inject("serverUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

/** The same database, as the runtime role the portal connects with. */
export function runtimeDatabaseUrl(name: string): string {
  const url = new URL(databaseUrl(name));
  const role = inject("runtimeRole");
  url.username = encodeURIComponent(role.name);
  url.password = encodeURIComponent(role.password);
  return url.toString();
}

/**
 * A fresh database: a copy of the migrated template, or empty with `migrated: false`, or already
 * holding the seed with `seeded` ("demo": the reference case and the demo data; "reference": the
 * reference case alone).
 */
export async function createDatabase(name: string, options: { migrated?: boolean; seeded?: "demo" | "reference" } = {}): Promise<string> {
  const admin = new pg.Client({ connectionString: inject("serverUrl") });
  await admin.connect();
  try {
    const database = admin.escapeIdentifier(name);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    const source = options.seeded ? inject("seededTemplates")[options.seeded] : inject("templateDatabase");
    const template = options.migrated ?? true ? ` TEMPLATE ${admin.escapeIdentifier(source)}` : "";
    await admin.query(`CREATE DATABASE ${database}${template}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * Empties every table of the domain (the audit trail included), between the
 * tests of one file. The protected tables refuse TRUNCATE even to the owner:
 * the owner lifts their TRUNCATE guards for this one transaction (what the
 * runtime role cannot do), so the guards are back at once, whatever happens.
 */
export async function resetDatabase(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ table: string; trigger: string }>(
    `SELECT c.relname AS table, t.tgname AS trigger
     FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND NOT t.tgisinternal AND (t.tgtype & 32) <> 0`,
  );
  const guards = rows.map((row) => `ALTER TABLE ${client.escapeIdentifier(row.table)} DISABLE TRIGGER ${client.escapeIdentifier(row.trigger)}`);
  await client.query("BEGIN");
  try {
    for (const guard of guards) await client.query(guard);
    await client.query(`TRUNCATE municipality, ${[...APPEND_ONLY_TABLES, ...OWNER_WRITTEN_TABLES].join(", ")} RESTART IDENTITY CASCADE`);
    for (const guard of guards) await client.query(guard.replace(" DISABLE TRIGGER ", " ENABLE TRIGGER "));
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
