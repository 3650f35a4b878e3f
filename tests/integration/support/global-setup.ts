import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma";
import { seedDatabase } from "@/prisma/seed/seed";
import { EMBEDDED_RUNTIME_ROLE, ensureRuntimeRole } from "@/lib/db/privileges";

// Integration tests run against a real PostgreSQL: DATABASE_URL when given
// (its server must let us create databases and roles), else an embedded one
// started here in a data directory of its own. The migrations run once, into
// a template database; each test file's database is a copy of it
// (support/database.ts), which is faster than migrating each and needs no
// TRUNCATE, which the protected tables refuse.

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
    /** Copies of the template already holding the seed: with the demo data, and the reference case alone. */
    seededTemplates: { demo: string; reference: string };
    runtimeRole: { name: string; password: string };
  }
}

export const TEMPLATE_DATABASE = "registre_test_template";
const SEEDED_TEMPLATES = { demo: "registre_test_seeded_demo", reference: "registre_test_seeded_reference" };

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
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await ensureRuntimeRole(admin, EMBEDDED_RUNTIME_ROLE);
    const template = admin.escapeIdentifier(TEMPLATE_DATABASE);
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  await migrate({ connectionString: templateUrl.toString(), runtimeRole: EMBEDDED_RUNTIME_ROLE.name });
  // The seed goes through every use case's core: tens of seconds on a busy machine. It runs once
  // here, into two more templates, and the files that need its data copy them (they may still call
  // seedDatabase, which finds everything present); tests/integration/seed.test.ts seeds from scratch.
  await createSeededTemplate(serverUrl, SEEDED_TEMPLATES.demo, true);
  await createSeededTemplate(serverUrl, SEEDED_TEMPLATES.reference, false);
  project.provide("serverUrl", serverUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  project.provide("seededTemplates", SEEDED_TEMPLATES);
  project.provide("runtimeRole", { ...EMBEDDED_RUNTIME_ROLE });
}

export async function teardown() {
  await embedded?.stop();
}

async function createSeededTemplate(serverUrl: string, name: string, demo: boolean): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const database = admin.escapeIdentifier(name);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database} TEMPLATE ${admin.escapeIdentifier(TEMPLATE_DATABASE)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createPrismaClient(url.toString());
  try {
    await seedDatabase(db, { demo });
  } finally {
    await db.$disconnect();
  }
}
