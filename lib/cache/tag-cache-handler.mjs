// Next's server cache (ISR pages, unstable_cache) shared by every web instance
// of one database: entries stay in each instance's own cache (memory and
// disk, Next's FileSystemCache), while the *invalidation times* of tags are
// shared through PostgreSQL. revalidateTag/revalidatePath here writes each tag
// to `cache_tag_invalidation`, whose trigger NOTIFYs every instance; each
// instance LISTENs and marks the tag expired in Next's local tag manifest, so
// a page is never read from the database to decide whether it is fresh. A
// process that starts, or gets its connection back, reads the table first.
//
// Plain JavaScript: next.config.ts names this file as `cacheHandler`, which
// Next may load with Node's own loader, outside the TypeScript build.

import { randomUUID } from "node:crypto";
import fileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { tagsManifest } from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
import pg from "pg";
import { forgetPageEntry, notePageEntry } from "./page-entries.mjs";

// Node's loader gives the CommonJS module's exports; Next's bundler, which
// compiles this file into the server, gives its default export itself.
const FileSystemCache = fileSystemCacheModule.default ?? fileSystemCacheModule;
/** Listener connections given up (an error and the end that follows must reconnect once). */
const closedClients = new WeakSet();

export const CHANNEL = "registre_cache_tags";
const INSTANCE = randomUUID();
const RECONNECT_MAX_MS = 30_000;
// The first requests after start wait this long at most for the table's tags.
const STARTUP_WAIT_MS = 2_000;

/** @typedef {{ expire?: number }} Durations */

/**
 * Marks tags expired in this process, as Next's FileSystemCache does: at once
 * without durations (the entry is not served again), stale now and expired
 * after `expire` seconds with them.
 * @param {string[]} tags @param {number | null | undefined} expireSeconds @param {number} at local time (ms)
 */
function markLocally(tags, expireSeconds, at) {
  for (const tag of tags) {
    const entry = tagsManifest.get(tag) ?? {};
    if (expireSeconds === null || expireSeconds === undefined) {
      if ((entry.expired ?? 0) < at) tagsManifest.set(tag, { ...entry, expired: at });
    } else if ((entry.stale ?? 0) < at) {
      tagsManifest.set(tag, { ...entry, stale: at, expired: at + expireSeconds * 1000 });
    }
  }
}

/** The tags of one portal: several municipalities' portals may share a server (and its stored pages, lib/http/stored-pages.ts). */
export function scopeOf() {
  return process.env.REGISTRE_MUNICIPALITY || "aix-en-provence";
}

function shouldShare() {
  return Boolean(process.env.DATABASE_URL) && process.env.NEXT_PHASE !== "phase-production-build";
}

/** One listener and one writer per process, whatever the number of handler instances Next makes. */
class TagChannel {
  /** @type {pg.Pool | null} */ writer = null;
  /** @type {pg.Client | null} */ listener = null;
  /** Database time (ms) of the newest invalidation applied, for catching up after a reconnection. */
  seenUntil = 0;
  reconnectDelay = 500;
  /** @type {Promise<void> | null} */ ready = null;
  readyDone = false;

  start() {
    if (this.ready) return this.ready;
    this.writer = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2, application_name: `registre-cache:${INSTANCE}` });
    this.writer.on("error", (error) => console.error(`[registre] cache : ${error.message}`));
    this.ready = this.connect().finally(() => {
      this.readyDone = true;
    });
    return this.ready;
  }

  async connect() {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: `registre-cache-listener:${INSTANCE}` });
    client.on("notification", (message) => this.receive(message.payload));
    client.on("error", () => this.reconnectLater(client));
    client.on("end", () => this.reconnectLater(client));
    try {
      await client.connect();
      // Listen first, then read the table: nothing falls between the two.
      await client.query(`LISTEN ${CHANNEL}`);
      await this.catchUp(client);
      this.listener = client;
      this.reconnectDelay = 500;
    } catch (error) {
      console.error(`[registre] cache : écoute des invalidations impossible (${/** @type {Error} */ (error).message}) ; nouvel essai.`);
      this.reconnectLater(client);
    }
  }

  /** @param {pg.Client} client */
  reconnectLater(client) {
    if (closedClients.has(client)) return;
    closedClients.add(client);
    if (this.listener === client) this.listener = null;
    client.end().catch(() => undefined);
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(delay * 2, RECONNECT_MAX_MS);
    setTimeout(() => void this.connect(), delay).unref();
  }

  /** Applies every invalidation newer than what was seen, in local time (the clocks may differ). */
  async catchUp(client) {
    const { rows } = await client.query(
      `SELECT tag, expire_seconds, (extract(epoch FROM invalidated_at) * 1000)::float8 AS at, (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now
         FROM cache_tag_invalidation WHERE scope = $1 AND invalidated_at > to_timestamp($2 / 1000.0)`,
      [scopeOf(), Math.max(0, this.seenUntil - 1000)],
    );
    const offset = Date.now() - (rows[0]?.now ?? Date.now());
    for (const row of rows) {
      markLocally([row.tag], row.expire_seconds, row.at + offset);
      this.seenUntil = Math.max(this.seenUntil, row.at);
    }
  }

  /** @param {string | undefined} payload */
  receive(payload) {
    if (!payload) return;
    try {
      const event = JSON.parse(payload);
      if (event.scope !== scopeOf()) return;
      this.seenUntil = Math.max(this.seenUntil, event.at);
      // This process marked its own tags when it wrote them.
      if (event.origin === `registre-cache:${INSTANCE}`) return;
      markLocally([event.tag], event.expireSeconds, Date.now());
    } catch (error) {
      console.error(`[registre] cache : notification illisible (${/** @type {Error} */ (error).message}).`);
    }
  }

  /** @param {string[]} tags @param {Durations | undefined} durations */
  async publish(tags, durations) {
    if (!this.writer) return;
    try {
      await this.writer.query(
        `INSERT INTO cache_tag_invalidation (scope, tag, invalidated_at, expire_seconds)
           SELECT $1, tag, clock_timestamp(), $3 FROM unnest($2::text[]) AS tag
         ON CONFLICT (scope, tag) DO UPDATE SET invalidated_at = EXCLUDED.invalidated_at, expire_seconds = EXCLUDED.expire_seconds`,
        [scopeOf(), tags, durations?.expire ?? null],
      );
    } catch (error) {
      // The change is saved; other instances see it when their entries age out (route `revalidate`).
      console.error(`[registre] cache : invalidation non partagée (${/** @type {Error} */ (error).message}).`);
    }
  }
}

const channel = new TagChannel();

export default class TagCacheHandler extends FileSystemCache {
  /** @param {ConstructorParameters<typeof FileSystemCache>[0]} context */
  constructor(context) {
    super(context);
    if (shouldShare()) void channel.start();
  }

  /** @param {Parameters<FileSystemCache["get"]>} args */
  async get(...args) {
    if (channel.ready && !channel.readyDone) await Promise.race([channel.ready, new Promise((resolve) => setTimeout(resolve, STARTUP_WAIT_MS).unref())]);
    const entry = await super.get(...args);
    notePageEntry(args[0], entry?.value, entry?.lastModified);
    return entry;
  }

  /**
   * A not-found page is not kept: every made-up /deliberations/<x> or
   * /seances/<x> would otherwise become a cache entry, in memory and as files
   * on disk. Such an answer costs one indexed lookup to render again.
   * @param {Parameters<FileSystemCache["set"]>} args
   */
  async set(...args) {
    const [, data] = args;
    if (data && (data.kind === "APP_PAGE" || data.kind === "APP_ROUTE") && data.status === 404) return;
    // Written anew: the front's copy of the page's old bytes is not served again; the next read notes the new entry.
    forgetPageEntry(args[0]);
    return super.set(...args);
  }

  /** @param {string | string[]} tags @param {Durations | undefined} durations */
  async revalidateTag(tags, durations) {
    const list = typeof tags === "string" ? [tags] : tags;
    await super.revalidateTag(list, durations);
    if (list.length > 0 && shouldShare()) await channel.publish(list, durations);
  }
}
