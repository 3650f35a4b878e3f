import { createServer, get as httpGet, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseTrustedProxies } from "@/lib/http/client-address";
import { createFront } from "@/lib/http/front";
import { createPageCopies, type PageCopies, type PageEntry } from "@/lib/http/page-copies";
import { RENDER_AHEAD_HEADER, startRenderAhead, type RenderAheadPass } from "@/lib/http/render-ahead";
import { createStoredPages, type StoredPages } from "@/lib/http/stored-pages";
import { STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";
import { connect, createDatabase } from "./support/database";

// The pages stored in PostgreSQL for every web instance (lib/http/stored-pages.ts),
// over real HTTP through the real front and its copies, on a real database: a
// stand-in for Next answers as Next does for a page of its cache (x-nextjs-cache,
// s-maxage, ETag, gzip) and counts the requests that reach it. Each "instance"
// is a front of its own (its own memory) on the same database.

const SCOPE = "ville-test";
const ACT = "/deliberations/DL.2022-91";

type Instance = { origin: string; served: () => number; copies: PageCopies; stored: StoredPages; server: Server };

let url: string;
let owner: pg.Client;
let pool: pg.Pool;
const servers: Server[] = [];

beforeAll(async () => {
  url = await createDatabase("registre_stored_pages");
  owner = await connect(url);
  pool = new pg.Pool({ connectionString: url, max: 4 });
});

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await owner.query(`DELETE FROM rendered_page; DELETE FROM cache_tag_invalidation`);
});

afterAll(async () => {
  await pool?.end();
  await owner?.end();
});

/** The HTML the stand-in renders for a path, the same on every instance (as Next's cache is per build). */
const htmlOf = (pathname: string) => `<!doctype html><html lang="fr"><body><main><h1>${pathname}</h1><p>${"Considérant que ".repeat(200)}</p></main></body></html>`;

async function instance(options: { buildId?: string; pool?: pg.Pool; token?: string; sitemap?: string[] } = {}): Promise<Instance> {
  const entries = new Map<string, PageEntry>();
  let served = 0;
  const next = (req: IncomingMessage, res: ServerResponse) => {
    served += 1;
    const pathname = req.url!;
    if (pathname === "/sitemap.xml") {
      const urls = (options.sitemap ?? []).map((path) => `<url><loc>http://portail.example${path.replace(/&/g, "&amp;")}</loc></url>`).join("");
      res.writeHead(200, { "Content-Type": "application/xml; charset=utf-8" });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
      return;
    }
    if (pathname.includes("introuvable")) {
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
      res.end("<p>Introuvable</p>");
      return;
    }
    const known = entries.has(pathname);
    if (!known) entries.set(pathname, { tags: [`_N_T_${pathname}`, "_N_T_/layout"], lastModified: Date.now() });
    const html = htmlOf(pathname);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("x-nextjs-cache", known ? "HIT" : "MISS");
    res.setHeader("Cache-Control", "s-maxage=300, stale-while-revalidate=31535700");
    res.setHeader("ETag", `"etag-${pathname.length}"`);
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Vary", "Accept-Encoding");
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      res.setHeader("Content-Encoding", "gzip");
      res.end(gzipSync(html));
      return;
    }
    res.end(html);
  };
  const stored = createStoredPages({ pool: options.pool ?? pool, scope: SCOPE, buildId: options.buildId ?? "build-1" });
  const isRenderAhead = (req: IncomingMessage) => options.token !== undefined && req.headers[RENDER_AHEAD_HEADER] === options.token;
  const copies = createPageCopies({
    maxBytes: 1024 * 1024,
    entryOf: (pathname) => entries.get(pathname),
    invalidatedSince: () => false,
    onPageCopy: (page) => stored.put(page),
    isRenderAhead,
  });
  const server = createServer(createFront({ handle: next, trusted: parseTrustedProxies(undefined), duringOutage: async () => false, copies, stored, isRenderAhead }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, served: () => served, copies, stored, server };
}

/** A raw GET: Node's http, so that the compressed bytes arrive as sent. */
function get(origin: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(new URL(path, origin), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

/** Makes instance `a` copy (and so store) a page: the first request renders it, the second is a hit the front copies. */
async function renderOn(a: Instance, path: string, encoding = "gzip"): Promise<void> {
  await get(a.origin, path, { "accept-encoding": encoding });
  await get(a.origin, path, { "accept-encoding": encoding });
  await a.stored.settled();
}

const storedRows = async () =>
  (await owner.query<{ path: string; build_id: string; tags: string[] }>(`SELECT path, build_id, tags FROM rendered_page WHERE scope = $1 ORDER BY path`, [SCOPE])).rows;

describe("stored pages (lib/http/stored-pages.ts)", () => {
  it("[stored]: a page one instance copied from Next's cache is served by another before its Next is asked, with the same bytes", async () => {
    const a = await instance();
    await renderOn(a, ACT);
    expect(await storedRows()).toEqual([{ path: ACT, build_id: "build-1", tags: [`_N_T_${ACT}`, "_N_T_/layout"] }]);

    const b = await instance();
    const compressed = await get(b.origin, ACT, { "accept-encoding": "gzip, deflate, br" });
    expect(b.served()).toBe(0);
    expect(compressed.status).toBe(200);
    expect(compressed.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(compressed.body).toString("utf8")).toBe(htmlOf(ACT));
    expect(compressed.headers["content-length"]).toBe(String(compressed.body.length));
    expect(compressed.headers.age).toMatch(/^\d+$/);
    for (const [name, value] of Object.entries({ "x-content-type-options": "nosniff", "cache-control": "s-maxage=300, stale-while-revalidate=31535700", etag: `"etag-${ACT.length}"` })) {
      expect(compressed.headers[name]).toBe(value);
    }
    expect(compressed.headers["strict-transport-security"]).toBeUndefined();

    // A client that does not take gzip gets the page decompressed; one behind a TLS proxy the header next.config.ts adds.
    const plain = await get(b.origin, ACT, { "accept-encoding": "identity", "x-forwarded-proto": "https" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(htmlOf(ACT));
    expect(plain.headers["strict-transport-security"]).toBe(STRICT_TRANSPORT_SECURITY);
    const unchanged = await get(b.origin, ACT, { "accept-encoding": "br", "if-none-match": `"etag-${ACT.length}"` });
    expect(unchanged.status).toBe(304);
    expect(b.served()).toBe(0);

    // Each answer from the store is kept in the instance's memory, as a copy of its own.
    expect(b.copies.stats().copies).toBe(3);
  });

  it("[stored]: an invalidation of one of its tags after it was rendered, or another build, sends the request to Next", async () => {
    const a = await instance();
    await renderOn(a, ACT);
    await renderOn(a, "/seances/2022-04-07");
    // An invalidation older than the render (an earlier rectification) changes nothing.
    await owner.query(`INSERT INTO cache_tag_invalidation (scope, tag, invalidated_at) VALUES ($1, '_N_T_/seances/2022-04-07', now() - interval '1 hour')`, [SCOPE]);
    // A rectification of the act, after its page was rendered: revalidatePath writes its path's tag (lib/cache/tag-cache-handler.mjs).
    await owner.query(`INSERT INTO cache_tag_invalidation (scope, tag) VALUES ($1, $2)`, [SCOPE, `_N_T_${ACT}`]);
    // Another portal's invalidation of the same path is not this one's.
    await owner.query(`INSERT INTO cache_tag_invalidation (scope, tag) VALUES ('autre-ville', '_N_T_/seances/2022-04-07')`);

    const b = await instance();
    expect(await b.stored.missing([ACT, "/seances/2022-04-07", "/deliberations/DL.2022-92"])).toEqual([ACT, "/deliberations/DL.2022-92"]);
    const act = await get(b.origin, ACT, { "accept-encoding": "gzip" });
    expect(act.headers["x-nextjs-cache"]).toBe("MISS");
    expect(act.headers.age).toBeUndefined();
    expect(b.served()).toBe(1);
    expect((await get(b.origin, "/seances/2022-04-07", { "accept-encoding": "gzip" })).headers.age).toBeDefined();
    expect(b.served()).toBe(1);

    // Once Next serves the act again from its cache, the new copy is stored, rendered after the invalidation.
    await renderOn(b, ACT);
    expect(await b.stored.missing([ACT])).toEqual([]);

    // A new build: its scripts are not the ones the stored bytes name.
    const rebuilt = await instance({ buildId: "build-2" });
    expect((await get(rebuilt.origin, "/seances/2022-04-07", { "accept-encoding": "gzip" })).headers["x-nextjs-cache"]).toBe("MISS");
    expect(await rebuilt.stored.removeOtherBuilds()).toBe(2);
    expect(await storedRows()).toEqual([]);
  });

  it("[stored]: only a compressed page of an act or a sitting is stored, and an older render never replaces a newer one", async () => {
    const a = await instance();
    await renderOn(a, ACT, "identity");
    await renderOn(a, "/deliberations/DL.2022-91/extrait.pdf");
    await renderOn(a, "/recherche");
    expect(await storedRows()).toEqual([]);

    await renderOn(a, ACT);
    const [first] = (await owner.query<{ rendered_at: Date }>(`SELECT rendered_at FROM rendered_page`)).rows;
    a.stored.put({ pathname: ACT, tags: ["_N_T_/layout"], lastModified: first!.rendered_at.getTime() - 60_000, headers: { "Content-Encoding": "gzip" }, body: gzipSync("plus ancienne") });
    await a.stored.settled();
    expect((await storedRows())[0]!.tags).toEqual([`_N_T_${ACT}`, "_N_T_/layout"]);
    // The database refuses what is no page: a path with a query.
    await expect(owner.query(`INSERT INTO rendered_page VALUES ($1, '/deliberations/x?y=1', 'b', '{t}', '{}', '\\x00', now())`, [SCOPE])).rejects.toThrow(/rendered_page_path_shape/);
  });

  it("[stored]: while the database cannot be read, the front sends the request to Next", async () => {
    const closed = new pg.Pool({ connectionString: url.replace(/:(\d+)\//, ":1/"), connectionTimeoutMillis: 500 });
    try {
      const b = await instance({ pool: closed });
      const answer = await get(b.origin, ACT, { "accept-encoding": "gzip" });
      expect(answer.status).toBe(200);
      expect(answer.headers["x-nextjs-cache"]).toBe("MISS");
      expect(b.served()).toBe(1);
    } finally {
      await closed.end();
    }
  });

  it("[stored]: the renderer stores every act and sitting of the sitemap, through the front, and keeps none in memory", async () => {
    const token = "jeton-du-processus";
    const pages = [ACT, "/deliberations/AP%20D%2021-07-1", "/seances/2022-04-07", "/deliberations/DL.2022-introuvable"];
    const a = await instance({ token, sitemap: ["/", "/recherche", ...pages] });
    const passes: RenderAheadPass[] = [];
    const renderer = startRenderAhead({ origin: a.origin, token, stored: a.stored, intervalMs: 50, firstPassAfterMs: 0, log: () => {}, onPass: (pass) => passes.push(pass) });
    try {
      await expect.poll(() => passes.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    } finally {
      renderer.stop();
    }
    expect(passes[0]).toMatchObject({ rendered: 3, alreadyStored: 0, failed: 1 });
    expect(passes[1]).toMatchObject({ rendered: 0, alreadyStored: 3, failed: 1 });
    expect((await storedRows()).map((row) => row.path)).toEqual(["/deliberations/AP%20D%2021-07-1", ACT, "/seances/2022-04-07"]);
    // Its requests filled no memory a citizen's copies use.
    expect(a.copies.stats().copies).toBe(0);
    // A request with another token is anyone's: served from the store, not sent to Next.
    const before = a.served();
    expect((await get(a.origin, ACT, { "accept-encoding": "gzip", [RENDER_AHEAD_HEADER]: "deviné" })).headers.age).toBeDefined();
    expect(a.served()).toBe(before);
  });
});
