import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { areTagsExpired, areTagsStale } from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
import { pageEntryOf } from "@/lib/cache/page-entries.mjs";
import { readEnv } from "@/lib/env";
import { parseTrustedProxies } from "@/lib/http/client-address";
import { createFront, databaseProbe, outageDetector } from "@/lib/http/front";
import { createPageCopies } from "@/lib/http/page-copies";

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
  // Copies of the pages Next keeps in its cache, served before it while Next would serve the same bytes.
  const copies = createPageCopies({
    maxBytes: dev ? 0 : env.REGISTRE_PAGE_COPIES_MB * 1024 * 1024,
    entryOf: pageEntryOf,
    invalidatedSince: (tags, since) => areTagsExpired(tags, since) || areTagsStale(tags, since),
  });
  const front = createFront({ handle: app.getRequestHandler(), trusted, duringOutage: outageDetector(databaseProbe(databaseUrl)), copies });
  const server = createServer(front);
  server.on("upgrade", (req, socket, head) => void app.getUpgradeHandler()(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.REGISTRE_LISTEN_HOST, () => resolve());
  });
  process.send?.("ready");
  say(`Processus web ${process.pid} prêt sur le port ${env.PORT}${trusted.entries.length ? ` (mandataires de confiance : ${trusted.entries.join(", ")})` : ""}.`);
  const close = () => {
    server.close(() => void app.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
}

main().catch((error: unknown) => {
  console.error(`[registre] ${(error as Error).message}`);
  process.exit(1);
});
