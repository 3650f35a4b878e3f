import { XMLParser } from "fast-xml-parser";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import type * as SitemapModule from "@/lib/opendata/sitemap";
import { connect, createDatabase } from "./support/database";

// The sitemap on the seeded demo (the reference case, the demo's years, its
// archive of 2012–2013): one file while the addresses fit, an index of files
// past the limit (set low here: the rule is the same at 50,000), and every
// published act listed exactly once either way.

const SITE = "https://deliberations.example.fr";
const parser = new XMLParser({ isArray: (name) => name === "url" || name === "sitemap" });

describe("sitemap", () => {
  let client: pg.Client;
  let db: Db;
  let sitemap: typeof SitemapModule;
  let municipalityId: string;
  let publishedPaths: string[];

  beforeAll(async () => {
    const url = await createDatabase("registre_sitemap", { seeded: "demo" });
    process.env.DATABASE_URL = url;
    client = await connect(url);
    db = createPrismaClient(url);
    sitemap = await import("@/lib/opendata/sitemap");
    municipalityId = (await client.query(`SELECT id FROM municipality WHERE slug = 'aix-en-provence'`)).rows[0].id;
    // The public rule in SQL: published, and the newest published version of a rectified act.
    const rows = await client.query(
      `SELECT d.number FROM deliberation d WHERE d.municipality_id = $1 AND d.status = 'PUBLISHED' AND d.published_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM deliberation n WHERE n.previous_version_id = d.id AND n.status = 'PUBLISHED')`,
      [municipalityId],
    );
    publishedPaths = rows.rows.map((row: { number: string }) => `/deliberations/${encodeURIComponent(row.number)}`).sort();
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  const locs = (xml: string, root: "urlset" | "sitemapindex") => {
    const parsed = parser.parse(xml) as Record<string, { url?: { loc: string; lastmod?: string }[]; sitemap?: { loc: string; lastmod?: string }[] }>;
    const items = root === "urlset" ? parsed.urlset?.url : parsed.sitemapindex?.sitemap;
    expect(items, `a <${root}>`).toBeDefined();
    return items!;
  };

  it("lists every address in one file while they fit: fixed pages, sittings, each published act once, councillors", async () => {
    const map = await sitemap.getSitemap({ municipalityId, db });
    expect(map.kind).toBe("urlset");
    if (map.kind !== "urlset") return;
    const urls = locs(sitemap.renderUrlset(SITE, map.entries), "urlset");
    const acts = urls.map((url) => url.loc.slice(SITE.length)).filter((path) => path.startsWith("/deliberations/"));
    expect(acts.sort()).toEqual(publishedPaths);
    expect(publishedPaths.length).toBeGreaterThan(30);
    expect(urls[0]!.loc).toBe(`${SITE}/`);
    expect(urls.some((url) => url.loc === `${SITE}/deliberations/DL.2022-91`)).toBe(true);
    expect(urls.some((url) => url.loc.startsWith(`${SITE}/elus/`))).toBe(true);
    expect(urls.some((url) => url.loc === `${SITE}/seances/2012-11-22`)).toBe(true);
  });

  it("past the limit, becomes an index of files, each within the limit, that together list every act once", async () => {
    const limit = 5;
    const map = await sitemap.getSitemap({ municipalityId, db, limit });
    expect(map.kind).toBe("index");
    if (map.kind !== "index") return;
    const index = locs(sitemap.renderSitemapIndex(SITE, map.files), "sitemapindex");
    expect(index[0]!.loc).toBe(`${SITE}/sitemaps/pages.xml`);
    const names = index.map((item) => /\/sitemaps\/(.+)\.xml$/.exec(item.loc)![1]!);
    // One file per year of acts at least, in order, and a numbered part for a year past the limit.
    expect(names).toContain("deliberations-2012");
    expect(names.some((name) => /^deliberations-\d{4}-2$/.test(name))).toBe(true);
    expect(index.filter((item) => item.loc.includes("deliberations-")).every((item) => typeof item.lastmod === "string")).toBe(true);

    const listed: string[] = [];
    for (const name of names) {
      const entries = await sitemap.getSitemapFile({ municipalityId, name, db, limit });
      expect(entries, name).not.toBeNull();
      if (name !== "pages") expect(entries!.length, name).toBeLessThanOrEqual(limit);
      const urls = locs(sitemap.renderUrlset(SITE, entries!), "urlset");
      listed.push(...urls.map((url) => url.loc.slice(SITE.length)));
    }
    const acts = listed.filter((path) => path.startsWith("/deliberations/"));
    expect(acts.length, "no act twice").toBe(new Set(acts).size);
    expect(acts.sort()).toEqual(publishedPaths);
    expect(listed).toContain("/seances/2022-04-07");
  });

  it("knows no other file: a made-up name, a part past the year's last, a year without acts", async () => {
    for (const name of ["autre", "deliberations-2022-99", "deliberations-1850", "deliberations-2022-1", "deliberations-2022-0", "../pages"]) {
      expect(await sitemap.getSitemapFile({ municipalityId, name, db, limit: 5 }), name).toBeNull();
    }
  });

  it("escapes what XML requires in an address", () => {
    const xml = sitemap.renderUrlset(SITE, [{ path: "/deliberations/A%20%26%20B?x=1&y=<2>" }]);
    expect(locs(xml, "urlset")[0]!.loc).toBe(`${SITE}/deliberations/A%20%26%20B?x=1&y=<2>`);
    expect(xml).toContain("&amp;y=&lt;2&gt;");
  });
});
