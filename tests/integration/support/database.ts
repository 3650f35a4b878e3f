import pg from "pg";
import { inject } from "vitest";
import { migrate } from "@/lib/db/migrate";

// Each test file works in a database of its own, created empty and migrated,
// so files cannot see each other's rows.

export function databaseUrl(name: string): string {
  const url = new URL(inject("serverUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createDatabase(name: string, options: { migrated?: boolean } = {}): Promise<string> {
  const admin = new pg.Client({ connectionString: inject("serverUrl") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  if (options.migrated ?? true) await migrate({ connectionString: url });
  return url;
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Empties every table of the domain (the audit trail included). */
export async function resetDatabase(client: pg.Client): Promise<void> {
  await client.query(`TRUNCATE municipality, audit_event RESTART IDENTITY CASCADE`);
}
