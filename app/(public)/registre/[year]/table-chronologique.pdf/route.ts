import { registerTableResponse } from "@/lib/extracts/register-table-response";

export const dynamic = "force-dynamic";

/** GET /registre/2022/table-chronologique.pdf: la table chronologique des délibérations de l'année, signée. */
export async function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  return registerTableResponse(request, (await params).year, "date");
}
