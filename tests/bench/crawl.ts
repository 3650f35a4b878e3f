import { readFileSync } from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { runAsBenchChild } from "./bench-child";

// The long tail (issue 14): a crawler walking distinct pages once each, as a
// search engine walks an archive, in its own process. Reads one job from the
// JSON file argv[2] names (ten thousand paths do not fit a command line),
// prints one result as JSON on stdout.
//
//   node --import tsx tests/bench/crawl.ts job.json   # {"origin":"http://127.0.0.1:3300","paths":["/…"],"connections":20,"acceptEncoding":"gzip"}

export type CrawlJob = {
  origin: string;
  paths: string[];
  connections: number;
  /** Sent as Accept-Encoding (search engines' crawlers send "gzip, deflate, br"); none: identity. */
  acceptEncoding?: string;
};

export type CrawlResult = {
  pages: number;
  pagesPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  /** Answers other than 200, and requests that failed. */
  failures: number;
  /** How many answers said they came from Next's cache or the front's copy (should be none). */
  cached: number;
};

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

async function main() {
  const job = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as CrawlJob;
  if (!job.origin.startsWith("http://127.0.0.1:")) throw new Error(`Loopback only: ${job.origin}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const latencies: number[] = [];
  let failures = 0;
  let cached = 0;
  let next = 0;
  const fetchOnce = (path: string) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const headers = job.acceptEncoding ? { "accept-encoding": job.acceptEncoding } : {};
      const request = http.get(`${job.origin}${path}`, { agent, timeout: 60_000, headers }, (response) => {
        response.resume();
        response.on("end", () => {
          latencies.push(performance.now() - started);
          if (response.statusCode !== 200) failures += 1;
          if (response.headers["x-nextjs-cache"] === "HIT" || response.headers.age !== undefined) cached += 1;
          resolve();
        });
      });
      request.on("error", () => {
        failures += 1;
        resolve();
      });
    });
  const walker = async () => {
    while (next < job.paths.length) {
      const path = job.paths[next++]!;
      await fetchOnce(path);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: job.connections }, walker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = [...latencies].sort((a, b) => a - b);
  const result: CrawlResult = {
    pages: job.paths.length,
    pagesPerSecond: job.paths.length / seconds,
    latencyP50: percentile(sorted, 0.5),
    latencyP99: percentile(sorted, 0.99),
    failures,
    cached,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

runAsBenchChild(main);
