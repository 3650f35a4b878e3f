import type { NextRequest } from "next/server";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { listApiCouncillors } from "@/lib/opendata/api/councillors";
import { apiJson, apiOptions } from "@/lib/opendata/api/http";
import { readPageQuery } from "@/lib/opendata/api/schemas";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const municipality = await getCurrentMunicipality();
  return apiJson(await listApiCouncillors({ municipalityId: municipality.id, query: readPageQuery(request.nextUrl) }));
}

export const OPTIONS = apiOptions;
