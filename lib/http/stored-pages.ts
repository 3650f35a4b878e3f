import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import type pg from "pg";
import { headerOf, PER_RESPONSE_HEADERS, ROUTER_HEADERS, type CopiedPage } from "./page-copies";
import { STRICT_TRANSPORT_SECURITY } from "./security-headers";

// The rendered bytes of public pages, stored in PostgreSQL (table
// rendered_page) for every web instance of the database, and served by the
// front (front.ts) without Next when no copy in memory has them: the first
// request of an act on a freshly started instance, and the long tail a crawler
// walks, cost one indexed read instead of a render by React.
//
// A stored page is what Next served from its cache (ISR) for an act's or a
// sitting's page, taken by the front's copies (page-copies.ts) when it made
// one. It is served only while it is still what Next would serve:
// - the same build (the bytes name the build's scripts, with their integrity
//   hashes);
// - none of its tags invalidated since Next rendered it: a rectification
//   revalidates the act's and the sitting's paths, a change of the site's
//   settings the layout of every page, and each invalidation is a row of
//   cache_tag_invalidation (lib/cache/tag-cache-handler.mjs), which the read
//   itself consults. Unlike a copy in memory, no instance can miss one.
// Next's own `revalidate` (300 s) bounds what an instance might miss of the
// notices; read from the table, the invalidations need no such bound, and a
// published act's page does not otherwise change: stored pages do not age.
//
// Bodies are kept compressed (gzip, as Next sends them); a client that does
// not accept gzip gets them decompressed. Requests behind a TLS proxy get the
// Strict-Transport-Security header next.config.ts would have added.

export type StoredPages = {
  /**
   * Answers from a valid stored page and gives the page as served (the front keeps it in memory);
   * otherwise writes nothing and gives null. Never throws.
   */
  serve(req: IncomingMessage, res: ServerResponse): Promise<CopiedPage | null>;
  /**
   * Stores a page the front copied from Next's cache if its body is gzip-compressed (Content-Encoding),
   * under the time Next rendered it (lastModified); a later write of the same page wins only if it was
   * rendered later.
   */
  put(page: CopiedPage): void;
  /** Of these paths, those without a valid stored page. */
  missing(paths: readonly string[]): Promise<string[]>;
  /** Removes the pages other builds stored; how many. */
  removeOtherBuilds(limit?: number): Promise<number>;
  /** Resolves when every write asked so far is done. */
  settled(): Promise<void>;
};

/** The pages stored: an act's (/deliberations/<number>) and a sitting's (/seances/<date>), the ISR pages of the portal. */
export function isStorablePath(pathname: string): boolean {
  return /^\/(?:deliberations|seances)\/[^/?#]+$/.test(pathname);
}

/** Headers not stored: set per response, or per request's forwarding. */
const NOT_STORED = new Set([...PER_RESPONSE_HEADERS, "age", "strict-transport-security"]);

/** Whether an Accept-Encoding value accepts gzip (RFC 9110: a coding listed, or "*", with a non-zero weight). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of value.split(",")) {
    const [coding = "", ...parameters] = part.trim().toLowerCase().split(";");
    const weightParameter = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith("q="));
    const weight = weightParameter === undefined ? 1 : Number(weightParameter.slice(2));
    const q = Number.isFinite(weight) ? weight : 0;
    if (coding.trim() === "gzip" || coding.trim() === "x-gzip") gzip = q;
    else if (coding.trim() === "*") any = q;
  }
  return (gzip ?? any ?? 0) > 0;
}

/** The pathname a plain document request asks for, if a stored page could answer it. */
export function storedPathOf(req: IncomingMessage): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "";
  if (!isStorablePath(url)) return null;
  if (ROUTER_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
  return url;
}

/** The headers of a stored page as they are kept: Next's, less those set per response. */
export function storableHeaders(headers: OutgoingHttpHeaders): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_STORED.has(name.toLowerCase())) continue;
    kept[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return kept;
}

const VALID = `NOT EXISTS (
    SELECT 1 FROM "cache_tag_invalidation" i
    WHERE i."scope" = p."scope" AND i."tag" = ANY (p."tags") AND i."invalidated_at" >= p."rendered_at"
  )`;

export function createStoredPages(options: { pool: pg.Pool; scope: string; buildId: string; now?: () => number; log?: (line: string) => void }): StoredPages {
  const { pool, scope, buildId } = options;
  const now = options.now ?? Date.now;
  const pending = new Set<Promise<void>>();
  let failures = 0;
  const report = (what: string, error: unknown) => {
    // One line per burst, not per request, while the database is away.
    if (failures++ % 100 === 0) options.log?.(`pages enregistrées : ${what} impossible (${(error as Error).message}).`);
  };

  return {
    async serve(req, res) {
      const pathname = storedPathOf(req);
      if (!pathname) return null;
      let row: { tags: string[]; headers: Record<string, string | string[]>; body: Buffer; rendered_at: number } | undefined;
      try {
        // Prepared once per connection (a name): the read is planned once, not on every request.
        const result = await pool.query<{ tags: string[]; headers: Record<string, string | string[]>; body: Buffer; rendered_at: number }>({
          name: "registre-stored-page",
          text: `SELECT p."tags", p."headers", p."body", (extract(epoch FROM p."rendered_at") * 1000)::float8 AS "rendered_at"
             FROM "rendered_page" p WHERE p."scope" = $1 AND p."path" = $2 AND p."build_id" = $3 AND ${VALID}`,
          values: [scope, pathname, buildId],
        });
        row = result.rows[0];
      } catch (error) {
        report("lecture", error);
        return null;
      }
      if (!row || res.headersSent || res.destroyed) return null;
      const headers: OutgoingHttpHeaders = { ...row.headers };
      if (req.headers["x-forwarded-proto"] === "https") headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY;
      let body = row.body;
      if (!acceptsGzip(req.headers["accept-encoding"])) {
        for (const name of Object.keys(headers)) if (name.toLowerCase() === "content-encoding") delete headers[name];
        body = gunzipSync(body);
      }
      const served: CopiedPage = { pathname, tags: row.tags, lastModified: row.rendered_at, headers, body };
      const age = String(Math.max(0, Math.floor((now() - row.rendered_at) / 1000)));
      const etag = headerOf(row.headers, "etag");
      if (typeof etag === "string" && req.headers["if-none-match"] === etag) {
        res.writeHead(304, { ...Object.fromEntries(Object.entries(headers).filter(([name]) => !/^content-(type|encoding)$/i.test(name))), Age: age });
        res.end();
        return served;
      }
      res.writeHead(200, { ...headers, Age: age, "Content-Length": String(body.length) });
      res.end(req.method === "HEAD" ? undefined : body);
      return served;
    },

    put(page) {
      if (!isStorablePath(page.pathname) || page.tags.length === 0 || headerOf(page.headers, "content-encoding") !== "gzip") return;
      const write = pool
        .query(
          `INSERT INTO "rendered_page" ("scope", "path", "build_id", "tags", "headers", "body", "rendered_at")
           VALUES ($1, $2, $3, $4::text[], $5::jsonb, $6, to_timestamp($7 / 1000.0))
           ON CONFLICT ("scope", "path", "build_id") DO UPDATE
             SET "tags" = EXCLUDED."tags", "headers" = EXCLUDED."headers", "body" = EXCLUDED."body", "rendered_at" = EXCLUDED."rendered_at"
             WHERE "rendered_page"."rendered_at" < EXCLUDED."rendered_at"`,
          [scope, page.pathname, buildId, page.tags, JSON.stringify(storableHeaders(page.headers)), page.body, page.lastModified],
        )
        .then(
          () => undefined,
          (error: unknown) => report("écriture", error),
        );
      pending.add(write);
      void write.finally(() => pending.delete(write));
    },

    async missing(paths) {
      if (paths.length === 0) return [];
      const { rows } = await pool.query<{ path: string }>(
        `SELECT wanted."path" FROM unnest($3::text[]) AS wanted("path")
          WHERE NOT EXISTS (SELECT 1 FROM "rendered_page" p WHERE p."scope" = $1 AND p."path" = wanted."path" AND p."build_id" = $2 AND ${VALID})`,
        [scope, buildId, [...paths]],
      );
      return rows.map((row) => row.path);
    },

    async removeOtherBuilds(limit = 1_000) {
      const { rowCount } = await pool.query(
        `DELETE FROM "rendered_page" WHERE ctid = ANY (ARRAY(
           SELECT ctid FROM "rendered_page" WHERE "scope" = $1 AND "build_id" <> $2 LIMIT $3))`,
        [scope, buildId, limit],
      );
      return rowCount ?? 0;
    },

    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
