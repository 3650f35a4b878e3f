// What Next's cache last read or wrote for each page it keeps (ISR): the
// entry's tags and date, by pathname. The cache handler (tag-cache-handler.mjs)
// notes them; the front's copies of rendered pages (lib/http/page-copies.ts)
// read them, to know when a copy stops being what Next would serve.
//
// One registry per process, on globalThis: Next's bundler may compile the
// handler into the server while Node's loader loads it for the front.
//
// Plain JavaScript, like the handler that imports it.

const REGISTRY = Symbol.for("registre.page-entries");
/** Pathnames remembered at most (the oldest noted is forgotten first): a crawler's walk stays bounded. */
export const MAX_PAGE_ENTRIES = 200_000;

/**
 * @typedef {{ tags: string[]; lastModified: number }} PageEntry
 * @typedef {{ entries: Map<string, PageEntry> }} Registry
 */

/** @returns {Registry} */
function registry() {
  const holder = /** @type {Record<symbol, Registry | undefined>} */ (/** @type {unknown} */ (globalThis));
  holder[REGISTRY] ??= { entries: new Map() };
  return holder[REGISTRY];
}

/**
 * The pathname of a page's storage key: Next keys an app page as
 * `/<directory>/<kind>/<sha-256 of the route>/$<pathname>` ("/" as "/index").
 * @param {string} key
 */
export function pathnameOfStorageKey(key) {
  const match = /^\/[^/]+\/[^/]+\/[0-9a-f]{64}\/\$(\/.*)$/.exec(key);
  if (!match) return null;
  return match[1] === "/index" ? "/" : match[1];
}

/**
 * Notes the entry Next read under a storage key. One read with another date
 * replaces the noted object: a response copied while its entry changed is
 * recognised (lib/http/page-copies.ts compares the objects) and not kept.
 * @param {string} key @param {unknown} value Next's cached value @param {number | undefined} lastModified
 */
export function notePageEntry(key, value, lastModified) {
  const page = /** @type {{ kind?: string; headers?: Record<string, unknown>; status?: number } | null | undefined} */ (value);
  if (page?.kind !== "APP_PAGE" || typeof lastModified !== "number") return;
  const pathname = pathnameOfStorageKey(key);
  if (!pathname) return;
  const state = registry();
  const known = state.entries.get(pathname);
  if (known && known.lastModified === lastModified) return;
  const header = page.headers?.["x-next-cache-tags"];
  const tags = typeof header === "string" && header ? header.split(",") : [];
  state.entries.delete(pathname);
  state.entries.set(pathname, { tags, lastModified });
  if (state.entries.size > MAX_PAGE_ENTRIES) {
    const oldest = state.entries.keys().next().value;
    if (oldest !== undefined) state.entries.delete(oldest);
  }
}

/** Forgets what was noted under a storage key (its entry is being written again). @param {string} key */
export function forgetPageEntry(key) {
  const pathname = pathnameOfStorageKey(key);
  if (!pathname) return;
  registry().entries.delete(pathname);
}

/** @param {string} pathname @returns {PageEntry | undefined} */
export function pageEntryOf(pathname) {
  return registry().entries.get(pathname);
}
