// The types of page-entries.mjs (plain JavaScript, imported by the cache handler).

export type PageEntry = { tags: string[]; lastModified: number };

export declare const MAX_PAGE_ENTRIES: number;
export declare function pathnameOfStorageKey(key: string): string | null;
export declare function notePageEntry(key: string, value: unknown, lastModified: number | undefined): void;
export declare function forgetPageEntry(key: string): void;
export declare function pageEntryOf(pathname: string): PageEntry | undefined;
