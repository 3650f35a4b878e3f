import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { LoadJob, LoadResult } from "./load";
import type { WorkerResult } from "./extract-bench-worker";

// The certified extract's bench:
// 1. building the reference extract (DL.2022-91) unsigned and signed, in a
//    process of its own (extract-bench-worker.ts): extracts/s, p50, p99, and
//    the signature's cost (target: < 30 % over the unsigned build);
// 2. serving a stored extract from the portal at `baseUrl`, against the same
//    bytes served from memory by a minimal node:http server (static-server.ts),
//    with autocannon in a process of its own (load.ts).
//
// `npm run bench` calls runExtractBench once its portal is up. Alone:
//   npx tsx tests/bench/extract-bench.ts
// starts its own embedded PostgreSQL (.data/bench-extract, port 54384, or
// BENCH_EXTRACT_PG_PORT), migrates and seeds it, and serves the portal built in
// REGISTRE_NEXT_DIST_DIR (default .next; built first if missing) on port 3104
// (BENCH_EXTRACT_PORT).

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function runNode(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${args.join(" ")} : code ${code}\n${stderr.slice(-2000)}`))));
  });
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, timeout: 120_000 }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), headers: response.headers }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

async function load(origin: string, paths: string[]): Promise<LoadResult> {
  const job: LoadJob = {
    origin,
    paths,
    duration: Number(process.env.BENCH_DURATION ?? 10),
    warmup: Number(process.env.BENCH_WARMUP ?? 2),
    connections: Number(process.env.BENCH_CONNECTIONS ?? 20),
  };
  const output = await runNode(["--import", "tsx", path.join(projectRoot, "tests/bench/load.ts"), JSON.stringify(job)]);
  return JSON.parse(output.trim().split("\n").at(-1) ?? "") as LoadResult;
}

async function startStaticServer(directory: string): Promise<{ origin: string; stop: () => void }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "tests/bench/static-server.ts"), directory], {
    cwd: projectRoot,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /LISTENING (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`serveur statique arrêté (${code})`)));
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

/** A published deliberation of the municipality the portal at `baseUrl` serves, with its stored extract issued. */
async function servedExtractPath(databaseUrl: string, baseUrl: string): Promise<{ path: string; bytes: Buffer }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ number: string }>(
      `SELECT DISTINCT ON (municipality_id) number FROM deliberation WHERE status = 'PUBLISHED' ORDER BY municipality_id, published_at DESC`,
    );
    for (const { number } of rows) {
      const candidate = `/deliberations/${encodeURIComponent(number)}/extrait.pdf`;
      const response = await get(`${baseUrl}${candidate}`);
      if (response.status === 200) return { path: candidate, bytes: response.body };
    }
  } finally {
    await client.end();
  }
  throw new Error(`Aucune délibération publiée dont ${baseUrl} serve l'extrait.`);
}

const format = (value: number) => value.toFixed(1).padStart(8);

export async function runExtractBench(options: { databaseUrl: string; baseUrl: string; log: (line: string) => void }): Promise<void> {
  const { log } = options;
  const iterations = Number(process.env.BENCH_EXTRACT_ITERATIONS ?? 40);
  log(`Extraits certifiés : construction de DL.2022-91 (${iterations} fois, non signé puis signé, en alternance)…`);
  const output = await runNode([
    "--conditions=react-server",
    "--import",
    "tsx",
    path.join(projectRoot, "tests/bench/extract-bench-worker.ts"),
    JSON.stringify({ databaseUrl: options.databaseUrl, iterations }),
  ]);
  const built = JSON.parse(output.trim().split("\n").at(-1) ?? "") as WorkerResult;
  const mean = (values: number[]) => values.reduce((total, value) => total + value, 0) / values.length;
  const unsignedMean = mean(built.unsigned);
  const signedMean = mean(built.signed);
  log("  mesure                      extraits/s   p50 ms   p99 ms     octets");
  log(`  construction non signée     ${format(1000 / unsignedMean)}  ${format(percentile(built.unsigned, 0.5))} ${format(percentile(built.unsigned, 0.99))} ${String(built.unsignedBytes).padStart(10)}`);
  log(`  construction signée         ${format(1000 / signedMean)}  ${format(percentile(built.signed, 0.5))} ${format(percentile(built.signed, 0.99))} ${String(built.signedBytes).padStart(10)}`);
  const overhead = (percentile(built.signed, 0.5) / percentile(built.unsigned, 0.5) - 1) * 100;
  log(`  coût de la signature (p50) : ${overhead.toFixed(1)} % (objectif < 30 %) : ${overhead < 30 ? "atteint" : "NON atteint"}`);

  const served = await servedExtractPath(options.databaseUrl, options.baseUrl.replace("localhost", "127.0.0.1"));
  const directory = mkdtempSync(path.join(tmpdir(), "registre-extract-static-"));
  writeFileSync(path.join(directory, "extrait.pdf"), served.bytes);
  const staticServer = await startStaticServer(directory);
  try {
    const portal = await load(new URL(options.baseUrl.replace("localhost", "127.0.0.1")).origin, [served.path]);
    const yardstick = await load(staticServer.origin, ["/extrait.pdf"]);
    log(`  service de l'extrait stocké (${served.path}, ${served.bytes.length} octets) :`);
    log("  cible                       req/s        p50 ms   p99 ms   erreurs");
    for (const [name, result] of [
      ["portail (octets stockés)", portal],
      ["fichier statique", yardstick],
    ] as const) {
      log(`  ${name.padEnd(26)}  ${format(result.requestsPerSecond)}  ${format(result.latencyP50)} ${format(result.latencyP99)}   ${result.non2xx + result.errors + result.timeouts}`);
    }
    const ratio = portal.requestsPerSecond / yardstick.requestsPerSecond;
    // Issue 14: the stored extract at 0.8 × the static file at least (the front's copy serves it: lib/http/page-copies.ts).
    log(`  ratio portail / statique : ${(ratio * 100).toFixed(0)} % (objectif ≥ 80 %) : ${ratio >= 0.8 ? "atteint" : "non atteint"}`);
  } finally {
    staticServer.stop();
  }
}

// Alone: its own database and portal.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { startEmbeddedPostgres } = await import("@/lib/db/embedded");
  const { migrate } = await import("@/lib/db/migrate");
  const pgPort = Number(process.env.BENCH_EXTRACT_PG_PORT ?? 54384);
  const webPort = Number(process.env.BENCH_EXTRACT_PORT ?? 3104);
  const dataDir = path.join(projectRoot, ".data", "bench-extract");
  const database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: pgPort, database: "registre", log: (line: string) => console.log(line) });
  const databaseUrl = database.url;
  await migrate({ connectionString: databaseUrl, runtimeRole: database.runtimeRole });
  const { createPrismaClient } = await import("@/lib/db/prisma");
  const { seedDatabase } = await import("@/prisma/seed/seed");
  const db = createPrismaClient(databaseUrl);
  await seedDatabase(db, { demo: false });
  await db.$disconnect();
  const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
  const distDir = process.env.REGISTRE_NEXT_DIST_DIR ?? ".next";
  const { existsSync } = await import("node:fs");
  if (!existsSync(path.join(projectRoot, distDir, "BUILD_ID"))) await runNode([nextBin, "build"]);
  const web = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(webPort)], {
    cwd: projectRoot,
    stdio: ["ignore", "ignore", "ignore"],
    env: { ...process.env, DATABASE_URL: database.runtimeUrl, REGISTRE_DATA_DIR: dataDir, REGISTRE_PG_PORT: String(pgPort), REGISTRE_DEVELOPMENT_SIGNING: "1", PUBLIC_BASE_URL: `http://127.0.0.1:${webPort}`, NEXTAUTH_SECRET: randomBytes(32).toString("base64url") },
  });
  try {
    for (let attempt = 0; ; attempt += 1) {
      const status = await get(`http://127.0.0.1:${webPort}/verifier`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) break;
      if (attempt > 120) throw new Error(`le portail ne répond pas (statut ${status})`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await runExtractBench({ databaseUrl, baseUrl: `http://127.0.0.1:${webPort}`, log: (line) => console.log(line) });
  } finally {
    web.kill("SIGTERM");
    await database.stop();
  }
}
