import "server-only";
import { publishedDeliberationWhere } from "@/lib/publication/published-deliberation";
import { getPrisma, type Db } from "@/lib/db/prisma";
import { listPublicSittings } from "@/lib/sittings/list-public-sittings";
import { deliberationPath } from "@/lib/publication/deliberation-path";

/** One sitemap file holds at most 50,000 addresses (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

export type SitemapEntry = { path: string; lastModified?: Date };

/** The public pages worth indexing: fixed pages, sittings, published deliberations (newest first), councillors. */
export async function listSitemapEntries({ municipalityId, db = getPrisma() }: { municipalityId: string; db?: Db }): Promise<SitemapEntry[]> {
  const fixed: SitemapEntry[] = ["/", "/seances", "/deliberations", "/recherche", "/elus", "/statistiques", "/donnees", "/accessibilite"].map((path) => ({ path }));
  const [{ sittings }, councillors] = await Promise.all([
    listPublicSittings({ municipalityId }),
    // In a total order: the same sitemap from any copy of the database.
    db.councillor.findMany({ where: { municipalityId }, select: { id: true }, orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }] }),
  ]);
  const room = SITEMAP_LIMIT - fixed.length - sittings.length - councillors.length;
  const deliberations = await db.deliberation.findMany({
    where: publishedDeliberationWhere(municipalityId),
    select: { number: true, publishedAt: true },
    orderBy: [{ publishedAt: "desc" }, { number: "asc" }, { version: "desc" }],
    take: Math.max(0, room),
  });
  return [
    ...fixed,
    ...sittings.map((sitting) => ({ path: `/seances/${sitting.slug}` })),
    ...deliberations.map((deliberation) => ({
      path: deliberationPath(deliberation.number),
      lastModified: deliberation.publishedAt ?? undefined,
    })),
    ...councillors.map((councillor) => ({ path: `/elus/${councillor.id}` })),
  ];
}
