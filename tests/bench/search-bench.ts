import { XMLParser } from "fast-xml-parser";
import { readFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { parseSearchParams, searchQueryString } from "@/lib/search/search-params";
import { buildSearchSql } from "@/lib/search/search-sql";
import { listeningPid, residentMemory } from "./process-memory";
import type { MillionArchiveReport } from "./million-archive";
import { BENCH_MUNICIPALITY } from "./synthetic-archive";

// Search and open-data benchmark, run by `npm run bench` (tests/bench/run.ts).
//
// - Archive: a million published deliberations in ten municipalities
//   (million-archive.ts, BENCH_SEARCH_ACTS), in a database of the bench's own,
//   prepared by run.ts before the portal starts; the bench's municipality, the
//   one searched, holds a fifth of them.
// - Search: a fixed set of realistic queries, with and without filters, each
//   asked through HTTP (`baseUrl`/recherche, the whole page: the search, the
//   filters' options, the HTML) and as the very same SQL sent directly with pg
//   (buildSearchSql, which the page runs). p50/p95/p99 of both, and their ratio:
//   the portal's share (HTTP minus SQL). Targets: p95 under 50 ms through HTTP,
//   the portal's share at most 15 ms at p50. Frequent words are bounded
//   (lib/search/search-sql.ts): the years searched are printed with the counts.
// - CSV export (SCDL) through HTTP, of one year and of the whole archive (twenty
//   times more rows), then one year again, then the whole archive read by a slow
//   client: seconds, first byte, size, the server's peak resident memory (from
//   /proc, when the server listening on baseUrl's port is a process of this
//   machine) and, when run.ts preloaded MEMORY_PROBE_MODULE into the server, its
//   V8 heap: peak during each export and what a full GC leaves after it. The
//   export streams: its memory must stay flat as the file grows.
// - Sitemaps: /sitemap.xml (an index past 50,000 addresses) and every file it
//   lists, walked as a crawler would: seconds and size of each, and the acts
//   listed against the published acts counted in SQL.
// - The public pages that list or count over the whole record (home, lists,
//   sittings, register, councillors, statistics): first answer and the others'.
// - The machine's load average is printed with each figure: two cores are shared.

const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 15);

const QUERIES: Record<string, string>[] = [
  { q: "budget primitif" },
  { q: "garantie d'emprunt logements sociaux" },
  { q: "subvention association" },
  { q: '"tableau des effectifs"' },
  { q: "droit de préemption urbain" },
  { q: "désignation des représentants" },
  { q: "plan local d'urbanisme modification" },
  { q: "recrutement agents contractuels" },
];
const FILTERED: Record<string, string>[] = [
  { q: "budget", annee: "2015" },
  { q: "subvention", matiere: "7" },
  { q: "urbanisme", matiere: "2.1", tri: "date" },
  { q: "emprunt", resultat: "adoptee", unanimite: "oui" },
  { annee: "2020", matiere: "4" },
  { q: "personnel", du: "2010-01-01", au: "2014-12-31" },
];

type Stats = { p50: number; p95: number; p99: number; count: number };

function percentile(sorted: number[], fraction: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function statsOf(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), count: sorted.length };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** One page through HTTP. fetch asks for gzip as browsers do, unless `identity` (no compression). */
async function timeHttp(url: string, { identity = false } = {}): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { redirect: "manual", headers: identity ? { "accept-encoding": "identity" } : {} });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
}

/**
 * Preloaded into the search bench's server (`node --expose-gc --import <this>`):
 * samples the heap and resident memory every 10 ms and, on SIGUSR2, writes the
 * peaks since the previous signal and the heap left after a full collection to
 * BENCH_MEMORY_PROBE_FILE. The export's memory is then read from inside the
 * process: V8 collects lazily, so resident memory alone says little.
 */
export const MEMORY_PROBE_MODULE = `data:text/javascript,${encodeURIComponent(`
import { writeFileSync } from "node:fs";
const file = process.env.BENCH_MEMORY_PROBE_FILE;
let sequence = 0;
let peak = { heapUsed: 0, heapTotal: 0, external: 0, rss: 0 };
const sample = () => {
  const usage = process.memoryUsage();
  for (const key of Object.keys(peak)) peak[key] = Math.max(peak[key], usage[key]);
};
setInterval(sample, 10).unref();
process.on("SIGUSR2", () => {
  sample();
  const during = peak;
  globalThis.gc?.();
  const after = process.memoryUsage();
  sequence += 1;
  const afterGc = { heapUsed: after.heapUsed, heapTotal: after.heapTotal, external: after.external, rss: after.rss };
  writeFileSync(file, JSON.stringify({ sequence, peak: during, afterGc }));
  peak = { ...afterGc };
});
`)}`;

export type MemoryProbe = { pid: number; file: string };
type MemoryFigures = { heapUsed: number; heapTotal: number; external: number; rss: number };
type MemoryReading = { sequence: number; peak: MemoryFigures; afterGc: MemoryFigures };

function lastReading(probe: MemoryProbe): MemoryReading | null {
  try {
    return JSON.parse(readFileSync(probe.file, "utf8")) as MemoryReading;
  } catch {
    return null; // Not written yet, or being written.
  }
}

/** Asks the server for its memory figures (peaks since the last reading, then after a full GC) and waits for this very reading. */
async function readMemory(probe: MemoryProbe): Promise<MemoryReading | null> {
  const previous = lastReading(probe)?.sequence ?? 0;
  try {
    process.kill(probe.pid, "SIGUSR2");
  } catch {
    return null;
  }
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const reading = lastReading(probe);
    if (reading && reading.sequence > previous) return reading;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return null;
}

type ExportResult = {
  seconds: number;
  firstByteMs: number;
  bytes: number;
  rows: number;
  rssBefore: number | null;
  rssPeak: number | null;
  /**
   * Probe only. Heap used after a full GC before the export, its peak during it, and after a full GC once it
   * is over; the heap V8 reserved (heapTotal: young generation included) and the memory outside it (external:
   * buffers), before and at their peak.
   */
  heap: { before: number; peak: number; after: number; reservedBefore: number; reservedPeak: number; externalBefore: number; externalPeak: number } | null;
};

async function measureExport(
  url: string,
  pid: number | null,
  probe: MemoryProbe | null,
  options: { pauseMs?: number; identity?: boolean } = {},
): Promise<ExportResult> {
  const start = probe ? await readMemory(probe) : null;
  const before = pid ? residentMemory(pid) : null;
  let peak = before ?? 0;
  const sampler = pid
    ? setInterval(() => {
        peak = Math.max(peak, residentMemory(pid) ?? 0);
      }, 20)
    : null;
  const started = performance.now();
  const response = await fetch(url, { headers: options.identity ? { "accept-encoding": "identity" } : {} });
  if (!response.ok || !response.body) throw new Error(`${url} : HTTP ${response.status}`);
  let bytes = 0;
  let lines = 0;
  let firstByteMs = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (bytes === 0) {
      firstByteMs = performance.now() - started;
      // A slow client: the server must wait for it, not read the archive into memory meanwhile.
      if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  if (sampler) clearInterval(sampler);
  const end = probe ? await readMemory(probe) : null;
  const rssPeak = pid ? Math.max(peak, end?.peak.rss ?? 0) : null;
  return {
    seconds,
    firstByteMs,
    bytes,
    rows: lines - 1,
    rssBefore: before ?? start?.afterGc.rss ?? null,
    rssPeak,
    heap:
      start && end
        ? {
            before: start.afterGc.heapUsed,
            peak: end.peak.heapUsed,
            after: end.afterGc.heapUsed,
            reservedBefore: start.afterGc.heapTotal,
            reservedPeak: end.peak.heapTotal,
            externalBefore: start.afterGc.external,
            externalPeak: end.peak.external,
          }
        : null,
  };
}

const mib = (bytes: number | null) => (bytes === null ? "n/d" : `${(bytes / 1024 / 1024).toFixed(0)} Mio`);
const signedMib = (bytes: number) => `${bytes >= 0 ? "+" : "−"}${Math.abs(bytes / 1024 / 1024).toFixed(0)} Mio`;
const loadNow = () => `charge ${os.loadavg()[0]!.toFixed(2)} sur ${os.cpus().length} cœurs`;

export async function runSearchBench(options: {
  databaseUrl: string;
  baseUrl: string;
  log: (line: string) => void;
  /** The server's memory probe (MEMORY_PROBE_MODULE), when the bench started the server with it. */
  memoryProbe?: MemoryProbe;
  archive: MillionArchiveReport;
}): Promise<void> {
  const { databaseUrl, log, archive } = options;
  const baseUrl = options.baseUrl.replace(/\/$/, "");
  const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} Gio`;
  log(
    `Archive de la recherche : ${archive.deliberations.toLocaleString("fr-FR")} délibérations publiées, dont ${archive.searched.toLocaleString("fr-FR")} pour la collectivité cherchée${archive.generationSeconds === null ? "" : `, générées en ${archive.generationSeconds.toFixed(0)} s`} ; disque ${gib(archive.diskBytes)} (${Object.entries(archive.tableBytes).map(([table, bytes]) => `${table} ${gib(bytes)}`).join(", ")}).`,
  );

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const municipality = await client.query<{ id: string }>(`SELECT id FROM municipality WHERE slug = $1`, [BENCH_MUNICIPALITY.slug]);
    const municipalityId = municipality.rows[0]?.id;
    if (!municipalityId) throw new Error(`La collectivité ${BENCH_MUNICIPALITY.slug} manque dans ${databaseUrl}.`);
    const probe = await timeHttp(`${baseUrl}/recherche?q=budget`);
    if (probe.status !== 200) throw new Error(`${baseUrl}/recherche répond ${probe.status} : le serveur sert-il ${BENCH_MUNICIPALITY.slug} (REGISTRE_MUNICIPALITY) ?`);

    for (const [label, queries] of [["sans filtre", QUERIES], ["avec filtres", FILTERED]] as const) {
      const http: number[] = [];
      const plain: number[] = [];
      const sql: number[] = [];
      const perQuery = queries.map(() => ({ http: [] as number[], plain: [] as number[], sql: [] as number[], total: 0, fromYear: null as number | null, exactTotal: 0, exactMs: 0 }));
      // One warm-up pass each way, not counted.
      for (const query of queries) {
        const params = parseSearchParams(query);
        await timeHttp(`${baseUrl}/recherche?${searchQueryString(params)}`);
        const statement = buildSearchSql({ municipalityId, params });
        await client.query(statement.text, statement.values);
      }
      const load = loadNow();
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const [index, query] of queries.entries()) {
          const params = parseSearchParams(query);
          const statement = buildSearchSql({ municipalityId, params });
          const sqlStarted = performance.now();
          const result = await client.query<{ total: string; partial: boolean; from_year: number | null }>(statement.text, statement.values);
          const sqlMs = performance.now() - sqlStarted;
          const response = await timeHttp(`${baseUrl}/recherche?${searchQueryString(params)}`);
          if (response.status !== 200) throw new Error(`/recherche?${searchQueryString(params)} : HTTP ${response.status}`);
          // The same page without compression: Next's gzip, which a reverse proxy usually does instead, apart.
          const uncompressed = await timeHttp(`${baseUrl}/recherche?${searchQueryString(params)}`, { identity: true });
          sql.push(sqlMs);
          http.push(response.ms);
          plain.push(uncompressed.ms);
          perQuery[index]!.sql.push(sqlMs);
          perQuery[index]!.http.push(response.ms);
          perQuery[index]!.plain.push(uncompressed.ms);
          perQuery[index]!.total = Number(result.rows[0]?.total ?? 0);
          perQuery[index]!.fromYear = result.rows[0]?.partial ? result.rows[0].from_year : null;
        }
      }
      // The exact search once (every match counted and ranked): what the bound saves, and the count it leaves out.
      for (const [index, query] of queries.entries()) {
        const statement = buildSearchSql({ municipalityId, params: parseSearchParams(query), candidateLimit: null });
        const started = performance.now();
        const result = await client.query<{ total: string }>(statement.text, statement.values);
        perQuery[index]!.exactMs = performance.now() - started;
        perQuery[index]!.exactTotal = Number(result.rows[0]?.total ?? 0);
      }
      const httpStats = statsOf(http);
      const portalShare = statsOf(http.map((value, index) => value - sql[index]!));
      const sqlStats = statsOf(sql);
      const hits = perQuery.reduce((sum, query) => sum + query.total, 0);
      log(`Recherche ${label} (${queries.length} requêtes × ${ROUNDS}, ${hits.toLocaleString("fr-FR")} résultats au total ; ${load} au début, ${loadNow()} à la fin) :`);
      for (const [index, query] of queries.entries()) {
        const stats = perQuery[index]!;
        log(
          `  ${searchQueryString(parseSearchParams(query)).padEnd(52)} ${String(stats.total).padStart(6)} résultats${stats.fromYear ? ` depuis ${stats.fromYear}` : " (toutes années)"}  HTTP p50 ${ms(statsOf(stats.http).p50)} (sans compression ${ms(statsOf(stats.plain).p50)})  SQL p50 ${ms(statsOf(stats.sql).p50)} ; recherche exacte : ${stats.exactTotal} résultats, SQL ${ms(stats.exactMs)}`,
        );
      }
      const plainStats = statsOf(plain);
      log(`  HTTP /recherche  p50 ${ms(httpStats.p50)}  p95 ${ms(httpStats.p95)}  p99 ${ms(httpStats.p99)}  (gzip, comme un navigateur)`);
      log(`  HTTP sans compression  p50 ${ms(plainStats.p50)}  p95 ${ms(plainStats.p95)}  p99 ${ms(plainStats.p99)}  (Accept-Encoding: identity ; pour information)`);
      log(`  SQL direct (pg)  p50 ${ms(sqlStats.p50)}  p95 ${ms(sqlStats.p95)}  p99 ${ms(sqlStats.p99)}`);
      log(`  part du portail (HTTP − SQL, requête par requête) : p50 ${ms(portalShare.p50)}, p95 ${ms(portalShare.p95)} ; ×${(httpStats.p50 / sqlStats.p50).toFixed(2)} le SQL (p50)`);
      log(`  objectifs : p95 HTTP < 50 ms ${httpStats.p95 < 50 ? "ATTEINT" : "NON ATTEINT"} (${ms(httpStats.p95)}) ; part du portail ≤ 15 ms à p50 ${portalShare.p50 <= 15 ? "ATTEINT" : "NON ATTEINT"} (${ms(portalShare.p50)})`);
    }

    await benchExports({ client, municipalityId, baseUrl, log, memoryProbe: options.memoryProbe ?? null });
    await benchSitemaps({ client, municipalityId, baseUrl, log });
    await benchPublicPages({ baseUrl, log });
  } finally {
    await client.end();
  }
}

/** The public pages that list or count over the whole record, on the million-act archive. */
const LIST_PAGES = ["/", "/deliberations", "/deliberations?page=5000", "/seances", "/registre", "/elus", "/statistiques", "/donnees"];
const LIST_PAGE_ROUNDS = 6;

/**
 * Each page that lists or counts the town's acts, asked LIST_PAGE_ROUNDS times
 * one after the other: the first answer (the statistics' and councillors'
 * figures then computed, as after a publication) and the median of the others
 * (those figures from the data cache; the lists rendered at each request).
 */
async function benchPublicPages({ baseUrl, log }: { baseUrl: string; log: (line: string) => void }): Promise<void> {
  log(`Pages publiques qui parcourent le registre (${LIST_PAGE_ROUNDS} requêtes chacune, ${loadNow()}) :`);
  for (const pathname of LIST_PAGES) {
    const times: number[] = [];
    const statuses = new Set<number>();
    let bytes = 0;
    for (let round = 0; round < LIST_PAGE_ROUNDS; round += 1) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}${pathname}`, { headers: { "accept-encoding": "gzip" } });
      bytes = (await response.arrayBuffer()).byteLength;
      times.push(performance.now() - started);
      statuses.add(response.status);
    }
    const rest = statsOf(times.slice(1));
    log(`  ${pathname.padEnd(28)} HTTP ${[...statuses].join(", ")}  première ${ms(times[0]!)}, ensuite p50 ${ms(rest.p50)} (le plus lent ${ms(Math.max(...times.slice(1)))}) ; ${(bytes / 1024).toFixed(0)} Kio`);
  }
}

/**
 * /sitemap.xml and every file it lists, one after the other as a crawler reads
 * them: the index's time, each file's, the slowest, the bytes, and the acts'
 * addresses listed, each once, against the published acts counted in SQL.
 */
async function benchSitemaps({ client, municipalityId, baseUrl, log }: {
  client: pg.Client;
  municipalityId: string;
  baseUrl: string;
  log: (line: string) => void;
}): Promise<void> {
  const parser = new XMLParser({ isArray: (name) => name === "sitemap" || name === "url" });
  const fetchXml = async (url: string) => {
    const started = performance.now();
    const response = await fetch(url);
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${url} : HTTP ${response.status}`);
    return { ms: performance.now() - started, bytes: Buffer.byteLength(text), xml: parser.parse(text) as Record<string, Record<string, { loc: string }[]>> };
  };
  const index = await fetchXml(`${baseUrl}/sitemap.xml`);
  const files = (index.xml.sitemapindex?.sitemap ?? []).map((entry) => new URL(entry.loc).pathname);
  const acts = new Set<string>();
  let actAddresses = 0;
  const times: number[] = [];
  let bytes = index.bytes;
  let addresses = index.xml.urlset?.url?.length ?? 0;
  const count = (urls: { loc: string }[]) => {
    for (const url of urls) {
      if (!new URL(url.loc).pathname.startsWith("/deliberations/")) continue;
      acts.add(url.loc);
      actAddresses += 1;
    }
  };
  count(index.xml.urlset?.url ?? []);
  for (const file of files) {
    const answer = await fetchXml(`${baseUrl}${file}`);
    times.push(answer.ms);
    bytes += answer.bytes;
    const urls = answer.xml.urlset?.url ?? [];
    addresses += urls.length;
    count(urls);
  }
  const published = await client.query<{ count: string }>(
    `SELECT count(*) FROM deliberation WHERE municipality_id = $1 AND status = 'PUBLISHED'`,
    [municipalityId],
  );
  const expected = Number(published.rows[0]!.count);
  const stats = statsOf(times);
  log(
    `Plans du site : /sitemap.xml ${files.length > 0 ? `index de ${files.length} fichiers` : "un seul fichier"} en ${ms(index.ms)} ; ` +
      (files.length > 0 ? `fichiers p50 ${ms(stats.p50)}, le plus lent ${ms(Math.max(...times))}, ` : "") +
      `${addresses.toLocaleString("fr-FR")} adresses, ${(bytes / 1024 / 1024).toFixed(1)} Mio ; ${acts.size.toLocaleString("fr-FR")} délibérations distinctes pour ${expected.toLocaleString("fr-FR")} publiées (${acts.size === expected && actAddresses === expected ? "toutes, une fois chacune" : `ÉCART : ${actAddresses.toLocaleString("fr-FR")} adresses`}).`,
  );
}

/**
 * The SCDL export through HTTP, of one year and of the whole archive (20 times
 * more rows), then one year again and the whole archive read by a slow client:
 * seconds, first byte, size, the server's resident memory (from /proc) and,
 * with the probe, its heap (peak during the export, and what a full GC leaves).
 */
async function benchExports({ client, municipalityId, baseUrl, log, memoryProbe }: {
  client: pg.Client;
  municipalityId: string;
  baseUrl: string;
  log: (line: string) => void;
  memoryProbe: MemoryProbe | null;
}) {
  const pid = memoryProbe?.pid ?? listeningPid(Number(new URL(baseUrl).port || 80));
  log(
    `Export CSV (${loadNow()}) : ${pid ? `mémoire résidente du serveur (pid ${pid}) échantillonnée toutes les 20 ms` : "processus du serveur introuvable dans /proc, mémoire résidente non mesurée"}${memoryProbe ? " ; tas V8 échantillonné dans le serveur toutes les 10 ms, et mesuré après un GC complet avant et après chaque export" : ""}.`,
  );
  const years = await client.query<{ year: number }>(
    `SELECT DISTINCT year FROM deliberation WHERE municipality_id = $1 AND status = 'PUBLISHED' ORDER BY year`, [municipalityId],
  );
  const first = years.rows[0]?.year;
  if (!first) return;
  const slowPauseMs = 3_000;
  const exports: { key: string; label: string; url: string; pauseMs?: number; identity?: boolean }[] = [
    { key: "year", label: `une année (${first})`, url: `${baseUrl}/donnees/scdl/deliberations-${first}.csv` },
    { key: "all", label: "toute l'archive", url: `${baseUrl}/donnees/scdl/deliberations.csv` },
    { key: "year-again", label: `une année (${first}), de nouveau`, url: `${baseUrl}/donnees/scdl/deliberations-${first}.csv` },
    // Uncompressed: gzip would shrink the whole file to what the kernel's socket buffers hold, and the pause would prove nothing.
    {
      key: "slow",
      label: `toute l'archive, sans compression, client lent (pause de ${slowPauseMs / 1000} s après le premier morceau)`,
      url: `${baseUrl}/donnees/scdl/deliberations.csv`,
      pauseMs: slowPauseMs,
      identity: true,
    },
  ];
  const results = new Map<string, ExportResult>();
  for (const entry of exports) {
    const result = await measureExport(entry.url, pid, memoryProbe, { pauseMs: entry.pauseMs, identity: entry.identity });
    results.set(entry.key, result);
    const rss = result.rssBefore !== null && result.rssPeak !== null ? `mémoire résidente ${mib(result.rssBefore)} avant, pic ${mib(result.rssPeak)} (${signedMib(result.rssPeak - result.rssBefore)})` : "mémoire résidente n/d";
    const heap = result.heap
      ? ` ; tas utilisé ${mib(result.heap.before)} après GC avant, pic ${mib(result.heap.peak)} (${signedMib(result.heap.peak - result.heap.before)}), ${mib(result.heap.after)} après GC ; tas réservé pic ${signedMib(result.heap.reservedPeak - result.heap.reservedBefore)}, mémoire hors tas pic ${signedMib(result.heap.externalPeak - result.heap.externalBefore)}`
      : "";
    log(`  ${entry.label} : ${result.rows.toLocaleString("fr-FR")} lignes, ${(result.bytes / 1024 / 1024).toFixed(1)} Mio en ${result.seconds.toFixed(2)} s (premier octet ${ms(result.firstByteMs)}) ; ${rss}${heap}`);
  }
  const year = results.get("year")!;
  const all = results.get("all")!;
  const growth = (result: ExportResult) => (result.rssPeak !== null && result.rssBefore !== null ? result.rssPeak - result.rssBefore : null);
  const yearGrowth = growth(year);
  const allGrowth = growth(all);
  if (yearGrowth !== null && allGrowth !== null && year.rssPeak !== null && all.rssPeak !== null) {
    log(
      `  pic de mémoire résidente du serveur : une année ${mib(year.rssPeak)} (${signedMib(yearGrowth)}), toute l'archive, ${Math.round(all.rows / Math.max(1, year.rows))} fois plus de lignes, ${mib(all.rssPeak)} (${signedMib(allGrowth)})`,
    );
  }
  const slow = results.get("slow")!;
  if (slow.heap && slow.rssPeak !== null && slow.rssBefore !== null) {
    log(
      `  client lent : ${slow.seconds.toFixed(2)} s dont ${slowPauseMs / 1000} s de pause ; tas ${signedMib(slow.heap.peak - slow.heap.before)}, hors tas ${signedMib(slow.heap.externalPeak - slow.heap.externalBefore)}, mémoire résidente ${signedMib(slow.rssPeak - slow.rssBefore)} pour ${(slow.bytes / 1024 / 1024).toFixed(1)} Mio envoyés (un serveur qui n'attendrait pas son client garderait le fichier en mémoire pendant la pause)`,
    );
  }
  if (year.heap && all.heap) {
    log(
      `  tas V8 : pic une année ${signedMib(year.heap.peak - year.heap.before)}, toute l'archive ${signedMib(all.heap.peak - all.heap.before)} ; après GC ${mib(year.heap.after)} puis ${mib(all.heap.after)} (ce qui reste ne croît pas avec la taille de l'export si le tas après GC est stable)`,
    );
  }
}

/**
 * The whole archive exported by a server whose V8 old space is capped at
 * `heapCapMb` (`--max-old-space-size`, set by run.ts): small enough that the
 * server could not hold the 28 MiB file beside its own heap. The export must
 * still complete, every row in it.
 */
export async function runCappedExport({ databaseUrl, baseUrl, heapCapMb, log }: {
  databaseUrl: string;
  baseUrl: string;
  heapCapMb: number;
  log: (line: string) => void;
}): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let expected = 0;
  try {
    const count = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliberation d JOIN municipality m ON m.id = d.municipality_id
       WHERE m.slug = $1 AND d.status = 'PUBLISHED' AND NOT d.is_demo
         AND NOT EXISTS (SELECT 1 FROM deliberation newer WHERE newer.previous_version_id = d.id AND newer.status = 'PUBLISHED')`,
      [BENCH_MUNICIPALITY.slug],
    );
    expected = count.rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
  const origin = baseUrl.replace(/\/$/, "");
  const pid = listeningPid(Number(new URL(origin).port || 80));
  const load = loadNow();
  let result: ExportResult;
  try {
    result = await measureExport(`${origin}/donnees/scdl/deliberations.csv`, pid, null);
  } catch (error) {
    log(`Export CSV, tas plafonné à ${heapCapMb} Mio : ÉCHEC (${(error as Error).message}).`);
    return;
  }
  const complete = result.rows === expected;
  const peakRss = pid ? /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] : undefined;
  log(
    `Export CSV, serveur au tas plafonné (--max-old-space-size=${heapCapMb}, ${load}) : toute l'archive, ${result.rows.toLocaleString("fr-FR")} lignes sur ${expected.toLocaleString("fr-FR")} ${complete ? "(complète)" : "(INCOMPLÈTE)"}, ${(result.bytes / 1024 / 1024).toFixed(1)} Mio en ${result.seconds.toFixed(2)} s${peakRss ? ` ; pic de mémoire résidente du processus depuis son démarrage ${mib(Number(peakRss) * 1024)}` : ""}`,
  );
}
