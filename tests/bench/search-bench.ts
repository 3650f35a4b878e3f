import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { parseSearchParams, searchQueryString } from "@/lib/search/search-params";
import { buildSearchSql } from "@/lib/search/search-sql";
import { BENCH_MUNICIPALITY, countArchivedDeliberations, formatArchiveReport, generateSyntheticArchive, planArchive, ARCHIVE_SEED } from "./synthetic-archive";

// Search and open-data benchmark, run by `npm run bench` (tests/bench/run.ts).
//
// - Archive: the synthetic one at scale 5 (some 105,000 published deliberations)
//   in `databaseUrl`, a database of the bench's own: generated there if it holds
//   another archive (TRUNCATE municipality … CASCADE).
// - Search: a fixed set of realistic queries, with and without filters, each
//   asked through HTTP (`baseUrl`/recherche, the whole page: the search, the
//   filters' options, the HTML) and as the very same SQL sent directly with pg
//   (buildSearchSql, which the page runs). p50/p95/p99 of both, and their ratio:
//   the portal's overhead. Targets: p95 under 50 ms through HTTP, overhead under 2×.
// - CSV export (SCDL) through HTTP, of one year, five years and the whole archive:
//   seconds, size, and the server's peak resident memory during each, read from
//   /proc when the server listening on baseUrl's port is a process of this machine.
//   The export streams: its memory must stay flat as the file grows.

export const SEARCH_BENCH_SCALE = 5;
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

async function prepareArchive(databaseUrl: string, log: (line: string) => void) {
  await migrate({ connectionString: databaseUrl, log });
  const expected = planArchive(ARCHIVE_SEED, SEARCH_BENCH_SCALE).deliberationCount;
  const found = await countArchivedDeliberations(databaseUrl);
  if (found === expected) {
    log(`Archive réutilisée : ${found.toLocaleString("fr-FR")} délibérations publiées.`);
    return;
  }
  if (found > 0) {
    log(`La base contient ${found} délibérations (${expected} attendues à l'échelle ${SEARCH_BENCH_SCALE}) : effacement.`);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query("TRUNCATE municipality RESTART IDENTITY CASCADE").finally(() => client.end());
  }
  log(`Génération de l'archive synthétique à l'échelle ${SEARCH_BENCH_SCALE} (${expected.toLocaleString("fr-FR")} délibérations)…`);
  const report = await generateSyntheticArchive({ connectionString: databaseUrl, scale: SEARCH_BENCH_SCALE, log });
  log(formatArchiveReport(report));
}

async function timeHttp(url: string): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { redirect: "manual" });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
}

/** The pid of the process listening on a local TCP port, from /proc (Linux), or null. */
function listeningPid(port: number): number | null {
  try {
    const inodes = new Set<string>();
    for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
      let table = "";
      try {
        table = readFileSync(file, "utf8");
      } catch {
        continue;
      }
      for (const line of table.split("\n").slice(1)) {
        const columns = line.trim().split(/\s+/);
        const local = columns[1];
        if (!local || columns[3] !== "0A") continue;
        if (Number.parseInt(local.split(":")[1] ?? "", 16) === port) inodes.add(columns[9]!);
      }
    }
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let fds: string[];
      try {
        fds = readdirSync(`/proc/${entry}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        try {
          const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
          const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
          if (inode && inodes.has(inode)) return Number(entry);
        } catch {
          // The descriptor closed meanwhile.
        }
      }
    }
  } catch {
    return null;
  }
  return null;
}

function residentMemory(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function measureExport(url: string, pid: number | null) {
  const before = pid ? residentMemory(pid) : null;
  let peak = before ?? 0;
  const sampler = pid
    ? setInterval(() => {
        peak = Math.max(peak, residentMemory(pid) ?? 0);
      }, 20)
    : null;
  const started = performance.now();
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url} : HTTP ${response.status}`);
  let bytes = 0;
  let lines = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  if (sampler) clearInterval(sampler);
  return { seconds, bytes, rows: lines - 1, rssBefore: before, rssPeak: pid ? peak : null };
}

const mib = (bytes: number | null) => (bytes === null ? "n/d" : `${(bytes / 1024 / 1024).toFixed(0)} Mio`);

export async function runSearchBench(options: { databaseUrl: string; baseUrl: string; log: (line: string) => void }): Promise<void> {
  const { databaseUrl, log } = options;
  const baseUrl = options.baseUrl.replace(/\/$/, "");
  await prepareArchive(databaseUrl, log);

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
      const sql: number[] = [];
      let hits = 0;
      // One warm-up pass each way, not counted.
      for (const query of queries) {
        const params = parseSearchParams(query);
        await timeHttp(`${baseUrl}/recherche?${searchQueryString(params)}`);
        const statement = buildSearchSql({ municipalityId, params });
        await client.query(statement.text, statement.values);
      }
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const query of queries) {
          const params = parseSearchParams(query);
          const statement = buildSearchSql({ municipalityId, params });
          const sqlStarted = performance.now();
          const result = await client.query<{ total: string }>(statement.text, statement.values);
          sql.push(performance.now() - sqlStarted);
          if (round === 0) hits += Number(result.rows[0]?.total ?? 0);
          const response = await timeHttp(`${baseUrl}/recherche?${searchQueryString(params)}`);
          if (response.status !== 200) throw new Error(`/recherche?${searchQueryString(params)} : HTTP ${response.status}`);
          http.push(response.ms);
        }
      }
      const httpStats = statsOf(http);
      const sqlStats = statsOf(sql);
      log(`Recherche ${label} (${queries.length} requêtes × ${ROUNDS}, ${hits.toLocaleString("fr-FR")} résultats au total) :`);
      log(`  HTTP /recherche  p50 ${ms(httpStats.p50)}  p95 ${ms(httpStats.p95)}  p99 ${ms(httpStats.p99)}`);
      log(`  SQL direct (pg)  p50 ${ms(sqlStats.p50)}  p95 ${ms(sqlStats.p95)}  p99 ${ms(sqlStats.p99)}`);
      log(`  surcoût du portail : ×${(httpStats.p50 / sqlStats.p50).toFixed(2)} (p50), ×${(httpStats.p95 / sqlStats.p95).toFixed(2)} (p95) ; objectifs p95 HTTP < 50 ms ${httpStats.p95 < 50 ? "atteint" : "NON atteint"}, surcoût < 2× ${httpStats.p95 / sqlStats.p95 < 2 ? "atteint" : "NON atteint"}`);
    }

    const pid = listeningPid(Number(new URL(baseUrl).port || 80));
    log(pid ? `Export CSV : mémoire résidente du serveur (pid ${pid}) échantillonnée toutes les 20 ms.` : "Export CSV : processus du serveur introuvable dans /proc, mémoire non mesurée.");
    const years = await client.query<{ year: number }>(
      `SELECT DISTINCT year FROM deliberation WHERE municipality_id = $1 AND status = 'PUBLISHED' ORDER BY year`, [municipalityId],
    );
    const first = years.rows[0]?.year;
    const exports: [string, string][] = first
      ? [
          [`une année (${first})`, `${baseUrl}/donnees/scdl/deliberations-${first}.csv`],
          ["toute l'archive", `${baseUrl}/donnees/scdl/deliberations.csv`],
          [`une année (${first}), de nouveau`, `${baseUrl}/donnees/scdl/deliberations-${first}.csv`],
        ]
      : [];
    const peaks: number[] = [];
    for (const [label, url] of exports) {
      const result = await measureExport(url, pid);
      if (result.rssPeak !== null && result.rssBefore !== null) peaks.push(result.rssPeak - result.rssBefore);
      log(
        `  ${label} : ${result.rows.toLocaleString("fr-FR")} lignes, ${(result.bytes / 1024 / 1024).toFixed(1)} Mio en ${result.seconds.toFixed(2)} s ; mémoire du serveur ${mib(result.rssBefore)} avant, pic ${mib(result.rssPeak)}`,
      );
    }
    if (peaks.length === exports.length && peaks.length > 1) {
      log(`  hausse de mémoire : une année +${mib(peaks[0]!)}, toute l'archive +${mib(peaks[1]!)} (l'export en flux doit rester plat)`);
    }
  } finally {
    await client.end();
  }
}
