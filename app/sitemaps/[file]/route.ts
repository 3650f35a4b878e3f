import { env } from "@/lib/env";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { getSitemapFile, renderUrlset } from "@/lib/opendata/sitemap";
import { identifierParam } from "@/lib/validations/request-params";

// One file of the sitemap index (/sitemaps/pages.xml, /sitemaps/deliberations-2021.xml…).

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = identifierParam((await params).file);
  const name = file?.endsWith(".xml") ? file.slice(0, -".xml".length) : null;
  const municipality = await getCurrentMunicipality();
  const entries = name ? await getSitemapFile({ municipalityId: municipality.id, name }) : null;
  if (!entries) {
    return new Response("Ce fichier du plan du site n'existe pas : le plan commence à /sitemap.xml.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const site = env.PUBLIC_BASE_URL.replace(/\/$/, "");
  return new Response(renderUrlset(site, entries), { headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" } });
}
