import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { EMBEDDED_RUNTIME_ROLE } from "@/lib/db/privileges";
import type { CrawlJob, CrawlResult } from "./crawl";
import type { LoadJob, LoadResult } from "./load";
import { summarizeCpuProfile } from "./cpu-profile-summary";
import { residentMemoryDuring } from "./process-memory";
import { createRng, pickDistinct } from "./prng";
import { formatQueryStats, preloadQueryStats, readQueryStats, resetQueryStats, waitForQuietDatabase } from "./query-profile";
import { runExtractBench } from "./extract-bench";
import { runImportBench } from "./import-bench";
import { prepareMillionArchive } from "./million-archive";
import { MEMORY_PROBE_MODULE, runCappedExport, runSearchBench } from "./search-bench";
import { BENCH_MUNICIPALITY, countArchivedDeliberations, formatArchiveReport, generateSyntheticArchive, planArchive } from "./synthetic-archive";
import { withClient } from "./database-client";

// `npm run bench`: the public deliberation and sitting pages under load, against
// a static file server on the same machine. Own PostgreSQL (.data/bench-postgres,
// port 54340), own archive (generated once, then reused), `next start` on
// 127.0.0.1:3300, the load from a separate process (tests/bench/load.ts).
// See tests/bench/README.md.

const projectRoot = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(projectRoot, "node_modules/next/dist/bin/next");
const say = (line: string) => console.log(`[bench] ${line}`);

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} doit être un nombre positif (reçu « ${raw} »).`);
  return value;
}

/** BENCH_ONLY=import (or "pages,search"…): only those parts of the bench run. */
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",").map((name) => name.trim())) : null;
const PARTS = ["pages", "extracts", "search", "import"];
for (const name of only ?? []) {
  if (!PARTS.includes(name)) throw new Error(`BENCH_ONLY : « ${name} » n'est pas une partie du banc (${PARTS.join(", ")}).`);
}
function part(name: string): boolean {
  return only === null || only.has(name);
}

const settings = {
  dataDir: path.join(projectRoot, ".data/bench-postgres"),
  staticDir: path.join(projectRoot, ".data/bench-static"),
  cpuProfileDir: path.join(projectRoot, ".data/bench-cpu-profile"),
  pgPort: 54340,
  database: "registre_bench",
  appPort: 3300,
  /** The search bench's own archive (a million deliberations, BENCH_SEARCH_ACTS) and portal. */
  searchDataDir: path.join(projectRoot, ".data/bench-search-postgres"),
  searchPgPort: envNumber("BENCH_SEARCH_PG_PORT", 54341),
  /** Published deliberations of the search archive, in ten municipalities (million-archive.ts). */
  searchActs: envNumber("BENCH_SEARCH_ACTS", 1_000_000),
  searchAppPort: envNumber("BENCH_SEARCH_PORT", 3301),
  /** The whole CSV export again, from a server whose V8 old space is capped at this many MiB (on BENCH_SEARCH_PORT + 1); 0: not run. */
  csvHeapCapMb: envNumber("BENCH_CSV_HEAP_MB", 144),
  /** BENCH_EXTRACTS=0, BENCH_SEARCH=0 or BENCH_IMPORT=0 leave those parts out; BENCH_PAGES=0 leaves out the page load test. */
  extracts: part("extracts") && process.env.BENCH_EXTRACTS !== "0",
  search: part("search") && process.env.BENCH_SEARCH !== "0",
  import: part("import") && process.env.BENCH_IMPORT !== "0",
  /** Next's build directory, as next.config.ts reads it. */
  distDir: process.env.REGISTRE_NEXT_DIST_DIR ?? ".next",
  /** Seconds measured per target. */
  duration: envNumber("BENCH_DURATION", 10),
  /** Seconds of warm-up per target, not measured. */
  warmup: envNumber("BENCH_WARMUP", 2),
  connections: envNumber("BENCH_CONNECTIONS", 20),
  /** Distinct pages of each kind the connections cycle through; 0: no page load test. */
  pages: part("pages") ? envNumber("BENCH_PAGES", 50) : 0,
  /** The whole run, after which everything is stopped. */
  timeoutMinutes: envNumber("BENCH_TIMEOUT_MINUTES", 60),
  deliberationPath: process.env.BENCH_DELIBERATION_PATH ?? "/deliberations/{number}",
  sittingPath: process.env.BENCH_SITTING_PATH ?? "/seances/{day}",
  /** Report the SQL each page runs and its cost (pg_stat_statements). */
  profile: process.env.BENCH_PROFILE === "1",
  /** Run the web server under `node --cpu-prof` and summarize where its CPU time went. */
  cpuProfile: process.env.BENCH_CPU_PROFILE === "1",
  /** The deliberation page must serve at least this share of the static file's requests per second. */
  target: 0.5,
  /**
   * The long tail: distinct acts, none requested before, walked once each from their stored pages (after the
   * renderer has stored the archive, on a freshly started server); 0: not run.
   */
  crawl: part("pages") ? envNumber("BENCH_CRAWL", 10_000) : 0,
  /** Other distinct acts walked first, before anything is stored: each one rendered by React on its request; 0: not run. */
  crawlUnstored: part("pages") ? envNumber("BENCH_CRAWL_UNSTORED", 2_000) : 0,
  /** As many as the loads: the cost of a page is compared at the same concurrency. */
  crawlConnections: envNumber("BENCH_CRAWL_CONNECTIONS", envNumber("BENCH_CONNECTIONS", 20)),
  /**
   * An uncached act may cost at most this many times a cached one: the same crawler, connections and
   * Accept-Encoding walking cached pages (the front's copies) against acts never asked for.
   */
  crawlTarget: 5,
  /** The same long tail on the million-act archive, from pages this run stores (runMillionLongTail); 0: not run. */
  searchCrawl: part("search") ? envNumber("BENCH_SEARCH_CRAWL", 10_000) : 0,
};

// ---------------------------------------------------------------- cleanup

const cleanups: { name: string; run: () => Promise<void> }[] = [];
let stopping = false;

async function cleanUp() {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
    try {
      await cleanup.run();
    } catch (error) {
      console.error(`[bench] arrêt de ${cleanup.name} : ${(error as Error).message}`);
    }
  }
}

async function abort(reason: string, code: number) {
  if (stopping) return;
  stopping = true;
  console.error(`[bench] ${reason} : arrêt des processus…`);
  await cleanUp();
  process.exit(code);
}

process.on("SIGINT", () => void abort("interrompu (SIGINT)", 130));
process.on("SIGTERM", () => void abort("interrompu (SIGTERM)", 143));

/** Stops a child: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
async function stopChild(child: ChildProcess, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** A child process that the cleanup stops; keeps the tail of its output for error messages. */
function startChild(name: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: ["pipe", "pipe", "pipe"] });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  child.stderr?.on("data", keep);
  cleanups.push({ name, run: () => stopChild(child) });
  return { child, tail, keep };
}

function exitMessage(name: string, child: ChildProcess, tail: string[]): string {
  return `${name} s'est arrêté (code ${child.exitCode ?? child.signalCode}) :\n${tail.join("\n")}`;
}

// ---------------------------------------------------------------- HTTP

function get(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    // No Accept-Encoding, like autocannon: the bytes measured are the bytes sent under load.
    const request = http.get(url, { timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error(`délai dépassé : ${url}`)));
    request.on("error", reject);
  });
}

async function waitForHttp(url: string, child: ChildProcess, tail: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(exitMessage("next start", child, tail));
    try {
      await get(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} ne répond pas après ${timeoutMs / 1000} s :\n${tail.join("\n")}`);
}

// ---------------------------------------------------------------- steps

async function prepareArchive(url: string) {
  await migrate({ connectionString: url, runtimeRole: EMBEDDED_RUNTIME_ROLE.name, log: say });
  const expected = planArchive().deliberationCount;
  const found = await countArchivedDeliberations(url);
  if (found === expected && process.env.BENCH_REGENERATE !== "1") {
    say(`Archive réutilisée : ${found.toLocaleString("fr-FR")} délibérations publiées (BENCH_REGENERATE=1 pour la réécrire).`);
    return;
  }
  if (found > 0) {
    say(found === expected ? "BENCH_REGENERATE=1 : effacement de l'archive." : `Archive incomplète ou différente (${found} délibérations, ${expected} attendues) : effacement.`);
    // TRUNCATE, not DELETE: published deliberations refuse deletion, and this database is the bench's own.
    await withClient(url, (client) => client.query("TRUNCATE municipality RESTART IDENTITY CASCADE"));
  }
  say(`Génération de l'archive synthétique (${expected.toLocaleString("fr-FR")} délibérations)…`);
  const report = await generateSyntheticArchive({ connectionString: url, log: say });
  say(formatArchiveReport(report));
}

function newestSourceChange(): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stat = statSync(entry);
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      return;
    }
    if (/(^|\/)(node_modules|generated)$/.test(entry)) return;
    for (const child of readdirSync(entry)) visit(path.join(entry, child));
  };
  for (const entry of ["app", "components", "lib"]) {
    const full = path.join(projectRoot, entry);
    if (existsSync(full)) visit(full);
  }
  return newest;
}

async function buildIfMissing() {
  const buildId = path.join(projectRoot, settings.distDir, "BUILD_ID");
  const missing = !existsSync(buildId);
  if (!missing && process.env.BENCH_REBUILD !== "1") {
    if (statSync(buildId).mtimeMs < newestSourceChange()) {
      say(`Attention : ${settings.distDir} est plus ancien que les sources ; BENCH_REBUILD=1 pour reconstruire avant de mesurer.`);
    }
    return;
  }
  say("Construction du portail (next build)…");
  const { child, tail } = startChild("next build", [nextBin, "build"], { ...process.env, NODE_ENV: "production" });
  child.stdout?.pipe(process.stdout);
  child.stderr?.pipe(process.stderr);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(exitMessage("next build", child, tail));
}

/** Refuses to measure whatever else might already answer on the port. */
async function assertPortFree(port: number) {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`Le port ${port} est déjà pris : arrêtez ce qui l'occupe avant de lancer le banc.`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

async function startPortal(
  databaseUrl: string,
  port = settings.appPort,
  extra: { nodeFlags?: string[]; env?: Record<string, string> } = {},
): Promise<{ origin: string; portal: ChildProcess }> {
  const origin = `http://127.0.0.1:${port}`;
  await assertPortFree(port);
  const profiling = settings.cpuProfile ? ["--cpu-prof", `--cpu-prof-dir=${settings.cpuProfileDir}`] : [];
  const nodeFlags = [...profiling, ...(extra.nodeFlags ?? [])];
  // The web process `npm start` runs (lib/db/cli/web.ts): Next behind the portal's front and its copies of cached pages.
  const { child, tail, keep } = startChild("portail", [...nodeFlags, "--import", "tsx", path.join(projectRoot, "lib/db/cli/web.ts"), "start"], {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    REGISTRE_MUNICIPALITY: BENCH_MUNICIPALITY.slug,
    REGISTRE_DEVELOPMENT_SIGNING: "1",
    REGISTRE_LISTEN_HOST: "127.0.0.1",
    // No renderer (lib/http/render-ahead.ts) unless `extra.env` asks for one: it would share the cores with the loads measured.
    REGISTRE_RENDER_AHEAD_MINUTES: "0",
    PORT: String(port),
    PUBLIC_BASE_URL: origin,
    ...extra.env,
  });
  child.stdout?.on("data", keep);
  await waitForHttp(`${origin}/`, child, tail, 60_000);
  return { origin, portal: child };
}

type Sample = { path: string; body: Buffer };

const actPath = (number: string) => settings.deliberationPath.replace("{number}", encodeURIComponent(number));

async function pickPages(databaseUrl: string): Promise<{ deliberations: string[]; sittings: string[]; crawl: string[]; crawlUnstored: string[] }> {
  return withClient(databaseUrl, async (client) => {
    const numbers = await client.query<{ number: string }>(
      `SELECT d.number FROM deliberation d JOIN municipality m ON m.id = d.municipality_id
       WHERE m.slug = $1 AND d.status = 'PUBLISHED' ORDER BY d.year, d.sequence`,
      [BENCH_MUNICIPALITY.slug],
    );
    const days = await client.query<{ day: string }>(
      `SELECT DISTINCT to_char(s.starts_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS day
       FROM sitting s JOIN municipality m ON m.id = s.municipality_id
       WHERE m.slug = $1 AND EXISTS (SELECT 1 FROM deliberation d WHERE d.sitting_id = s.id AND d.status = 'PUBLISHED')
       ORDER BY day`,
      [BENCH_MUNICIPALITY.slug],
    );
    // The same pages on every run, spread over the twenty years.
    const rng = createRng("bench-pages");
    const deliberations = pickDistinct(rng, numbers.rows.map((row) => row.number), settings.pages).map(actPath);
    const sittings = pickDistinct(rng, days.rows.map((row) => row.day), settings.pages).map((day) => settings.sittingPath.replace("{day}", day));
    // The crawler's acts: none of the loaded ones, in a shuffled order, as a crawler follows the sitemap's years.
    const loaded = new Set(deliberations);
    const others = numbers.rows.map((row) => actPath(row.number)).filter((path) => !loaded.has(path));
    const walked = pickDistinct(createRng("bench-crawl"), others, Math.min(settings.crawl + settings.crawlUnstored, others.length));
    return { deliberations, sittings, crawl: walked.slice(0, settings.crawl), crawlUnstored: walked.slice(settings.crawl) };
  });
}

async function fetchSamples(origin: string, paths: string[]): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const pagePath of paths) {
    const { status, body } = await get(`${origin}${pagePath}`);
    if (status !== 200) {
      throw new Error(`${pagePath} répond ${status}, pas 200 : la page existe-t-elle dans ce build (BENCH_REBUILD=1) ?`);
    }
    samples.push({ path: pagePath, body });
  }
  return samples;
}

/** Writes each page's bytes as a static file: the yardstick serves exactly the same sizes. */
async function writeStaticCopies(kind: string, samples: Sample[]): Promise<string[]> {
  return Promise.all(
    samples.map(async (sample, index) => {
      const name = `${kind}-${index + 1}.html`;
      await writeFile(path.join(settings.staticDir, name), sample.body);
      return `/${name}`;
    }),
  );
}

async function startStaticServer(): Promise<{ origin: string; pid: number | undefined }> {
  const { child, tail } = startChild("serveur statique", ["--import", "tsx", path.join(import.meta.dirname, "static-server.ts"), settings.staticDir]);
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /LISTENING (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", () => reject(new Error(exitMessage("serveur statique", child, tail))));
  });
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid };
}

/** One load, with the resident memory of the server measured (its pid) sampled meanwhile. */
async function measure(name: string, job: LoadJob, serverPid?: number): Promise<LoadResult & { peakRss: number | null }> {
  say(`Charge : ${name} (${job.paths.length} URL, ${job.connections} connexions, ${job.warmup} s de chauffe + ${job.duration} s)…`);
  const { child, tail } = startChild(`autocannon (${name})`, ["--import", "tsx", path.join(import.meta.dirname, "load.ts"), JSON.stringify(job)]);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const limit = setTimeout(() => child.kill("SIGKILL"), (job.warmup + job.duration + 60) * 1000);
  const { result: code, peakRss } = await residentMemoryDuring(serverPid, () => new Promise<number | null>((resolve) => child.once("exit", resolve)));
  clearTimeout(limit);
  if (code !== 0) throw new Error(exitMessage(`autocannon (${name})`, child, tail));
  const lastLine = output.trim().split("\n").at(-1) ?? "";
  return { ...(JSON.parse(lastLine) as LoadResult), peakRss };
}

/** The long tail: each path once, through `connections` connections, the server's memory sampled meanwhile. */
async function crawl(job: CrawlJob, serverPid: number | undefined, what: string): Promise<CrawlResult & { peakRss: number | null }> {
  say(`Robot d'indexation : ${job.paths.length.toLocaleString("fr-FR")} requêtes, ${what}, ${job.connections} connexions…`);
  const jobFile = path.join(projectRoot, ".data/bench-crawl-job.json");
  await writeFile(jobFile, JSON.stringify(job));
  const { child, tail } = startChild("robot d'indexation", ["--import", "tsx", path.join(import.meta.dirname, "crawl.ts"), jobFile]);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const { result: code, peakRss } = await residentMemoryDuring(serverPid, () => new Promise<number | null>((resolve) => child.once("exit", resolve)));
  if (code !== 0) throw new Error(exitMessage("robot d'indexation", child, tail));
  return { ...(JSON.parse(output.trim().split("\n").at(-1) ?? "") as CrawlResult), peakRss };
}

type Walk = CrawlResult & { peakRss: number | null };

function describeWalk(name: string, walk: Walk) {
  const rss = walk.peakRss === null ? "" : `, RSS serveur max ${(walk.peakRss / 1024 / 1024).toFixed(0)} Mio`;
  say(
    `${name} : ${walk.pagesPerSecond.toFixed(1)} pages/s, p50 ${walk.latencyP50.toFixed(1)} ms, p99 ${walk.latencyP99.toFixed(1)} ms` +
      `, ${walk.failures} échec(s), ${walk.cached} servie(s) sans rendu${rss}.`,
  );
}

/** The objective: an act never asked for costs at most crawlTarget × a cached page; every answer as expected. */
function judge(walk: Walk, cachedPagesPerSecond: number, expectedWithoutRender: number) {
  const cost = cachedPagesPerSecond / walk.pagesPerSecond;
  const honest = walk.failures === 0 && walk.cached === expectedWithoutRender;
  const met = cost <= settings.crawlTarget && honest;
  say(`Objectif (une délibération jamais demandée ≤ ${settings.crawlTarget} × le coût d'une page en cache) : ${met ? "ATTEINT" : "NON ATTEINT"} (× ${cost.toFixed(1)})${honest ? "" : " : réponses inattendues"}.`);
}

/** Requests for a page until the front stores it: the first renders it, the next two are hits of Next's cache, the second one copied. */
const MIN_STORING_ROUNDS = 3;
const STORING_ROUNDS = 6;
/** The cached pages the million's long tail is compared with: as many acts as the pages bench loads. */
const CACHED_FEW = 50;

/**
 * The long tail on the million-act archive: `settings.searchCrawl` acts of bench-ville drawn from its 200,000,
 * stored as the renderer stores them (the renderer would take hours for the whole archive: each act is asked
 * for until the front has copied and stored it, on a server then stopped), then walked once each on a fresh
 * server, gzip then without compression, against the same crawler on cached pages (the front's memory copies).
 */
async function runMillionLongTail(databaseUrl: string, runtimeUrl: string, port: number) {
  const paths = await withClient(databaseUrl, async (client) => {
    // Nothing left from an earlier run or build: every act walked is stored by this run.
    await client.query("TRUNCATE rendered_page");
    const { rows } = await client.query<{ number: string }>(
      `SELECT d.number FROM deliberation d JOIN municipality m ON m.id = d.municipality_id
       WHERE m.slug = $1 AND d.status = 'PUBLISHED' ORDER BY d.year, d.sequence`,
      [BENCH_MUNICIPALITY.slug],
    );
    return pickDistinct(createRng("bench-search-crawl"), rows.map((row) => actPath(row.number)), settings.searchCrawl);
  });
  say(`Longue traîne sur l'archive du million : ${paths.length.toLocaleString("fr-FR")} délibérations de ${BENCH_MUNICIPALITY.slug} tirées au hasard.`);
  let { origin, portal } = await startPortal(runtimeUrl, port);
  const started = performance.now();
  // As the renderer does: each page asked for again while it is not stored (Next's cache may have let it go
  // between two requests), a few times at most.
  let unstored = paths;
  for (let round = 0; round < STORING_ROUNDS && unstored.length > 0; round += 1) {
    await crawl({ origin, paths: unstored, connections: 2, acceptEncoding: "gzip" }, portal.pid, `enregistrement, tour ${round + 1}`);
    if (round < MIN_STORING_ROUNDS - 1) continue;
    const stored = await withClient(databaseUrl, async (client) => new Set((await client.query<{ path: string }>("SELECT path FROM rendered_page")).rows.map((row) => row.path)));
    unstored = unstored.filter((pagePath) => !stored.has(decodeURIComponent(pagePath)) && !stored.has(pagePath));
  }
  if (unstored.length > 0) say(`  ${unstored.length.toLocaleString("fr-FR")} pages toujours pas enregistrées après ${STORING_ROUNDS} tours.`);
  const disk = await storedPagesDisk(databaseUrl);
  say(
    `  ${disk.pages.toLocaleString("fr-FR")} pages enregistrées en ${((performance.now() - started) / 1000).toFixed(0)} s (deux connexions), ` +
      `${(disk.bytes / 1024 / 1024).toFixed(1)} Mio sur disque.`,
  );
  await stopChild(portal);
  ({ origin, portal } = await startPortal(runtimeUrl, port));
  // Ten thousand pages do not fit the front's copies (REGISTRE_PAGE_COPIES_MB, 64 by default): the cached page
  // is a few of them, as the pages bench's loads, asked for in turn as many times as the walk's requests.
  const few = paths.slice(0, CACHED_FEW);
  const cachedPaths = Array.from({ length: paths.length }, (_, index) => few[index % few.length]!);
  for (const [encoding, label] of [["gzip, deflate, br", "gzip"], [undefined, "sans compression"]] as const) {
    const job = (walked: string[]): CrawlJob => ({ origin, paths: walked, connections: settings.crawlConnections, acceptEncoding: encoding });
    const walk = await crawl(job(paths), portal.pid, `pages enregistrées, ${label}`);
    describeWalk(`Longue traîne (million), pages enregistrées (${label})`, walk);
    // The walk served them once from the store; once more each, and they are the front's copies.
    await crawl(job(few), portal.pid, `les ${few.length} premières encore une fois, ${label}`);
    const cached = await crawl(job(cachedPaths), portal.pid, `les ${few.length} premières, en cache, ${label}`);
    describeWalk(`  mêmes connexions, pages en cache (${label})`, cached);
    judge(walk, cached.pagesPerSecond, walk.pages);
  }
  await stopChild(portal);
}

// ---------------------------------------------------------------- stored pages

/** The pages the portal stored in an earlier run (lib/http/stored-pages.ts). */
async function forgetStoredPages(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, (client) => client.query("TRUNCATE rendered_page"));
}

async function storedPagesDisk(databaseUrl: string): Promise<{ pages: number; bytes: number }> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ pages: number; bytes: string }>(
      `SELECT (SELECT count(*)::int FROM rendered_page) AS pages, pg_total_relation_size('rendered_page')::text AS bytes`,
    );
    return { pages: rows[0]?.pages ?? 0, bytes: Number(rows[0]?.bytes ?? 0) };
  });
}

/** Waits for the first pass of the portal's renderer (lib/http/render-ahead.ts), from its log line. */
function renderAheadPass(portal: ChildProcess): Promise<{ rendered: number; already: number; seconds: number }> {
  say("Rendu d'avance : le portail enregistre les pages de son plan du site…");
  return new Promise((resolve, reject) => {
    let buffer = "";
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const match = /pages enregistrées : (\d+) rendues en ([\d.]+) s, (\d+) déjà enregistrées/.exec(buffer);
      const failed = /pages enregistrées : passage interrompu \(([^)]*)\)/.exec(buffer);
      if (failed) reject(new Error(`rendu d'avance interrompu : ${failed[1]}`));
      if (!match) return;
      portal.stdout?.off("data", onData);
      resolve({ rendered: Number(match[1]), seconds: Number(match[2]), already: Number(match[3]) });
    };
    portal.stdout?.on("data", onData);
    portal.once("exit", () => reject(new Error("le portail s'est arrêté pendant le rendu d'avance")));
  });
}

// ---------------------------------------------------------------- report

type Row = { target: string; pages: number; medianBytes: number; result: LoadResult & { peakRss: number | null }; ratio: number | null };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function printTable(rows: Row[]) {
  const header = ["cible", "URL", "octets (médiane)", "req/s", "p50 ms", "p99 ms", "ratio page/statique", "erreurs", "RSS serveur max (Mio)"];
  const lines = rows.map((row) => [
    row.target,
    String(row.pages),
    row.medianBytes.toLocaleString("fr-FR"),
    row.result.requestsPerSecond.toFixed(1),
    row.result.latencyP50.toFixed(1),
    row.result.latencyP99.toFixed(1),
    row.ratio === null ? "" : row.ratio.toFixed(3),
    String(row.result.non2xx + row.result.errors + row.result.timeouts),
    row.result.peakRss === null ? "" : (row.result.peakRss / 1024 / 1024).toFixed(0),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? "").length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  console.log("");
  console.log(format(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const line of lines) console.log(format(line));
  console.log("");
}

// ---------------------------------------------------------------- main

/** The page load test (BENCH_PAGES > 0) and the extract bench (BENCH_EXTRACTS), on the pages' archive and portal. */
async function runPagesAndExtracts() {
  say(`PostgreSQL du banc : ${path.relative(projectRoot, settings.dataDir)} (port ${settings.pgPort})`);
  const startDatabase = () => startEmbeddedPostgres({ dataDir: settings.dataDir, port: settings.pgPort, database: settings.database, log: say });
  let database = await startDatabase();
  cleanups.push({ name: "PostgreSQL", run: () => database.stop() });
  if (settings.profile && (await preloadQueryStats(database.url)) === "restart-needed") {
    say("BENCH_PROFILE : redémarrage de PostgreSQL avec pg_stat_statements…");
    await database.stop();
    database = await startDatabase();
    await preloadQueryStats(database.url);
  }

  await prepareArchive(database.url);

  // Next keeps the pages it rendered on disk, and the portal their bytes in the database, from one run to the
  // next: none is cached nor stored when the run starts.
  await rm(path.join(projectRoot, settings.distDir, "server/route-cache"), { recursive: true, force: true });
  await forgetStoredPages(database.url);
  say(`Portail : processus web de npm start sur 127.0.0.1:${settings.appPort}, collectivité « ${BENCH_MUNICIPALITY.slug} »…`);
  if (settings.cpuProfile) await rm(settings.cpuProfileDir, { recursive: true, force: true });
  let { origin, portal } = await startPortal(database.runtimeUrl);

  if (settings.pages > 0) {
    const pages = await pickPages(database.url);
    const deliberationSamples = await fetchSamples(origin, pages.deliberations);
    const sittingSamples = await fetchSamples(origin, pages.sittings);
    const [firstDeliberation] = deliberationSamples;
    if (firstDeliberation && !firstDeliberation.body.includes(decodeURIComponent(firstDeliberation.path.split("/").at(-1) ?? ""))) {
      say(`Attention : ${firstDeliberation.path} ne contient pas son numéro ; est-ce bien la page de la délibération ?`);
    }

    await rm(settings.staticDir, { recursive: true, force: true });
    await mkdir(settings.staticDir, { recursive: true });
    const staticDeliberations = await writeStaticCopies("deliberation", deliberationSamples);
    const staticSittings = await writeStaticCopies("seance", sittingSamples);
    const staticServer = await startStaticServer();

    // Other processes on the machine share its cores with the bench: say so.
    const [loadAverage = 0] = os.loadavg();
    const cores = os.cpus().length;
    say(`Charge moyenne de la machine avant la mesure : ${loadAverage.toFixed(2)} sur ${cores} cœur(s).`);
    if (loadAverage > cores * 0.5) say("Attention : d'autres processus occupent la machine ; les chiffres en seront abaissés et dispersés.");

    const load = { duration: settings.duration, warmup: settings.warmup, connections: settings.connections };
    const measurePage = async (name: string, paths: string[]) => {
      if (!settings.profile) return measure(name, { origin, paths, ...load }, portal.pid);
      await resetQueryStats(database.url);
      const result = await measure(name, { origin, paths, ...load }, portal.pid);
      const loaded = await readQueryStats(database.url);
      await waitForQuietDatabase(database.url);
      const started = performance.now();
      await get(`${origin}${paths[0]}`);
      const alone = performance.now() - started;
      const single = await readQueryStats(database.url);
      console.log(formatQueryStats(`${name}, sous charge`, loaded, result.completed + result.warmupCompleted));
      console.log(formatQueryStats(`${name}, une requête seule (${alone.toFixed(0)} ms en tout)`, single, 1));
      return result;
    };
    const deliberationPage = await measurePage("page délibération", pages.deliberations);
    const deliberationStatic = await measure("fichiers statiques (tailles des délibérations)", { origin: staticServer.origin, paths: staticDeliberations, ...load }, staticServer.pid);
    const sittingPage = await measurePage("page séance", pages.sittings);
    const sittingStatic = await measure("fichiers statiques (tailles des séances)", { origin: staticServer.origin, paths: staticSittings, ...load }, staticServer.pid);

    const deliberationBytes = median(deliberationSamples.map((sample) => sample.body.length));
    const sittingBytes = median(sittingSamples.map((sample) => sample.body.length));
    const deliberationRatio = deliberationPage.requestsPerSecond / deliberationStatic.requestsPerSecond;
    const sittingRatio = sittingPage.requestsPerSecond / sittingStatic.requestsPerSecond;
    const rows: Row[] = [
      { target: "page délibération", pages: pages.deliberations.length, medianBytes: deliberationBytes, result: deliberationPage, ratio: deliberationRatio },
      { target: "statique, mêmes octets", pages: staticDeliberations.length, medianBytes: deliberationBytes, result: deliberationStatic, ratio: null },
      { target: "page séance", pages: pages.sittings.length, medianBytes: sittingBytes, result: sittingPage, ratio: sittingRatio },
      { target: "statique, mêmes octets", pages: staticSittings.length, medianBytes: sittingBytes, result: sittingStatic, ratio: null },
    ];
    say(`autocannon sur 127.0.0.1 : ${settings.connections} connexions, ${settings.warmup} s de chauffe puis ${settings.duration} s par cible ; chaque connexion parcourt les URL en boucle.`);
    printTable(rows);
    const failures = rows.filter((row) => row.result.non2xx + row.result.errors + row.result.timeouts > 0);
    if (failures.length > 0) say(`Attention : réponses en erreur pour ${failures.map((row) => row.target).join(", ")} ; les chiffres sont faussés.`);
    for (const [page, ratio] of [["page délibération", deliberationRatio], ["page séance", sittingRatio]] as const) {
      const met = ratio >= settings.target && failures.length === 0;
      say(`Objectif (${page} ≥ ${settings.target} × fichier statique) : ${met ? "ATTEINT" : "NON ATTEINT"} (ratio ${ratio.toFixed(3)}).`);
    }
    const walkJob = (paths: string[], acceptEncoding?: string): CrawlJob => ({ origin, paths, connections: settings.crawlConnections, acceptEncoding });
    if (pages.crawlUnstored.length > 0) {
      // Nothing stored yet: each act is rendered by React on its request (against the cached page's load above).
      const walk = await crawl(walkJob(pages.crawlUnstored), portal.pid, "rien d'enregistré, sans compression");
      describeWalk("Longue traîne, rendue à la demande", walk);
      say(`  page délibération en cache (charge ci-dessus) : ${deliberationPage.requestsPerSecond.toFixed(0)} req/s.`);
      judge(walk, deliberationPage.requestsPerSecond, 0);
    }
    if (pages.crawl.length > 0) {
      // The renderer stores the archive's pages, on a server of its own; the walks are then on a fresh server.
      await stopChild(portal);
      const rendering = await startPortal(database.runtimeUrl, settings.appPort, { env: { REGISTRE_RENDER_AHEAD_MINUTES: "1440" } });
      const pass = await renderAheadPass(rendering.portal);
      const disk = await storedPagesDisk(database.url);
      say(
        `Rendu d'avance : ${pass.rendered.toLocaleString("fr-FR")} pages en ${pass.seconds.toFixed(0)} s (${(pass.rendered / pass.seconds).toFixed(1)} pages/s, une à la fois), ` +
          `${pass.already.toLocaleString("fr-FR")} déjà enregistrées ; ${disk.pages.toLocaleString("fr-FR")} pages, ${(disk.bytes / 1024 / 1024).toFixed(1)} Mio sur disque (${(disk.bytes / Math.max(1, disk.pages) / 1024).toFixed(1)} Kio par page).`,
      );
      await stopChild(rendering.portal);
      ({ origin, portal } = await startPortal(database.runtimeUrl));
      // Search engines' crawlers take gzip; then a client that does not (the pages decompressed by the front).
      // Each Accept-Encoding has its own copies in memory: the second walk is also of acts this server never served so.
      for (const [encoding, label] of [["gzip, deflate, br", "gzip"], [undefined, "sans compression"]] as const) {
        const walk = await crawl(walkJob(pages.crawl, encoding), portal.pid, `pages enregistrées par le rendu d'avance, ${label}`);
        describeWalk(`Longue traîne, pages enregistrées (${label})`, walk);
        // The same crawler on cached pages: the loaded acts, each served from the front's copy after its first request.
        const cachedPaths = Array.from({ length: pages.crawl.length }, (_, index) => pages.deliberations[index % pages.deliberations.length]!);
        const cached = await crawl(walkJob(cachedPaths, encoding), portal.pid, `les ${pages.deliberations.length} pages en cache de la charge, ${label}`);
        describeWalk(`  mêmes connexions, pages en cache (${label})`, cached);
        judge(walk, cached.pagesPerSecond, walk.pages);
      }
    }
    if (settings.cpuProfile) {
      // Node writes the profile when the server exits.
      await stopChild(portal);
      console.log(summarizeCpuProfile(settings.cpuProfileDir));
    }

  }

  if (settings.extracts) await runExtractBench({ databaseUrl: database.url, baseUrl: origin, log: say });
}

async function main() {
  const deadline = setTimeout(() => void abort(`délai de ${settings.timeoutMinutes} min dépassé`, 124), settings.timeoutMinutes * 60_000);

  // The import bench needs no portal.
  if (settings.pages > 0 || settings.extracts || settings.search) await buildIfMissing();
  if (settings.pages > 0 || settings.extracts) await runPagesAndExtracts();
  if (settings.search) {
    // Its own database: the search archive is fifty times larger than the pages'.
    say(`Recherche : PostgreSQL ${path.relative(projectRoot, settings.searchDataDir)} (port ${settings.searchPgPort})`);
    const searchDatabase = await startEmbeddedPostgres({
      dataDir: settings.searchDataDir,
      port: settings.searchPgPort,
      database: "registre_bench_search",
      log: say,
    });
    cleanups.push({ name: "PostgreSQL (recherche)", run: () => searchDatabase.stop() });
    // Before the portal connects: another archive is dropped with its database.
    const archive = await prepareMillionArchive(searchDatabase.url, settings.searchActs, { runtimeRole: searchDatabase.runtimeRole, log: say });
    // The server carries the search bench's memory probe: heap figures of the CSV export from inside it.
    const probeFile = path.join(projectRoot, ".data/bench-search-memory.json");
    await rm(probeFile, { force: true });
    const search = await startPortal(searchDatabase.runtimeUrl, settings.searchAppPort, {
      nodeFlags: ["--expose-gc", `--import=${MEMORY_PROBE_MODULE}`],
      env: { BENCH_MEMORY_PROBE_FILE: probeFile },
    });
    const memoryProbe = search.portal.pid ? { pid: search.portal.pid, file: probeFile } : undefined;
    await runSearchBench({ databaseUrl: searchDatabase.url, baseUrl: search.origin, log: say, memoryProbe, archive });
    await stopChild(search.portal);
    if (settings.searchCrawl > 0) await runMillionLongTail(searchDatabase.url, searchDatabase.runtimeUrl, settings.searchAppPort);
    if (settings.csvHeapCapMb > 0) {
      // A server that cannot start under the cap is a figure too (the server alone needs more), not the end of the run.
      const capped = await startPortal(searchDatabase.runtimeUrl, settings.searchAppPort + 1, { nodeFlags: [`--max-old-space-size=${settings.csvHeapCapMb}`] })
        .catch((error: unknown) => {
          say(`Export CSV, tas plafonné à ${settings.csvHeapCapMb} Mio : le serveur ne démarre pas (${(error as Error).message.split("\n")[0]}).`);
          return null;
        });
      if (capped) await runCappedExport({ databaseUrl: searchDatabase.url, baseUrl: capped.origin, heapCapMb: settings.csvHeapCapMb, log: say });
    }
  }

  if (settings.import) await runImportBench({ log: say, register: (name, run) => cleanups.push({ name, run }) });

  clearTimeout(deadline);
}

main()
  .then(async () => {
    await cleanUp();
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    // An interrupted run is already stopping: its children's exits are no news.
    if (stopping) return;
    console.error(`[bench] ${(error as Error).stack ?? String(error)}`);
    await cleanUp();
    process.exit(1);
  });
