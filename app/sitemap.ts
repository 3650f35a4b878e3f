import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { listSitemapEntries } from "@/lib/opendata/list-sitemap-entries";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const municipality = await getCurrentMunicipality();
  const site = env.PUBLIC_BASE_URL.replace(/\/$/, "");
  const entries = await listSitemapEntries({ municipalityId: municipality.id });
  return entries.map((entry) => ({ url: `${site}${entry.path}`, lastModified: entry.lastModified }));
}
