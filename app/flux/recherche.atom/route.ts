import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { renderSearchFeed } from "@/lib/opendata/deliberation-feeds";
import { parseSearchParams } from "@/lib/search/search-params";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const municipality = await getCurrentMunicipality();
  const params = parseSearchParams(request.nextUrl.searchParams);
  const xml = await renderSearchFeed({ municipality, params, baseUrl: env.PUBLIC_BASE_URL });
  return new Response(xml, {
    headers: { "content-type": "application/atom+xml; charset=utf-8", "access-control-allow-origin": "*", "cache-control": "public, max-age=300" },
  });
}
