import "server-only";

// The bytes of issued extracts, by SHA-256, kept in memory: an issued extract
// never changes (the database refuses it), so a digest always names the same
// bytes and the cache needs no invalidation, only a bound on its size.

const MAX_BYTES = 64 * 1024 * 1024;

const globalCache = globalThis as unknown as { registreExtractBytes?: Map<string, Uint8Array>; registreExtractBytesSize?: number };

function cache(): Map<string, Uint8Array> {
  globalCache.registreExtractBytes ??= new Map();
  return globalCache.registreExtractBytes;
}

export function cachedExtractBytes(sha256: string): Uint8Array | undefined {
  const entries = cache();
  const bytes = entries.get(sha256);
  if (bytes) {
    // Most recently used last.
    entries.delete(sha256);
    entries.set(sha256, bytes);
  }
  return bytes;
}

export function rememberExtractBytes(sha256: string, bytes: Uint8Array): void {
  const entries = cache();
  if (entries.has(sha256) || bytes.length > MAX_BYTES) return;
  let size = (globalCache.registreExtractBytesSize ?? 0) + bytes.length;
  for (const [key, value] of entries) {
    if (size <= MAX_BYTES) break;
    entries.delete(key);
    size -= value.length;
  }
  entries.set(sha256, bytes);
  globalCache.registreExtractBytesSize = size;
}
