import { env } from "@/lib/env";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { renderPublicationsFeed } from "@/lib/opendata/deliberation-feeds";

export const dynamic = "force-dynamic";

export async function GET() {
  const municipality = await getCurrentMunicipality();
  const xml = await renderPublicationsFeed({ municipality, baseUrl: env.PUBLIC_BASE_URL });
  return new Response(xml, {
    headers: { "content-type": "application/atom+xml; charset=utf-8", "access-control-allow-origin": "*", "cache-control": "public, max-age=300" },
  });
}
