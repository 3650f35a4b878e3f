import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { sitemapLocations } from "@/lib/http/render-ahead";
import { acceptsGzip, isStorablePath, storableHeaders, storedPathOf } from "@/lib/http/stored-pages";

// What the stored pages (lib/http/stored-pages.ts) answer, and what the
// renderer (lib/http/render-ahead.ts) reads of a sitemap; the database side is
// tests/integration/stored-pages.test.ts.

const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ url, headers, method }) as unknown as IncomingMessage;

describe("stored pages: which requests, which encodings", () => {
  it("[stored]: Accept-Encoding takes gzip when it lists it, or *, with a weight above zero", () => {
    for (const value of ["gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "GZIP", "x-gzip", "*", "deflate, *;q=0.1", ["br", "gzip"]]) expect(acceptsGzip(value)).toBe(true);
    for (const value of [undefined, "", "identity", "br", "gzip;q=0", "gzip;q=0.000, *", "*;q=0", "deflate, gzip;q=abc"]) expect(acceptsGzip(value)).toBe(false);
    // gzip's own weight prevails over the wildcard's.
    expect(acceptsGzip("*;q=1, gzip;q=0")).toBe(false);
  });

  it("[stored]: only a plain GET or HEAD of an act's or a sitting's page is answered from the store", () => {
    expect(storedPathOf(request("/deliberations/DL.2022-91"))).toBe("/deliberations/DL.2022-91");
    expect(storedPathOf(request("/deliberations/AP%20D%2021-07-1", {}, "HEAD"))).toBe("/deliberations/AP%20D%2021-07-1");
    expect(storedPathOf(request("/seances/2022-04-07"))).toBe("/seances/2022-04-07");
    for (const url of ["/", "/deliberations", "/deliberations/", "/deliberations/DL.2022-91/extrait.pdf", "/deliberations/DL.2022-91?x=1", "/seances/2022-04-07#a", "/elus/abc", "/admin/deliberations/x"]) {
      expect(storedPathOf(request(url))).toBeNull();
    }
    expect(storedPathOf(request("/deliberations/DL.2022-91", {}, "POST"))).toBeNull();
    expect(storedPathOf(request("/deliberations/DL.2022-91", { rsc: "1" }))).toBeNull();
    expect(storedPathOf(request("/deliberations/DL.2022-91", { "next-router-prefetch": "1" }))).toBeNull();
    expect(isStorablePath("/seances/2022-04-07-2")).toBe(true);
  });

  it("[stored]: the headers kept are Next's, less those of one response or one forwarding", () => {
    expect(
      storableHeaders({ ETag: '"e"', "Content-Type": "text/html", "Content-Length": 12, Date: "x", Age: "3", "Strict-Transport-Security": "max-age=1", Vary: ["rsc", "Accept-Encoding"], Skipped: undefined }),
    ).toEqual({ ETag: '"e"', "Content-Type": "text/html", Vary: ["rsc", "Accept-Encoding"] });
  });
});

describe("render ahead: the sitemap it walks", () => {
  it("[stored]: reads the files of an index and the pages of a urlset, entities decoded", () => {
    expect(
      sitemapLocations(
        `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.fr/sitemaps/pages.xml</loc></sitemap><sitemap><loc>https://x.fr/sitemaps/deliberations-2021.xml</loc><lastmod>2021-12-01</lastmod></sitemap></sitemapindex>`,
      ),
    ).toEqual({ kind: "index", locations: ["https://x.fr/sitemaps/pages.xml", "https://x.fr/sitemaps/deliberations-2021.xml"] });
    expect(
      sitemapLocations(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.fr/deliberations/A%26B</loc></url><url><loc>https://x.fr/?a=1&amp;b=2</loc></url></urlset>`),
    ).toEqual({ kind: "urlset", locations: ["https://x.fr/deliberations/A%26B", "https://x.fr/?a=1&b=2"] });
    expect(sitemapLocations(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>`)).toEqual({ kind: "urlset", locations: [] });
  });
});
