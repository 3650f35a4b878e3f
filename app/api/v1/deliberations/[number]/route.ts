import { env } from "@/lib/env";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { getApiDeliberation } from "@/lib/opendata/api/deliberations";
import { identifierParam } from "@/lib/validations/request-params";
import { apiJson, apiNotFound, apiOptions } from "@/lib/opendata/api/http";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ number: string }> }) {
  const number = identifierParam((await params).number);
  if (!number) return apiNotFound("Aucune délibération publiée ne porte ce numéro.");
  const municipality = await getCurrentMunicipality();
  const deliberation = await getApiDeliberation({ municipalityId: municipality.id, number, baseUrl: env.PUBLIC_BASE_URL });
  return deliberation ? apiJson(deliberation) : apiNotFound(`Aucune délibération publiée ne porte le numéro ${number}.`);
}

export const OPTIONS = apiOptions;
