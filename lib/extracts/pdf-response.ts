import "server-only";
import { copyUntilRevalidated } from "@/lib/http/page-copies";
import type { StoredExtract } from "./store-issued-extract";

// How an issued PDF leaves the server: the stored bytes as they are, with a
// name that says what it is, an ETag (its SHA-256) so that a browser or a
// proxy asks again cheaply, and no sniffing. A public extract whose bytes stay
// while some public pages do may be copied by the front, on the lightest path
// (lib/http/page-copies.ts), until those pages are revalidated.

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function pdfResponse(extract: StoredExtract, request: Request, options: { copyUntilRevalidated?: string[] } = {}): Response {
  const etag = `"${extract.sha256}"`;
  const headers = new Headers({
    "Content-Type": "application/pdf",
    "Content-Disposition": contentDisposition(extract.fileName),
    ETag: etag,
    "Last-Modified": extract.issuedAt.toUTCString(),
    // The URL stays the same after a rectification: cached an hour, then revalidated by ETag.
    "Cache-Control": "public, max-age=3600, must-revalidate",
    "X-Content-Type-Options": "nosniff",
    ...(options.copyUntilRevalidated ? copyUntilRevalidated(options.copyUntilRevalidated) : {}),
  });
  if (request.headers.get("if-none-match")?.split(/\s*,\s*/).includes(etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Length", String(extract.content.length));
  return new Response(new Uint8Array(extract.content), { status: 200, headers });
}
