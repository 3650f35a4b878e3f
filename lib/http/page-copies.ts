import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

// Copies of the bytes Next served for a page it keeps in its own cache (ISR:
// a deliberation, a sitting), served again by the front (lib/http/front.ts)
// before Next, for as long as Next would serve the same bytes. A published act
// is immutable, so its page is too, until a rectification or a change of the
// site's layout: both reach Next's cache as tag invalidations, and a copy is
// valid only while Next's entry is:
// - its entry is still the one Next read when the copy was made (the cache
//   handler notes each read and forgets an entry it writes again:
//   lib/cache/page-entries.mjs);
// - none of the entry's tags was invalidated since the entry was made (the
//   same tags manifest Next reads, which every instance's invalidations reach);
// - its revalidation time (s-maxage) has not passed.
// A route handler whose answer is as fixed (a certified extract: stored bytes)
// may ask for a copy itself, with COPY_TAGS_HEADER: the tags whose
// invalidation ends the copy (copyUntilRevalidated), within its max-age. The
// front takes that header off; no client sees it.
// Only a plain document request is copied or served: GET or HEAD, no query,
// none of the headers Next's client router sends; each Accept-Encoding as it
// is sent, and the HTTPS forwarding, get their own copy.

export type PageEntry = { tags: string[]; lastModified: number };

export type PageCopiesOptions = {
  /** Bytes of copies kept at most (the least recently served are dropped first). */
  maxBytes: number;
  /** What Next's cache last read for a pathname (lib/cache/page-entries.mjs). */
  entryOf: (pathname: string) => PageEntry | undefined;
  /** Whether one of these tags was invalidated after this time (Next's tags manifest). */
  invalidatedSince: (tags: string[], since: number) => boolean;
  /** Given each page copied from Next's cache (stored-pages.ts keeps the compressed ones for every instance). */
  onPageCopy?: (page: CopiedPage) => void;
  /** A request of the renderer (render-ahead.ts): its copy is given to onPageCopy but not kept in memory, nor served from it. */
  isRenderAhead?: (req: IncomingMessage) => boolean;
  now?: () => number;
};

/** A page copied from Next's cache, as onPageCopy receives it. */
export type CopiedPage = { pathname: string; tags: string[]; lastModified: number; headers: OutgoingHttpHeaders; body: Buffer };

/** Set by a route handler whose answer may be copied: the tags that end the copy, comma-separated. Never sent. */
export const COPY_TAGS_HEADER = "x-registre-copy-tags";
/** Next's prefix of a path's own tag, which revalidatePath invalidates ("_N_T_/deliberations/DL.2022-91"). */
const PATH_TAG_PREFIX = "_N_T_";

/**
 * The header asking the front to copy a route's answer until one of these
 * public paths is revalidated (lib/cache/public-pages.ts), or the layout of
 * every page (the municipality's settings).
 */
export function copyUntilRevalidated(paths: string[]): Record<string, string> {
  return { [COPY_TAGS_HEADER]: [...paths.map((path) => `${PATH_TAG_PREFIX}${path}`), `${PATH_TAG_PREFIX}/layout`].join(",") };
}

/** Seconds of `max-age` in a Cache-Control value, or null. */
function maxAgeOf(cacheControl: unknown): number | null {
  const match = typeof cacheControl === "string" ? /(?:^|,)\s*max-age=(\d+)/.exec(cacheControl) : null;
  return match ? Number(match[1]) : null;
}

/** A single page larger than this is not copied. */
const MAX_PAGE_BYTES = 4 * 1024 * 1024;
/** The headers of Next's client router and server actions: their answers are not the document. */
export const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "range"];
/** Set per response by Node, or computed again when the copy is served. */
export const PER_RESPONSE_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

type Copy = {
  entry: PageEntry;
  /** The entry is the one Next's cache handler noted (a page), and must still be; a route's copy has only its tags. */
  noted: boolean;
  pathname: string;
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  etag: string | undefined;
  freshUntil: number;
};

export type PageCopies = {
  /** Answers from a valid copy, and says so; otherwise nothing is written. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  /** Watches the response Next is about to write, and copies it if it is a fresh hit of its cache. */
  watch(req: IncomingMessage, res: ServerResponse): void;
  /**
   * Keeps a page served from elsewhere than Next (a stored page, stored-pages.ts), as it was served for this
   * request, until one of its tags is invalidated or its s-maxage has passed from now.
   */
  adopt(req: IncomingMessage, page: CopiedPage): void;
  stats(): { copies: number; bytes: number };
};

function copyKeyOf(req: IncomingMessage): { key: string; pathname: string } | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "";
  if (!url.startsWith("/") || url.includes("?") || url.includes("#")) return null;
  if (ROUTER_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
  const encoding = (req.headers["accept-encoding"] ?? "").toLowerCase().replace(/\s+/g, "");
  const https = req.headers["x-forwarded-proto"] === "https" ? "https" : "";
  return { key: `${url}\n${encoding}\n${https}`, pathname: url };
}

/** Next keys a page by its decoded pathname; an address may arrive encoded. */
function entryOfAddress(entryOf: PageCopiesOptions["entryOf"], pathname: string): PageEntry | undefined {
  const found = entryOf(pathname);
  if (found) return found;
  try {
    const decoded = decodeURIComponent(pathname);
    return decoded === pathname ? undefined : entryOf(decoded);
  } catch {
    return undefined;
  }
}

/** A header's value whatever the case of its name (copies keep the names as Next wrote them). */
export function headerOf(headers: OutgoingHttpHeaders, name: string): OutgoingHttpHeaders[string] {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

/** Seconds of `s-maxage` in a Cache-Control value, or null. */
export function sharedMaxAge(cacheControl: unknown): number | null {
  const match = typeof cacheControl === "string" ? /(?:^|,)\s*s-maxage=(\d+)/.exec(cacheControl) : null;
  return match ? Number(match[1]) : null;
}

function chunkBuffer(chunk: unknown, encoding: unknown): Buffer | null {
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return null;
}

/**
 * Takes a route's request for a copy off the response, whatever becomes of it,
 * and moves the headers given to writeHead to setHeader, where the copy reads
 * them. Every way out of the headers passes through writeHead (write and end
 * call it when Next did not). Headers given as a raw array are left alone: the
 * response is then not copied (`opaque`).
 */
function interceptHeaders(res: ServerResponse, found: { tags: (tags: string) => void; opaque: () => void }) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const index = args.findIndex((arg) => typeof arg === "object" && arg !== null);
    const given = index === -1 ? undefined : args[index];
    if (Array.isArray(given)) found.opaque();
    else if (given) {
      for (const [name, value] of Object.entries(given as Record<string, unknown>)) {
        if (value !== undefined) res.setHeader(name, value as string | number | readonly string[]);
      }
      args.splice(index, 1);
    }
    const set = res.getHeader(COPY_TAGS_HEADER);
    if (set !== undefined) {
      found.tags(String(set));
      res.removeHeader(COPY_TAGS_HEADER);
    }
    return writeHead(...args);
  }) as typeof res.writeHead;
}

export function createPageCopies(options: PageCopiesOptions): PageCopies {
  const now = options.now ?? Date.now;
  const copies = new Map<string, Copy>();
  let bytes = 0;

  const drop = (key: string) => {
    const copy = copies.get(key);
    if (!copy) return;
    copies.delete(key);
    bytes -= copy.body.length;
  };

  const keep = (key: string, copy: Copy) => {
    if (copy.body.length > options.maxBytes) return;
    drop(key);
    copies.set(key, copy);
    bytes += copy.body.length;
    for (const oldest of copies.keys()) {
      if (bytes <= options.maxBytes) break;
      drop(oldest);
    }
  };

  const isValid = (copy: Copy) =>
    now() < copy.freshUntil &&
    (!copy.noted || entryOfAddress(options.entryOf, copy.pathname) === copy.entry) &&
    !options.invalidatedSince(copy.entry.tags, copy.entry.lastModified);

  return {
    serve(req, res) {
      if (options.maxBytes <= 0 || options.isRenderAhead?.(req)) return false;
      const address = copyKeyOf(req);
      const copy = address && copies.get(address.key);
      if (!address || !copy) return false;
      if (!isValid(copy)) {
        drop(address.key);
        return false;
      }
      // Served last: kept longest.
      copies.delete(address.key);
      copies.set(address.key, copy);
      // Age (RFC 9111): how old the bytes are, as a shared cache says; Next's own answers carry none.
      const age = String(Math.max(0, Math.floor((now() - copy.entry.lastModified) / 1000)));
      if (copy.etag && req.headers["if-none-match"] === copy.etag) {
        const headers = Object.fromEntries(Object.entries(copy.headers).filter(([name]) => !/^content-(type|encoding)$/i.test(name)));
        res.writeHead(304, { ...headers, Age: age });
        res.end();
        return true;
      }
      res.writeHead(copy.status, { ...copy.headers, Age: age, "Content-Length": String(copy.body.length) });
      res.end(req.method === "HEAD" ? undefined : copy.body);
      return true;
    },

    watch(req, res) {
      let declaredTags: string | undefined;
      let opaque = false;
      interceptHeaders(res, { tags: (tags) => (declaredTags = tags), opaque: () => (opaque = true) });
      if ((options.maxBytes <= 0 && !options.onPageCopy) || req.method !== "GET") return;
      const address = copyKeyOf(req);
      if (!address) return;
      // The entry noted before Next reads it, if this process already read it once: it must be the same at the end.
      const before = entryOfAddress(options.entryOf, address.pathname);
      const startedAt = now();
      const chunks: Buffer[] = [];
      let size = 0;
      let copying = true;
      const collect = (chunk: unknown, encoding: unknown) => {
        if (!copying || chunk === undefined || chunk === null || typeof chunk === "function") return;
        const buffer = chunkBuffer(chunk, encoding);
        size += buffer?.length ?? 0;
        if (!buffer || size > MAX_PAGE_BYTES) {
          copying = false;
          chunks.length = 0;
          return;
        }
        chunks.push(Buffer.from(buffer));
      };
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      res.write = ((...args: unknown[]) => {
        collect(args[0], args[1]);
        return write(...args);
      }) as typeof res.write;
      res.end = ((...args: unknown[]) => {
        collect(args[0], args[1]);
        if (!res.headersSent) res.writeHead(res.statusCode);
        const headers = res.getHeaders();
        // Node's OutgoingMessage has it (since 15.13); @types/node declares it on ClientRequest only.
        const rawNames = (res as ServerResponse & { getRawHeaderNames(): string[] }).getRawHeaderNames();
        const result = end(...args);
        if (!copying || opaque || res.statusCode !== 200 || headers["set-cookie"] !== undefined) return result;
        let entry: PageEntry | undefined;
        let noted = false;
        let lifetime: number | null = null;
        if (declaredTags !== undefined) {
          // A route's answer: valid from the request's start, within its max-age.
          entry = { tags: declaredTags.split(",").filter(Boolean), lastModified: startedAt };
          lifetime = maxAgeOf(headers["cache-control"]);
        } else if (headers["x-nextjs-cache"] === "HIT" && before && entryOfAddress(options.entryOf, address.pathname) === before) {
          entry = before;
          noted = true;
          lifetime = sharedMaxAge(headers["cache-control"]);
        }
        if (!entry || lifetime === null) return result;
        // Under the names as Next wrote them (HTTP ignores their case; people reading them do not).
        const kept: OutgoingHttpHeaders = {};
        for (const name of rawNames) {
          const value = headers[name.toLowerCase()];
          if (!PER_RESPONSE_HEADERS.has(name.toLowerCase()) && value !== undefined) kept[name] = value;
        }
        const copy: Copy = {
          entry,
          noted,
          pathname: address.pathname,
          status: 200,
          headers: kept,
          body: Buffer.concat(chunks),
          etag: typeof headers.etag === "string" ? headers.etag : undefined,
          freshUntil: entry.lastModified + lifetime * 1000,
        };
        if (!isValid(copy)) return result;
        if (noted && options.onPageCopy) options.onPageCopy({ pathname: copy.pathname, tags: entry.tags, lastModified: entry.lastModified, headers: kept, body: copy.body });
        if (!options.isRenderAhead?.(req)) keep(address.key, copy);
        return result;
      }) as typeof res.end;
    },

    adopt(req, page) {
      const address = copyKeyOf(req);
      const lifetime = sharedMaxAge(headerOf(page.headers, "cache-control"));
      const etag = headerOf(page.headers, "etag");
      if (options.maxBytes <= 0 || req.method !== "GET" || !address || lifetime === null || options.isRenderAhead?.(req)) return;
      const copy: Copy = {
        entry: { tags: page.tags, lastModified: page.lastModified },
        noted: false,
        pathname: address.pathname,
        status: 200,
        headers: page.headers,
        body: page.body,
        etag: typeof etag === "string" ? etag : undefined,
        freshUntil: now() + lifetime * 1000,
      };
      if (isValid(copy)) keep(address.key, copy);
    },

    stats() {
      return { copies: copies.size, bytes };
    },
  };
}
