import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import path from "node:path";
import next from "next";
import pg from "pg";
import { areTagsExpired, areTagsStale } from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
import { pageEntryOf } from "@/lib/cache/page-entries.mjs";
import { scopeOf } from "@/lib/cache/tag-cache-handler.mjs";
import { readEnv } from "@/lib/env";
import { parseTrustedProxies } from "@/lib/http/client-address";
import { createFront, databaseProbe, outageDetector } from "@/lib/http/front";
import { createPageCopies } from "@/lib/http/page-copies";
import { RENDER_AHEAD_HEADER, startRenderAhead } from "@/lib/http/render-ahead";
import { createStoredPages, type StoredPages } from "@/lib/http/stored-pages";

// The web process that `npm start` and `npm run dev` supervise (lib/db/cli/serve.ts):
// Next through its custom-server API, in this process, behind the front
// (lib/http/front.ts) that sees the socket. Its environment (DATABASE_URL,
// NEXTAUTH_SECRET…) is given by the supervisor.

const dev = process.argv[2] === "dev";
const env = readEnv();
const projectRoot = path.resolve(import.meta.dirname, "../../..");
const say = (line: string) => console.log(`[registre] ${line}`);

async function main() {
  const trusted = parseTrustedProxies(env.REGISTRE_TRUSTED_PROXIES);
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL n'est pas défini : lancez le portail avec npm start.");
  const app = next({ dev, dir: projectRoot, port: env.PORT });
  await app.prepare();
  // The renderer's requests carry this token, which only this process knows.
  const renderAheadToken = randomBytes(24).toString("base64url");
  const isRenderAhead = (req: IncomingMessage) => req.headers[RENDER_AHEAD_HEADER] === renderAheadToken;
  // The pages stored for every instance, by the build that rendered them (none under `next dev`).
  const pool = dev ? undefined : new pg.Pool({ connectionString: databaseUrl, max: 4, application_name: "registre-front", connectionTimeoutMillis: 2_000, statement_timeout: 5_000 });
  let closing = false;
  // An idle connection the database ends: the pool opens another when needed. At shutdown, the database's end is no news.
  pool?.on("error", (error) => closing || say(`pages enregistrées : ${error.message}`));
  const stored = pool && storedPagesOfBuild(pool);
  // Copies of the pages Next keeps in its cache, served before it while Next would serve the same bytes.
  const copies = createPageCopies({
    maxBytes: dev ? 0 : env.REGISTRE_PAGE_COPIES_MB * 1024 * 1024,
    entryOf: pageEntryOf,
    invalidatedSince: (tags, since) => areTagsExpired(tags, since) || areTagsStale(tags, since),
    onPageCopy: (page) => stored?.put(page),
    isRenderAhead,
  });
  const front = createFront({ handle: app.getRequestHandler(), trusted, duringOutage: outageDetector(databaseProbe(databaseUrl)), copies, stored, isRenderAhead });
  const server = createServer(front);
  server.on("upgrade", (req, socket, head) => void app.getUpgradeHandler()(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.REGISTRE_LISTEN_HOST, () => resolve());
  });
  process.send?.("ready");
  say(`Processus web ${process.pid} prêt sur le port ${env.PORT}${trusted.entries.length ? ` (mandataires de confiance : ${trusted.entries.join(", ")})` : ""}.`);
  const renderer =
    stored && env.REGISTRE_RENDER_AHEAD_MINUTES > 0
      ? startRenderAhead({ origin: loopbackOrigin(), token: renderAheadToken, stored, intervalMs: env.REGISTRE_RENDER_AHEAD_MINUTES * 60_000, log: say })
      : undefined;
  const close = () => {
    closing = true;
    renderer?.stop();
    server.close(() => void Promise.allSettled([app.close(), pool?.end()]).finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
}

/** The stored pages of the build this process serves (its BUILD_ID, written by next build). */
function storedPagesOfBuild(pool: pg.Pool): StoredPages {
  const buildId = readFileSync(path.join(projectRoot, process.env.REGISTRE_NEXT_DIST_DIR ?? ".next", "BUILD_ID"), "utf8").trim();
  return createStoredPages({ pool, scope: scopeOf(), buildId, log: say });
}

/** This process on the loopback, whatever address it listens on. */
function loopbackOrigin(): string {
  const host = env.REGISTRE_LISTEN_HOST;
  const loopback = !host || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return `http://${loopback}:${env.PORT}`;
}

main().catch((error: unknown) => {
  console.error(`[registre] ${(error as Error).message}`);
  process.exit(1);
});
