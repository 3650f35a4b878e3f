import type { NextRequest } from "next/server";
import { z } from "@/lib/validations/zod";
import { env } from "@/lib/env";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { listApiDeliberations } from "@/lib/opendata/api/deliberations";
import { apiJson, apiOptions } from "@/lib/opendata/api/http";
import { readPageQuery } from "@/lib/opendata/api/schemas";

export const dynamic = "force-dynamic";

const yearSchema = z.coerce.number().int().min(1790).max(9999).optional().catch(undefined);

export async function GET(request: NextRequest) {
  const municipality = await getCurrentMunicipality();
  const year = yearSchema.parse(request.nextUrl.searchParams.get("year") ?? undefined);
  return apiJson(
    await listApiDeliberations({ municipalityId: municipality.id, query: readPageQuery(request.nextUrl), year, baseUrl: env.PUBLIC_BASE_URL }),
  );
}

export const OPTIONS = apiOptions;
