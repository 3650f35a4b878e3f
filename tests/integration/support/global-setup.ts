import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";

// Integration tests run against a real PostgreSQL: DATABASE_URL when given
// (its server must let us create databases), else an embedded one started
// here in a data directory of its own.

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

let embedded: EmbeddedDatabase | undefined;

export async function setup(project: TestProject) {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const port = Number(process.env.REGISTRE_TEST_PG_PORT ?? 54330);
    const dataDir = path.resolve(`.data/test-postgres-${port}`);
    await rm(dataDir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres({
      dataDir,
      port,
      database: "postgres",
    });
    serverUrl = embedded.url;
  }
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.end();
  project.provide("serverUrl", serverUrl);
}

export async function teardown() {
  await embedded?.stop();
}
