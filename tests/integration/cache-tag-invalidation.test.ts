import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type TagCacheHandler from "@/lib/cache/tag-cache-handler.mjs";
import { connect, createDatabase } from "./support/database";

// The tags of Next's cache that one web instance invalidates reach the
// others: the table's trigger announces every row written, and the portal's
// cache handler writes its own and applies the others' to Next's tag
// manifest (what Next consults before serving a cached page).

type Manifest = Map<string, { expired?: number; stale?: number }>;

describe("shared cache tags", () => {
  let url: string;
  let client: pg.Client;
  let listener: pg.Client;
  let manifest: Manifest;
  let handler: TagCacheHandler;
  const notifications: Record<string, unknown>[] = [];

  beforeAll(async () => {
    url = await createDatabase("registre_cache_tags");
    client = await connect(url);
    listener = await connect(url);
    listener.on("notification", (message) => notifications.push(JSON.parse(message.payload ?? "null") as Record<string, unknown>));
    await listener.query("LISTEN registre_cache_tags");
    process.env.DATABASE_URL = url;
    ({ tagsManifest: manifest } = (await import("next/dist/server/lib/incremental-cache/tags-manifest.external.js")) as unknown as { tagsManifest: Manifest });
    const { default: Handler } = await import("@/lib/cache/tag-cache-handler.mjs");
    handler = new Handler({ serverDistDir: "/nonexistent", revalidatedTags: [] });
  });

  afterAll(async () => {
    await listener?.end();
    await client?.end();
  });

  it("[cache]: every row written is announced on the channel, with its writer", async () => {
    await client.query(`SET application_name = 'instance-a'`);
    await client.query(`INSERT INTO cache_tag_invalidation (scope, tag) VALUES ('aix-en-provence', '_N_T_/deliberations/DL.2022-91')`);
    await client.query(`UPDATE cache_tag_invalidation SET expire_seconds = 60, invalidated_at = now() WHERE tag = '_N_T_/deliberations/DL.2022-91'`);
    await expect.poll(() => notifications.length).toBe(2);
    expect(notifications.map(({ at, ...rest }) => ({ ...rest, at: typeof at }))).toEqual([
      { scope: "aix-en-provence", tag: "_N_T_/deliberations/DL.2022-91", expireSeconds: null, origin: "instance-a", at: "number" },
      { scope: "aix-en-provence", tag: "_N_T_/deliberations/DL.2022-91", expireSeconds: 60, origin: "instance-a", at: "number" },
    ]);
  });

  it("[cache]: the table refuses an empty tag and a negative lifetime", async () => {
    await expect(client.query(`INSERT INTO cache_tag_invalidation (scope, tag) VALUES ('aix-en-provence', '')`)).rejects.toThrow(/cache_tag_invalidation_tag_length/);
    await expect(client.query(`INSERT INTO cache_tag_invalidation (scope, tag, expire_seconds) VALUES ('aix-en-provence', 'x', -1)`)).rejects.toThrow(/cache_tag_invalidation_expire_seconds_positive/);
  });

  it("[cache]: a tag this instance invalidates is expired here at once and written for the others", async () => {
    notifications.length = 0;
    const before = Date.now();
    await handler.revalidateTag(["_N_T_/seances/2022-04-07", "search-filter-options"]);
    expect(manifest.get("_N_T_/seances/2022-04-07")?.expired).toBeGreaterThanOrEqual(before);
    const { rows } = await client.query(`SELECT scope, tag, expire_seconds FROM cache_tag_invalidation WHERE tag IN ('_N_T_/seances/2022-04-07', 'search-filter-options') ORDER BY tag`);
    expect(rows).toEqual([
      { scope: "aix-en-provence", tag: "_N_T_/seances/2022-04-07", expire_seconds: null },
      { scope: "aix-en-provence", tag: "search-filter-options", expire_seconds: null },
    ]);
    await expect.poll(() => notifications.map((notification) => String(notification.origin).startsWith("registre-cache:"))).toEqual([true, true]);
  });

  it("[cache]: a tag another instance writes is expired here when its notification arrives; another portal's is not", async () => {
    await client.query(`SET application_name = 'instance-b'`);
    const before = Date.now();
    await client.query(`INSERT INTO cache_tag_invalidation (scope, tag) VALUES ('autre-commune', '_N_T_/elus')`);
    await client.query(`INSERT INTO cache_tag_invalidation (scope, tag, expire_seconds) VALUES ('aix-en-provence', '_N_T_/deliberations/DL.2022-92', 300)`);
    await expect.poll(() => manifest.get("_N_T_/deliberations/DL.2022-92")?.stale ?? 0, { timeout: 5_000 }).toBeGreaterThanOrEqual(before);
    const entry = manifest.get("_N_T_/deliberations/DL.2022-92")!;
    expect(entry.expired! - entry.stale!).toBe(300_000);
    expect(manifest.has("_N_T_/elus")).toBe(false);
  });
});
