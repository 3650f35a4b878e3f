import { isUuid } from "@/lib/validations/common";
import { env } from "@/lib/env";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { getApiSitting } from "@/lib/opendata/api/deliberations";
import { apiJson, apiNotFound, apiOptions } from "@/lib/opendata/api/http";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) return apiNotFound("Séance introuvable.");
  const municipality = await getCurrentMunicipality();
  const sitting = await getApiSitting({ municipalityId: municipality.id, id, baseUrl: env.PUBLIC_BASE_URL });
  return sitting ? apiJson(sitting) : apiNotFound("Séance introuvable.");
}

export const OPTIONS = apiOptions;
