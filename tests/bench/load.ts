import autocannon from "autocannon";
import { runAsBenchChild } from "./bench-child";

// The load generator, run in its own process so that it does not share an
// event loop with the bench or the servers it measures. Reads one job as JSON
// (argv[2]), prints one result as JSON on stdout.
//
//   node --import tsx tests/bench/load.ts '{"origin":"http://127.0.0.1:3300","paths":["/…"],"duration":10,"warmup":2,"connections":20}'

export type LoadJob = {
  origin: string;
  /** Each connection requests these in turn, so that no single page is measured. */
  paths: string[];
  /** Seconds. */
  duration: number;
  /** Seconds, not counted. */
  warmup: number;
  connections: number;
};

export type LoadResult = {
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  completed: number;
  /** Completed during the warm-up, not measured. */
  warmupCompleted: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerSecond: number;
};

async function main() {
  const job = JSON.parse(process.argv[2] ?? "") as LoadJob;
  if (!job.origin.startsWith("http://127.0.0.1:")) throw new Error(`Loopback only: ${job.origin}`);
  const result = await autocannon({
    url: job.origin,
    connections: job.connections,
    duration: job.duration,
    timeout: 30,
    requests: job.paths.map((path) => ({ method: "GET", path })),
    ...(job.warmup > 0 ? { warmup: { connections: job.connections, duration: job.warmup } } : {}),
  });
  const output: LoadResult = {
    requestsPerSecond: result.requests.average,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    completed: result.requests.total,
    warmupCompleted: result.warmup?.requests.total ?? 0,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerSecond: result.throughput.average,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

runAsBenchChild(main);
