import { getSessionUser } from "@/lib/auth/session";
import { getLatestConvocationExtract } from "@/lib/convocations/get-convocation-status";
import { getPrisma } from "@/lib/db/prisma";
import { isAppError } from "@/lib/errors";
import { pdfResponse } from "@/lib/extracts/pdf-response";

export const dynamic = "force-dynamic";

// The sitting's latest signed convocation, as sent (back office).
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const extract = await getLatestConvocationExtract({ db: getPrisma(), actor: await getSessionUser(), sittingId: id });
    if (!extract) return new Response("Aucune convocation n'a encore été envoyée pour cette séance.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    return pdfResponse(extract, request);
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: error.httpStatus, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
