import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { apiJson, apiOptions } from "@/lib/opendata/api/http";
import { getApiMunicipality } from "@/lib/opendata/api/municipality";

export const dynamic = "force-dynamic";

export async function GET() {
  const municipality = await getCurrentMunicipality();
  return apiJson(await getApiMunicipality({ municipalityId: municipality.id }));
}

export const OPTIONS = apiOptions;
