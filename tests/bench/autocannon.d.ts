// autocannon 9 ships no types: the part of its API the bench uses.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  namespace autocannon {
    type Request = { method?: string; path: string; headers?: Record<string, string> };
    type Options = {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      pipelining?: number;
      /** Seconds before a request counts as a timeout. */
      timeout?: number;
      /** Each connection loops over these in turn. */
      requests?: Request[];
      warmup?: { connections?: number; duration?: number };
    };
    type Histogram = {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p90: number;
      p99: number;
    };
    type Result = {
      /** Seconds. */
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      "2xx": number;
      /** Milliseconds. */
      latency: Histogram;
      /** Per-second samples; `total` completed, `sent` sent. */
      requests: Histogram & { sent: number };
      /** Bytes per second samples. */
      throughput: Histogram;
      /** The warm-up's own result, when one was asked for. */
      warmup?: Result;
    };
    type Instance = EventEmitter & PromiseLike<Result> & { stop: () => void };
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
