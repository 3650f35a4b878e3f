import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { forgetPageEntry, notePageEntry, pageEntryOf, pathnameOfStorageKey } from "@/lib/cache/page-entries.mjs";
import { parseTrustedProxies } from "@/lib/http/client-address";
import { createFront } from "@/lib/http/front";
import { COPY_TAGS_HEADER, copyUntilRevalidated, createPageCopies, sharedMaxAge, type PageEntry } from "@/lib/http/page-copies";

// The front's copies of cached pages, over real HTTP: a stand-in for Next
// answers as Next does for a page of its cache (x-nextjs-cache, s-maxage,
// ETag), and counts the requests that reach it.

const KEY_PREFIX = `/_next-route-cache/app-page/${"a".repeat(64)}/$`;

type Setup = { origin: string; served: () => number; entries: Map<string, PageEntry>; invalidated: Set<string>; clock: { now: number } };

let server: Server | undefined;
async function stop() {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
}
afterEach(stop);

async function start(options: { maxBytes?: number; answer?: (req: IncomingMessage, res: ServerResponse) => void } = {}): Promise<Setup> {
  const entries = new Map<string, PageEntry>();
  const invalidated = new Set<string>();
  const clock = { now: 1_000_000 };
  let served = 0;
  const next = (req: IncomingMessage, res: ServerResponse) => {
    served += 1;
    const pathname = decodeURIComponent(req.url!.split("?")[0]!);
    const known = entries.has(pathname);
    if (!known) entries.set(pathname, { tags: [`_N_T_${pathname}`, "_N_T_/layout"], lastModified: clock.now });
    if (options.answer) return options.answer(req, res);
    const html = `<!doctype html><p>${pathname} n° ${served}</p>`;
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("x-nextjs-cache", known ? "HIT" : "MISS");
    res.setHeader("Cache-Control", "s-maxage=300, stale-while-revalidate=31535700");
    res.setHeader("ETag", `"etag-${served}"`);
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      const body = gzipSync(html);
      res.setHeader("Content-Encoding", "gzip");
      res.write(body.subarray(0, 10));
      res.end(body.subarray(10));
      return;
    }
    res.setHeader("Content-Length", Buffer.byteLength(html));
    res.end(html);
  };
  const copies = createPageCopies({
    maxBytes: options.maxBytes ?? 1024 * 1024,
    entryOf: (pathname) => entries.get(pathname),
    invalidatedSince: (tags, since) => tags.some((tag) => invalidated.has(tag)) && since < clock.now,
    now: () => clock.now,
  });
  server = createServer(createFront({ handle: next, trusted: parseTrustedProxies(undefined), duringOutage: async () => false, copies }));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, served: () => served, entries, invalidated, clock };
}

/** fetch asks for gzip unless told otherwise: identity, so that lengths are the text's. */
const get = (setup: Setup, path: string, headers: Record<string, string> = {}, method = "GET") =>
  fetch(`${setup.origin}${path}`, { headers: { "accept-encoding": "identity", ...headers }, method });

describe("copies of cached pages (lib/http/page-copies.ts)", () => {
  it("[copies]: a page Next served from its cache is served again by the front, with the same bytes and headers", async () => {
    const setup = await start();
    await get(setup, "/deliberations/DL.2022-91"); // MISS: rendered, not copied
    const hit = await get(setup, "/deliberations/DL.2022-91"); // HIT: copied
    const hitBody = await hit.text();
    expect(setup.served()).toBe(2);
    const copy = await get(setup, "/deliberations/DL.2022-91");
    expect(setup.served()).toBe(2);
    expect(await copy.text()).toBe(hitBody);
    expect(hitBody).toContain("n° 2");
    for (const name of ["x-content-type-options", "cache-control", "etag", "content-type", "x-nextjs-cache"]) expect(copy.headers.get(name)).toBe(hit.headers.get(name));
    expect(copy.headers.get("content-length")).toBe(String(Buffer.byteLength(hitBody)));
    // A copy says its age, as a shared cache does; Next's answer did not.
    expect(hit.headers.get("age")).toBeNull();
    expect(copy.headers.get("age")).toBe("0");
    const head = await get(setup, "/deliberations/DL.2022-91", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const unchanged = await get(setup, "/deliberations/DL.2022-91", { "if-none-match": '"etag-2"' });
    expect(unchanged.status).toBe(304);
    expect(setup.served()).toBe(2);
  });

  it("[copies]: an invalidated tag, an entry written again or a passed revalidation time sends the request to Next again", async () => {
    const setup = await start();
    const path = "/seances/2022-04-07";
    await get(setup, path);
    await get(setup, path);
    await get(setup, path);
    expect(setup.served()).toBe(2);

    // A rectification: the page's path tag is invalidated after the entry was made.
    setup.clock.now += 1_000;
    setup.invalidated.add(`_N_T_${path}`);
    expect(await (await get(setup, path)).text()).toContain("n° 3");
    setup.invalidated.clear();
    setup.entries.set(path, { tags: [`_N_T_${path}`], lastModified: setup.clock.now });
    await get(setup, path); // copied with the new entry
    await get(setup, path);
    expect(setup.served()).toBe(4);

    // Next wrote the entry again (another object noted).
    setup.entries.set(path, { tags: [`_N_T_${path}`], lastModified: setup.clock.now });
    await get(setup, path);
    expect(setup.served()).toBe(5);
    await get(setup, path);
    expect(setup.served()).toBe(5);

    // s-maxage=300 passed since the entry was made.
    setup.clock.now += 301_000;
    await get(setup, path);
    expect(setup.served()).toBe(6);
  });

  it("[copies]: what is not a plain document request is never copied nor served from a copy", async () => {
    const setup = await start();
    for (const [path, headers] of [
      ["/deliberations/DL.2022-91?x=1", {}],
      ["/deliberations/DL.2022-91", { rsc: "1" }],
      ["/deliberations/DL.2022-91", { "next-router-prefetch": "1" }],
      ["/deliberations/DL.2022-91", { range: "bytes=0-10" }],
    ] as const) {
      const before = setup.served();
      await get(setup, path, headers);
      await get(setup, path, headers);
      await get(setup, path, headers);
      expect(setup.served() - before, `${path} ${JSON.stringify(headers)}`).toBe(3);
    }
  });

  it("[copies]: a miss, an error, a Set-Cookie or an answer without s-maxage is not copied", async () => {
    for (const answer of [
      (_req: IncomingMessage, res: ServerResponse) => res.writeHead(200, { "x-nextjs-cache": "MISS", "cache-control": "s-maxage=300" }).end("x"),
      (_req: IncomingMessage, res: ServerResponse) => res.writeHead(404, { "x-nextjs-cache": "HIT", "cache-control": "s-maxage=300" }).end("x"),
      (_req: IncomingMessage, res: ServerResponse) => res.writeHead(200, { "x-nextjs-cache": "HIT", "cache-control": "s-maxage=300", "set-cookie": "a=b" }).end("x"),
      (_req: IncomingMessage, res: ServerResponse) => res.writeHead(200, { "x-nextjs-cache": "HIT", "cache-control": "private, no-store" }).end("x"),
    ]) {
      await stop();
      const setup = await start({ answer });
      for (let i = 0; i < 3; i += 1) await get(setup, "/deliberations/DL.2022-91");
      expect(setup.served()).toBe(3);
    }
  });

  it("[copies]: a route's answer that asks for a copy is copied until one of its paths is revalidated or its max-age passes, and the request never reaches the client", async () => {
    const pdf = Buffer.from("%PDF-1.7 stored bytes");
    const answer = (req: IncomingMessage, res: ServerResponse) => {
      const headers = { "Content-Type": "application/pdf", ETag: '"sha"', "Cache-Control": "public, max-age=3600, must-revalidate", ...copyUntilRevalidated(["/deliberations/DL.2022-91"]) };
      // One way with setHeader, the other with writeHead's object: both are taken off.
      if (req.url!.endsWith("a.pdf")) {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        res.end(pdf);
      } else {
        res.writeHead(200, headers).end(pdf);
      }
    };
    const setup = await start({ answer });
    expect(copyUntilRevalidated(["/deliberations/DL.2022-91"])).toEqual({ [COPY_TAGS_HEADER]: "_N_T_/deliberations/DL.2022-91,_N_T_/layout" });
    for (const path of ["/deliberations/DL.2022-91/a.pdf", "/deliberations/DL.2022-91/b.pdf"]) {
      const before = setup.served();
      const first = await get(setup, path);
      expect(first.headers.get(COPY_TAGS_HEADER)).toBeNull();
      expect(Buffer.from(await first.arrayBuffer())).toEqual(pdf);
      const copy = await get(setup, path);
      expect(setup.served() - before).toBe(1);
      expect(copy.headers.get(COPY_TAGS_HEADER)).toBeNull();
      expect(copy.headers.get("age")).toBe("0");
      expect(Buffer.from(await copy.arrayBuffer())).toEqual(pdf);
      // Not copied, the header is still taken off.
      expect((await get(setup, `${path}?x=1`)).headers.get(COPY_TAGS_HEADER)).toBeNull();
    }
    setup.clock.now += 1_000;
    setup.invalidated.add("_N_T_/deliberations/DL.2022-91");
    const before = setup.served();
    await get(setup, "/deliberations/DL.2022-91/a.pdf");
    expect(setup.served()).toBe(before + 1);
    setup.invalidated.clear();
    await get(setup, "/deliberations/DL.2022-91/a.pdf");
    expect(setup.served()).toBe(before + 1);
    setup.clock.now += 3_601_000;
    await get(setup, "/deliberations/DL.2022-91/a.pdf");
    expect(setup.served()).toBe(before + 2);
  });

  it("[copies]: with no memory for copies, nothing is copied and a route's request for one is still taken off", async () => {
    const setup = await start({
      maxBytes: 0,
      answer: (_req, res) => res.writeHead(200, { "x-nextjs-cache": "HIT", "cache-control": "public, max-age=60, s-maxage=60", ...copyUntilRevalidated(["/x"]) }).end("x"),
    });
    for (let i = 0; i < 3; i += 1) expect((await get(setup, "/x")).headers.get(COPY_TAGS_HEADER)).toBeNull();
    expect(setup.served()).toBe(3);
  });

  it("[copies]: each Accept-Encoding has its own copy, compressed bytes included", async () => {
    const setup = await start();
    const path = "/deliberations/DL.2022-91";
    for (let i = 0; i < 2; i += 1) {
      await get(setup, path, { "accept-encoding": "gzip, deflate" });
      await get(setup, path, { "accept-encoding": "identity" });
    }
    const served = setup.served();
    const gzip = await get(setup, path, { "accept-encoding": "gzip, deflate" });
    const plain = await get(setup, path, { "accept-encoding": "identity" });
    expect(setup.served()).toBe(served);
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(await gzip.text()).toMatch(/^<!doctype html><p>\/deliberations\/DL\.2022-91 n° \d<\/p>$/);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toMatch(/n° \d/);
  });

  it("[copies]: the memory budget keeps the pages served last", async () => {
    const setup = await start({ maxBytes: 120 });
    const pages = ["/deliberations/A", "/deliberations/B", "/deliberations/C"];
    for (const page of pages) {
      await get(setup, page);
      await get(setup, page);
    }
    const served = setup.served();
    // Each copy is about 45 bytes: the first one is gone, the two last are kept.
    await get(setup, pages[2]!);
    await get(setup, pages[1]!);
    expect(setup.served()).toBe(served);
    await get(setup, pages[0]!);
    expect(setup.served()).toBe(served + 1);
  });

  it("[copies]: the cache handler's notes read a page's pathname, tags and date from Next's storage key", () => {
    expect(pathnameOfStorageKey(`${KEY_PREFIX}/deliberations/AP D 19-1`)).toBe("/deliberations/AP D 19-1");
    expect(pathnameOfStorageKey(`${KEY_PREFIX}/index`)).toBe("/");
    expect(pathnameOfStorageKey("/deliberations/DL.2022-91")).toBeNull();
    notePageEntry(`${KEY_PREFIX}/seances/2099-01-01`, { kind: "APP_PAGE", headers: { "x-next-cache-tags": "_N_T_/layout,_N_T_/seances/2099-01-01" } }, 42);
    const noted = pageEntryOf("/seances/2099-01-01");
    expect(noted).toEqual({ tags: ["_N_T_/layout", "_N_T_/seances/2099-01-01"], lastModified: 42 });
    notePageEntry(`${KEY_PREFIX}/seances/2099-01-01`, { kind: "APP_PAGE", headers: {} }, 42);
    expect(pageEntryOf("/seances/2099-01-01")).toBe(noted);
    notePageEntry(`${KEY_PREFIX}/seances/2099-01-01`, { kind: "APP_PAGE", headers: {} }, 43);
    expect(pageEntryOf("/seances/2099-01-01")).not.toBe(noted);
    notePageEntry(`${KEY_PREFIX}/api/x`, { kind: "APP_ROUTE", headers: {} }, 43);
    expect(pageEntryOf("/api/x")).toBeUndefined();
    forgetPageEntry(`${KEY_PREFIX}/seances/2099-01-01`);
    expect(pageEntryOf("/seances/2099-01-01")).toBeUndefined();
    expect(sharedMaxAge("s-maxage=300, stale-while-revalidate=31535700")).toBe(300);
    expect(sharedMaxAge("public, max-age=60")).toBeNull();
  });
});
