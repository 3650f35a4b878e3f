import { env } from "@/lib/env";
import { apiJson, apiOptions } from "@/lib/opendata/api/http";
import { buildOpenApiDocument } from "@/lib/opendata/api/openapi-document";

export const dynamic = "force-dynamic";

export function GET() {
  return apiJson(buildOpenApiDocument(env.PUBLIC_BASE_URL));
}

export const OPTIONS = apiOptions;
