import { registerTableResponse } from "@/lib/extracts/register-table-response";

export const dynamic = "force-dynamic";

/** GET /registre/2022/table-par-matiere.pdf: la table par matière des délibérations de l'année, signée. */
export async function GET(request: Request, { params }: { params: Promise<{ year: string }> }) {
  return registerTableResponse(request, (await params).year, "matter");
}
