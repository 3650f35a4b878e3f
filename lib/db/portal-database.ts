import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Env } from "@/lib/env";
import { serverDatabaseRoles, type ServerDatabaseRoles } from "./database-roles";
import { startEmbeddedPostgres } from "./embedded";
import { EMBEDDED_RUNTIME_ROLE } from "./privileges";

// The portal's database for a command line run beside it (npm run export,
// npm run import): the server DATABASE_URL names (its owner's connection when
// DATABASE_OWNER_URL is given), else the embedded PostgreSQL of the data
// directory, the one a running `npm start` serves, or started here for the
// time of the command when the portal is stopped.

export type PortalDatabase = ServerDatabaseRoles & {
  /** Where it is, for messages (the password left out). */
  label: string;
  /** Stops the embedded server if this command started it. */
  close: () => Promise<void>;
};

const EMBEDDED_OWNER = { user: "registre", password: "registre", database: "registre" };

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const withoutPassword = (url: string) => url.replace(/:[^:@/]+@/, ":***@");

export async function openPortalDatabase(env: Env, options: { projectRoot: string; log?: (line: string) => void }): Promise<PortalDatabase> {
  const roles = serverDatabaseRoles(env);
  if (roles) return { ...roles, label: withoutPassword(roles.ownerUrl), close: async () => undefined };
  const { user, password, database } = EMBEDDED_OWNER;
  const ownerUrl = `postgresql://${user}:${password}@127.0.0.1:${env.REGISTRE_PG_PORT}/${database}`;
  const runtime = EMBEDDED_RUNTIME_ROLE;
  const runtimeUrl = `postgresql://${runtime.name}:${runtime.password}@127.0.0.1:${env.REGISTRE_PG_PORT}/${database}`;
  const embedded = { ownerUrl, runtimeUrl, runtimeRole: runtime.name };
  if (await answers(ownerUrl)) return { ...embedded, label: `PostgreSQL intégré (port ${env.REGISTRE_PG_PORT}, portail en marche)`, close: async () => undefined };
  const dataDir = path.resolve(options.projectRoot, env.REGISTRE_DATA_DIR, "postgres");
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(
      `Ni DATABASE_URL ni base intégrée : ${dataDir} n'existe pas. Indiquez la base du portail (DATABASE_URL, et DATABASE_OWNER_URL pour son propriétaire) ou lancez d'abord npm start.`,
    );
  }
  options.log?.(`PostgreSQL intégré arrêté : démarrage le temps de la commande (${dataDir}, port ${env.REGISTRE_PG_PORT}).`);
  const server = await startEmbeddedPostgres({ dataDir, port: env.REGISTRE_PG_PORT, database, log: options.log });
  return { ...embedded, label: `PostgreSQL intégré (${dataDir})`, close: () => server.stop() };
}
