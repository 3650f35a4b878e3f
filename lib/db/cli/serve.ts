import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { claimRenderCache, databaseIdentity } from "@/lib/cache/database-bound-cache";
import { readEnv } from "@/lib/env";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { serverDatabaseRoles, SINGLE_ROLE_WARNING } from "@/lib/db/database-roles";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma";
import { nextCrashCount, restartDelayMs } from "@/lib/db/restart-backoff";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from "@/prisma/seed/demo-users";
import { seedDatabase } from "@/prisma/seed/seed";

// `npm start` (mode "start") and `npm run dev` (mode "dev"): without
// DATABASE_URL, start the embedded PostgreSQL under the data directory,
// migrate, seed the reference case and demo data on first run, then serve
// the portal; stop PostgreSQL cleanly on Ctrl-C. Migrations and the seed run
// as the owner; the web process connects as the runtime role.
// The portal runs in a web process of its own (lib/db/cli/web.ts: Next behind
// the front that sees the socket), restarted with a back-off when it crashes.

const mode = process.argv[2] === "dev" ? "dev" : "start";
const env = readEnv();
const projectRoot = path.resolve(import.meta.dirname, "../../..");
const nextBin = path.join(projectRoot, "node_modules/next/dist/bin/next");
const webScript = path.join(projectRoot, "lib/db/cli/web.ts");
const say = (line: string) => console.log(`[registre] ${line}`);
const CHECKPOINT_COMMAND = ["--conditions=react-server", "--import", "tsx", path.join(projectRoot, "lib/audit/cli/record-audit-checkpoint.ts")];
// Next's telemetry would try to reach the network at every build and start.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

function newestSourceChange(): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      if (/(^|\/)(node_modules|generated|\.next[^/]*|\.data)$/.test(entry)) return;
      for (const child of readdirSync(entry)) visit(path.join(entry, child));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "package-lock.json", "postcss.config.mjs"]) {
    const full = path.join(projectRoot, entry);
    if (existsSync(full)) visit(full);
  }
  return newest;
}

const distDir = path.join(projectRoot, process.env.REGISTRE_NEXT_DIST_DIR ?? ".next");

/**
 * Builds when the sources changed since the last build. The stamp records the
 * sources' newest change as seen *before* that build started, so a file edited
 * during a build still triggers the next one.
 */
function buildIfNeeded() {
  const stamp = path.join(distDir, "registre-sources-stamp");
  const sourcesChangedAt = newestSourceChange();
  const builtFrom = existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stamp) ? Number(readFileSync(stamp, "utf8")) : -1;
  if (builtFrom >= sourcesChangedAt) return;
  say("Construction du portail (next build)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: projectRoot, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error("La construction du portail a échoué (voir ci-dessus).");
  writeFileSync(stamp, String(sourcesChangedAt));
}

/** The embedded database's session key: made once, kept beside its data (a server given by DATABASE_URL must set NEXTAUTH_SECRET). */
function embeddedAuthSecret(): string {
  const file = path.resolve(projectRoot, env.REGISTRE_DATA_DIR, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function main() {
  let embedded: EmbeddedDatabase | undefined;
  const web: { process?: ChildProcess; checkpoints?: ChildProcess } = {};
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    web.checkpoints?.kill("SIGTERM");
    const child = web.process;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    if (embedded) {
      say("Arrêt de PostgreSQL…");
      await embedded.stop();
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  let roles = serverDatabaseRoles(env);
  try {
    if (!roles) {
      const dataDir = path.resolve(projectRoot, env.REGISTRE_DATA_DIR, "postgres");
      say(`PostgreSQL intégré : ${dataDir} (port ${env.REGISTRE_PG_PORT})`);
      embedded = await startEmbeddedPostgres({ dataDir, port: env.REGISTRE_PG_PORT, database: "registre", log: say });
      roles = { ownerUrl: embedded.url, runtimeUrl: embedded.runtimeUrl, runtimeRole: embedded.runtimeRole };
    } else if (!roles.runtimeRole) {
      say(SINGLE_ROLE_WARNING);
    }
    const { applied } = await migrate({ connectionString: roles.ownerUrl, runtimeRole: roles.runtimeRole, log: say });
    if (!applied.length) say("Base de données à jour.");
    if (roles.runtimeRole) say(`Le portail se connecte avec le rôle « ${roles.runtimeRole} » (sans droit de modifier le schéma ni le journal d'audit).`);
    if (embedded) {
      const db = createPrismaClient(roles.ownerUrl);
      try {
        const seeded = await seedDatabase(db, { demo: true, log: say });
        say(`Cas de référence : ${seeded.reference === "created" ? "enregistré" : "déjà présent"} ; données de démonstration : ${seeded.demo === "created" ? "enregistrées" : "déjà présentes"}.`);
        await seedDemoUsers(db, { municipalitySlug: env.REGISTRE_MUNICIPALITY });
        say(`Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») : ${DEMO_USERS.map((user) => `${user.email} (${user.role})`).join(", ")}.`);
      } finally {
        await db.$disconnect();
      }
    }
    if (mode === "start") buildIfNeeded();
    if (claimRenderCache(distDir, await databaseIdentity(roles.ownerUrl))) {
      say("Pages en cache d'une autre base de données : effacées.");
    }
  } catch (error) {
    console.error(`[registre] ${(error as Error).message}`);
    await stop(1);
    return;
  }

  const webEnv = {
    ...process.env,
    NODE_ENV: mode === "dev" ? ("development" as const) : ("production" as const),
    DATABASE_URL: roles.runtimeUrl,
    // The web process never sees the owner's connection.
    DATABASE_OWNER_URL: "",
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? env.PUBLIC_BASE_URL,
    ...(embedded && !env.NEXTAUTH_SECRET ? { NEXTAUTH_SECRET: embeddedAuthSecret() } : {}),
    // A demonstration install signs with the development identity of its data directory.
    ...(embedded ? { REGISTRE_DEVELOPMENT_SIGNING: "1" } : {}),
  };
  let crashes = 0;
  const startWeb = () => {
    const startedAt = Date.now();
    let ready = false;
    const child = spawn(process.execPath, ["--import", "tsx", webScript, mode], { cwd: projectRoot, stdio: ["inherit", "inherit", "inherit", "ipc"], env: webEnv });
    web.process = child;
    child.on("message", (message) => {
      if (message !== "ready") return;
      ready = true;
      if (crashes === 0) say(`Portail : http://localhost:${env.PORT}`);
    });
    child.on("exit", (code, signal) => {
      if (stopping) return;
      // One that never became ready is misconfigured (port taken, bad setting): restarting will not help.
      if (!ready) {
        say("Le processus web n'a pas démarré (voir ci-dessus).");
        void stop(code || 1);
        return;
      }
      crashes = nextCrashCount(crashes, Date.now() - startedAt);
      const delay = restartDelayMs(crashes);
      say(`Le processus web s'est arrêté (${signal ?? `code ${code}`}) ; redémarrage dans ${delay / 1000} s.`);
      setTimeout(() => {
        if (!stopping) startWeb();
      }, delay);
    });
  };
  startWeb();
  if (env.REGISTRE_AUDIT_CHECKPOINT_MINUTES > 0) {
    // Signed checkpoints of the audit trail, as the web process would sign them (same role, same identity).
    web.checkpoints = spawn(process.execPath, [...CHECKPOINT_COMMAND, "--every", String(env.REGISTRE_AUDIT_CHECKPOINT_MINUTES)], {
      cwd: projectRoot,
      stdio: "inherit",
      env: webEnv,
    });
  }
}

void main();
