import { XMLParser } from "fast-xml-parser";
import { isStorablePath, type StoredPages } from "./stored-pages";

// The renderer of the web process (lib/db/cli/web.ts): in the background, it
// walks what the sitemap tells search engines to walk and asks the portal
// itself for every act's and sitting's page that has no valid stored copy
// (stored-pages.ts), so that a crawler, or the first citizen after a restart,
// reads stored bytes instead of waiting for React. One page at a time, on the
// loopback, through the front like any request: Next renders it into its
// cache, the front copies the hit and stores it. Its requests carry a token
// of this process, so that their copies fill no memory a citizen's would use.
//
// A pass starts soon after the process does, then every `intervalMs`: a new
// build (every page stored by the previous one is dropped), a rectification or
// a change of the site's settings (the invalidated pages no longer count as
// stored) are caught up by the next pass.

/** The header that marks the renderer's requests; its value is a token of the process. */
export const RENDER_AHEAD_HEADER = "x-registre-render-ahead";
/** Requests for one page at most: the first renders it, the next two are hits of Next's cache (the second one is copied). */
const ATTEMPTS = 4;
const BATCH = 500;

export type RenderAheadPass = { rendered: number; alreadyStored: number; failed: number; seconds: number };

type Locations = { kind: "index" | "urlset"; locations: string[] };

const parser = new XMLParser({ ignoreAttributes: true, isArray: (name) => name === "url" || name === "sitemap" });

/** The addresses of a sitemap file (sitemaps.org 0.9): the files of an index, or the pages of a urlset. */
export function sitemapLocations(xml: string): Locations {
  const document = parser.parse(xml) as { sitemapindex?: { sitemap?: { loc?: unknown }[] }; urlset?: { url?: { loc?: unknown }[] } };
  if (document.sitemapindex) return { kind: "index", locations: (document.sitemapindex.sitemap ?? []).map((entry) => String(entry.loc ?? "")).filter(Boolean) };
  return { kind: "urlset", locations: (document.urlset?.url ?? []).map((entry) => String(entry.loc ?? "")).filter(Boolean) };
}

export function startRenderAhead(options: {
  /** The portal on the loopback, "http://127.0.0.1:3000". */
  origin: string;
  token: string;
  stored: StoredPages;
  intervalMs: number;
  firstPassAfterMs?: number;
  log: (line: string) => void;
  onPass?: (pass: RenderAheadPass) => void;
}): { stop(): void } {
  let stopped = false;
  let passes = 0;
  let timer: NodeJS.Timeout | undefined;
  const headers = { "accept-encoding": "gzip", [RENDER_AHEAD_HEADER]: options.token };

  const get = async (pathname: string) => {
    const response = await fetch(new URL(pathname, options.origin), { headers, redirect: "manual" });
    await response.arrayBuffer();
    return response.status;
  };

  /** The paths of the sitemap's pages that can be stored, file by file (a year of acts at most at a time). */
  async function* storablePaths(): AsyncGenerator<string[]> {
    const read = async (pathname: string) => {
      const response = await fetch(new URL(pathname, options.origin));
      if (!response.ok) throw new Error(`${pathname} : HTTP ${response.status}`);
      return sitemapLocations(await response.text());
    };
    const pathOf = (location: string) => {
      const url = new URL(location);
      return url.search ? null : url.pathname;
    };
    const root = await read("/sitemap.xml");
    const files = root.kind === "index" ? root.locations : [];
    const first = root.kind === "urlset" ? root.locations : [];
    yield first.map(pathOf).filter((path): path is string => path !== null && isStorablePath(path));
    for (const file of files) {
      if (stopped) return;
      const path = pathOf(file);
      if (!path) continue;
      const { locations } = await read(path);
      yield locations.map(pathOf).filter((page): page is string => page !== null && isStorablePath(page));
    }
  }

  /** Asks for the page until its copy is stored; false if it cannot be (not found, an error). */
  async function render(pathname: string): Promise<boolean> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      if ((await get(pathname)) !== 200) return false;
      await options.stored.settled();
      if ((await options.stored.missing([pathname])).length === 0) return true;
    }
    return false;
  }

  async function pass(): Promise<RenderAheadPass> {
    const started = Date.now();
    const result = { rendered: 0, alreadyStored: 0, failed: 0, seconds: 0 };
    while (!stopped && (await options.stored.removeOtherBuilds()) > 0);
    for await (const paths of storablePaths()) {
      for (let start = 0; start < paths.length && !stopped; start += BATCH) {
        const batch = paths.slice(start, start + BATCH);
        const missing = await options.stored.missing(batch);
        result.alreadyStored += batch.length - missing.length;
        for (const pathname of missing) {
          if (stopped) break;
          if (await render(pathname)) result.rendered += 1;
          else result.failed += 1;
        }
      }
    }
    result.seconds = (Date.now() - started) / 1000;
    return result;
  }

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      void pass()
        .then(
          (result) => {
            // The first pass is always told (an operator, the bench, waits for it); then only one that did something.
            if (passes++ === 0 || result.rendered > 0 || result.failed > 0) {
              options.log(
                `pages enregistrées : ${result.rendered} rendues en ${result.seconds.toFixed(1)} s, ${result.alreadyStored} déjà enregistrées${result.failed ? `, ${result.failed} impossibles` : ""}.`,
              );
            }
            options.onPass?.(result);
          },
          (error: unknown) => options.log(`pages enregistrées : passage interrompu (${(error as Error).message}).`),
        )
        .finally(() => schedule(options.intervalMs));
    }, delay);
    timer.unref();
  };
  schedule(options.firstPassAfterMs ?? 5_000);

  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
