import { env } from "@/lib/env";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { getSitemap, renderSitemapIndex, renderUrlset } from "@/lib/opendata/sitemap";

// Every address in one file while they fit (50,000), else the index of the
// files of /sitemaps/ (lib/opendata/sitemap.ts). robots.txt names it.

export const dynamic = "force-dynamic";

export async function GET() {
  const municipality = await getCurrentMunicipality();
  const site = env.PUBLIC_BASE_URL.replace(/\/$/, "");
  const sitemap = await getSitemap({ municipalityId: municipality.id });
  const xml = sitemap.kind === "urlset" ? renderUrlset(site, sitemap.entries) : renderSitemapIndex(site, sitemap.files);
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" } });
}
