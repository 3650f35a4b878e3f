import { spawn } from "node:child_process";
import { createReadStream, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { SCDL_COLUMNS } from "@/lib/opendata/scdl-columns";
import { writeScdlBenchFile } from "./scdl-file";
import { withClient } from "./database-client";

// The SCDL import bench, run by `npm run bench` (BENCH_ONLY=import for it
// alone). Its own PostgreSQL (.data/bench-import-postgres, port
// BENCH_IMPORT_PG_PORT, 54342) and files (.data/bench-import/): SCDL files of
// 20,000 and 100,000 rows (scdl-file.ts), each imported by the real command
// (`npm run import -- <file> --create-municipality --json`, in a process of
// its own, as the runtime role) into a fresh copy of a migrated database;
// then, in the same run, the same file COPY'd into a bare table of 17 text
// columns (pg-copy-streams): the ceiling of getting rows into PostgreSQL.
// Printed: rows per second of both and their ratio (target ≥ 0.2), the import
// process's peak resident memory (VmHWM, which it reports itself) for both
// sizes: flat in the file's size if the larger file's peak is no more than a
// fifth above the smaller's.

const projectRoot = path.resolve(import.meta.dirname, "../..");
const TEMPLATE = "registre_bench_import_template";
const SIZES = (process.env.BENCH_IMPORT_ROWS ?? "20000,100000").split(",").map(Number);
const TARGET_RATIO = 0.2;
const FLAT_MARGIN = 0.2;

type ImportRun = { rows: number; bytes: number; seconds: number; wallSeconds: number; peakRssMiB: number; created: number; copySeconds: number };

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}


async function freshDatabase(ownerUrl: string, name: string): Promise<void> {
  await withClient(databaseUrl(ownerUrl, "postgres"), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(TEMPLATE)}`);
  });
}

/** The real command, in a process of its own; its JSON report, and its peak memory as /proc saw it too. */
type Register = (name: string, stop: () => Promise<void>) => void;

async function runImport(file: string, runtimeUrl: string, register: Register): Promise<{ report: Record<string, unknown>; wallSeconds: number; vmHwmMiB: number | null }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(projectRoot, "lib/import/cli/import.ts"), file, "--create-municipality", "--json"],
    { cwd: projectRoot, env: { ...process.env, DATABASE_URL: runtimeUrl, DATABASE_OWNER_URL: "" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  register("import (commande)", async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  let vmHwm: number | null = null;
  const sample = setInterval(() => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (match) vmHwm = Math.max(vmHwm ?? 0, Number(match[1]));
    } catch {
      // Exited between two samples.
    }
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearInterval(sample);
  const wallSeconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`L'import a échoué (code ${code}) :\n${stderr.slice(-2000)}\n${stdout.slice(-2000)}`);
  return { report: JSON.parse(stdout) as Record<string, unknown>, wallSeconds, vmHwmMiB: vmHwm === null ? null : vmHwm / 1024 };
}

/** COPY of the same file into a bare table: seconds. */
async function copyCeiling(ownerUrl: string, file: string): Promise<number> {
  return withClient(ownerUrl, async (client) => {
    await client.query(`DROP TABLE IF EXISTS bench_scdl_copy`);
    await client.query(`CREATE TABLE bench_scdl_copy (${SCDL_COLUMNS.map((column) => `"${column.toLowerCase()}" text`).join(", ")})`);
    const started = performance.now();
    await pipeline(createReadStream(file), client.query(copyFrom(`COPY bench_scdl_copy FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    const seconds = (performance.now() - started) / 1000;
    await client.query(`DROP TABLE bench_scdl_copy`);
    return seconds;
  });
}

const fr = (value: number, digits = 0) => value.toLocaleString("fr-FR", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** `register`: what run.ts stops on Ctrl-C or a timeout (the database, the import under way). */
export async function runImportBench({ log, register = () => {} }: { log: (line: string) => void; register?: Register }): Promise<void> {
  const dataDir = path.join(projectRoot, ".data/bench-import-postgres");
  const filesDir = path.join(projectRoot, ".data/bench-import");
  const port = Number(process.env.BENCH_IMPORT_PG_PORT ?? 54342);
  await mkdir(filesDir, { recursive: true });
  log(`Import SCDL : PostgreSQL ${path.relative(projectRoot, dataDir)} (port ${port})`);
  const database = await startEmbeddedPostgres({ dataDir, port, database: TEMPLATE, log });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await database.stop();
  };
  register("PostgreSQL (import)", stop);
  try {
    await migrate({ connectionString: database.url, runtimeRole: database.runtimeRole, log: () => {} });
    const runs: ImportRun[] = [];
    for (const rows of SIZES) {
      const file = path.join(filesDir, `scdl-${rows}.csv`);
      const written = await writeScdlBenchFile(file, rows);
      log(`Fichier ${path.relative(projectRoot, file)} : ${fr(written.rows)} lignes, ${fr(written.bytes / 1024 / 1024, 1)} Mio, écrit en ${fr(written.seconds, 1)} s.`);
      const name = `registre_bench_import_${rows}`;
      await freshDatabase(database.url, name);
      const copySeconds = await copyCeiling(databaseUrl(database.url, name), file);
      log(`  COPY dans une table nue : ${fr(copySeconds, 2)} s.`);
      await freshDatabase(database.url, name);
      const [load] = os.loadavg();
      log(`  Import par la commande (charge de la machine ${fr(load ?? 0, 2)})…`);
      const { report, wallSeconds, vmHwmMiB } = await runImport(file, databaseUrl(database.runtimeUrl, name), register);
      const usage = report.process as { seconds: number; peakRssMiB: number };
      const totals = report.totals as { created: number; rowsRead: number };
      if (totals.created !== rows) throw new Error(`L'import a créé ${totals.created} actes sur ${rows} lignes : ${JSON.stringify(report.invalid).slice(0, 1000)}`);
      const peak = Math.max(usage.peakRssMiB, vmHwmMiB ?? 0);
      log(`  ${fr(totals.created)} actes créés en ${fr(usage.seconds, 1)} s (processus : ${fr(wallSeconds, 1)} s avec son démarrage), mémoire maximale ${fr(peak, 1)} Mio.`);
      runs.push({ rows, bytes: written.bytes, seconds: usage.seconds, wallSeconds, peakRssMiB: peak, created: totals.created, copySeconds });
      await withClient(databaseUrl(database.url, "postgres"), (client) => client.query(`DROP DATABASE ${client.escapeIdentifier(name)} WITH (FORCE)`));
    }
    printImportTable(runs);
    const largest = runs.at(-1)!;
    const smallest = runs[0]!;
    const ratio = largest.rows / largest.seconds / (largest.rows / largest.copySeconds);
    log(`Objectif (import ≥ ${TARGET_RATIO} × COPY, ${fr(largest.rows)} lignes) : ${ratio >= TARGET_RATIO ? "ATTEINT" : "NON ATTEINT"} (ratio ${fr(ratio, 3)}).`);
    if (runs.length > 1) {
      const growth = largest.peakRssMiB / smallest.peakRssMiB - 1;
      log(
        `Mémoire (pic de ${fr(smallest.rows)} à ${fr(largest.rows)} lignes : ${fr(smallest.peakRssMiB, 1)} → ${fr(largest.peakRssMiB, 1)} Mio, ${growth >= 0 ? "+" : ""}${fr(growth * 100, 1)} %) : ${growth <= FLAT_MARGIN ? "PLATE" : "CROÎT AVEC LE FICHIER"}.`,
      );
    }
  } finally {
    await stop();
  }
}

function printImportTable(runs: ImportRun[]) {
  const header = ["lignes", "Mio", "import s", "import lignes/s", "COPY s", "COPY lignes/s", "ratio", "mémoire max Mio"];
  const lines = runs.map((run) => [
    fr(run.rows),
    fr(run.bytes / 1024 / 1024, 1),
    fr(run.seconds, 1),
    fr(run.rows / run.seconds),
    fr(run.copySeconds, 2),
    fr(run.rows / run.copySeconds),
    fr(run.rows / run.seconds / (run.rows / run.copySeconds), 3),
    fr(run.peakRssMiB, 1),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column]!)).join("  ");
  console.log("");
  console.log(format(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const line of lines) console.log(format(line));
  console.log("");
}

async function main() {
  await runImportBench({ log: (line) => console.log(`[bench] ${line}`) });
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
