import { isUuid } from "@/lib/validations/common";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { getApiCouncillor } from "@/lib/opendata/api/councillors";
import { apiJson, apiNotFound, apiOptions } from "@/lib/opendata/api/http";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) return apiNotFound("Élu introuvable.");
  const municipality = await getCurrentMunicipality();
  const councillor = await getApiCouncillor({ municipalityId: municipality.id, id });
  return councillor ? apiJson(councillor) : apiNotFound("Élu introuvable.");
}

export const OPTIONS = apiOptions;
