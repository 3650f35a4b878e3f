// The types of tag-cache-handler.mjs (plain JavaScript: Next may load it outside the TypeScript build).

export declare const CHANNEL: "registre_cache_tags";

/** The portal the tags belong to: its municipality's slug. */
export declare function scopeOf(): string;

/** Next's FileSystemCache, whose tag invalidations every web instance of the database shares. */
export default class TagCacheHandler {
  constructor(context: { serverDistDir?: string; revalidatedTags?: string[]; maxMemoryCacheSize?: number; [key: string]: unknown });
  get(key: string, context: Record<string, unknown>): Promise<unknown>;
  set(key: string, data: unknown, context: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
