import "server-only";
import { publishedDeliberationCountSql, publishedDeliberationSql, publishedDeliberationWhere } from "@/lib/publication/published-deliberation";
import { getPrisma, Prisma, type Db } from "@/lib/db/prisma";
import { listPublicSittings } from "@/lib/sittings/list-public-sittings";
import { deliberationPath } from "@/lib/publication/deliberation-path";
import { escapeXml } from "./atom-feed";

// What search engines are told to walk (sitemaps.org 0.9): the fixed pages,
// the sittings, the councillors and every published act. One file holds at
// most 50,000 addresses; past that, /sitemap.xml becomes an index of files:
// /sitemaps/pages.xml (fixed pages, sittings, councillors) and one file per
// year of acts, /sitemaps/deliberations-2021.xml, split in numbered parts
// (deliberations-2021-2.xml…) when a year alone holds more. A year's file
// keeps its address as acts are added to other years, and its <lastmod> is
// its newest publication: a crawler reads again only the years that changed.

/** One sitemap file holds at most 50,000 addresses (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

export type SitemapEntry = { path: string; lastModified?: Date };
export type SitemapFile = { name: string; lastModified?: Date };
export type Sitemap = { kind: "urlset"; entries: SitemapEntry[] } | { kind: "index"; files: SitemapFile[] };

const FIXED_PATHS = ["/", "/seances", "/deliberations", "/recherche", "/elus", "/statistiques", "/donnees", "/accessibilite"];
const PART = /^deliberations-(\d{4})(?:-([2-9]|[1-9]\d{1,3}))?$/;

type Scope = { municipalityId: string; db?: Db; limit?: number };

type PortalPages = { fixed: SitemapEntry[]; sittings: SitemapEntry[]; councillors: SitemapEntry[] };

/** The fixed pages, the public sittings and the councillors, in a total order (the same file from any copy of the database). */
async function portalPages(municipalityId: string, db: Db): Promise<PortalPages> {
  const [{ sittings }, councillors] = await Promise.all([
    listPublicSittings({ municipalityId, db }),
    db.councillor.findMany({ where: { municipalityId }, select: { id: true }, orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }] }),
  ]);
  return {
    fixed: FIXED_PATHS.map((path) => ({ path })),
    sittings: sittings.map((sitting) => ({ path: `/seances/${sitting.slug}` })),
    councillors: councillors.map((councillor) => ({ path: `/elus/${councillor.id}` })),
  };
}

const actEntry = (row: { number: string; publishedAt: Date | null }): SitemapEntry => ({ path: deliberationPath(row.number), lastModified: row.publishedAt ?? undefined });

/** /sitemap.xml: every address in one file while they fit, else the index of the files. */
export async function getSitemap({ municipalityId, db = getPrisma(), limit = SITEMAP_LIMIT }: Scope): Promise<Sitemap> {
  const published = publishedDeliberationWhere(municipalityId);
  const [pages, [counted]] = await Promise.all([portalPages(municipalityId, db), db.$queryRaw<{ count: number }[]>(publishedDeliberationCountSql(municipalityId))]);
  const acts = counted?.count ?? 0;
  if (pages.fixed.length + pages.sittings.length + pages.councillors.length + acts <= limit) {
    // Newest first, as before the index existed.
    const deliberations = await db.deliberation.findMany({
      where: published,
      select: { number: true, publishedAt: true },
      orderBy: [{ publishedAt: "desc" }, { number: "asc" }, { id: "asc" }],
    });
    return { kind: "urlset", entries: [...pages.fixed, ...pages.sittings, ...deliberations.map(actEntry), ...pages.councillors] };
  }
  // Grouped in SQL with the rule's SQL form: Prisma's groupBy joined every act to its possible newer versions.
  const years = await db.$queryRaw<{ year: number; count: number; last_published_at: Date | null }[]>(Prisma.sql`
    SELECT d."year", count(*)::int AS "count", max(d."published_at") AS "last_published_at"
    FROM "deliberation" d WHERE ${publishedDeliberationSql("d", municipalityId)} GROUP BY d."year" ORDER BY d."year"`);
  const files: SitemapFile[] = [{ name: "pages" }];
  for (const year of years) {
    const parts = Math.ceil(year.count / limit);
    for (let part = 1; part <= parts; part += 1) {
      files.push({ name: part === 1 ? `deliberations-${year.year}` : `deliberations-${year.year}-${part}`, lastModified: year.last_published_at ?? undefined });
    }
  }
  return { kind: "index", files };
}

/** One file of the index by its name ("pages", "deliberations-2021", "deliberations-2021-2"), or null: no such file. */
export async function getSitemapFile({ municipalityId, name, db = getPrisma(), limit = SITEMAP_LIMIT }: Scope & { name: string }): Promise<SitemapEntry[] | null> {
  if (name === "pages") {
    const pages = await portalPages(municipalityId, db);
    // A town's sittings and councillors number in the hundreds, never near the limit.
    return [...pages.fixed, ...pages.sittings, ...pages.councillors];
  }
  const match = PART.exec(name);
  if (!match) return null;
  const part = Number(match[2] ?? 1);
  // A year's acts by number: a part's addresses stay put while other years grow.
  const rows = await db.deliberation.findMany({
    where: { ...publishedDeliberationWhere(municipalityId), year: Number(match[1]) },
    select: { number: true, publishedAt: true },
    orderBy: [{ number: "asc" }, { id: "asc" }],
    skip: (part - 1) * limit,
    take: limit,
  });
  return rows.length > 0 ? rows.map(actEntry) : null;
}

export function renderUrlset(site: string, entries: readonly SitemapEntry[]): string {
  const urls = entries.map(
    (entry) => `<url><loc>${escapeXml(`${site}${entry.path}`)}</loc>${entry.lastModified ? `<lastmod>${entry.lastModified.toISOString()}</lastmod>` : ""}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

export function renderSitemapIndex(site: string, files: readonly SitemapFile[]): string {
  const items = files.map(
    (file) =>
      `<sitemap><loc>${escapeXml(`${site}/sitemaps/${file.name}.xml`)}</loc>${file.lastModified ? `<lastmod>${file.lastModified.toISOString()}</lastmod>` : ""}</sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("\n")}\n</sitemapindex>\n`;
}
