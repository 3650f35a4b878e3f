import { isAppError } from "@/lib/errors";
import { getMinutesExtract } from "@/lib/extracts/get-minutes-extract";
import { pdfResponse } from "@/lib/extracts/pdf-response";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";

export const dynamic = "force-dynamic";

/** GET /seances/2022-04-07/proces-verbal.pdf: the signed procès-verbal of the sitting, once adopted and published. */
export async function GET(request: Request, { params }: { params: Promise<{ date: string }> }) {
  const { date } = await params;
  try {
    const municipality = await getCurrentMunicipality();
    const extract = await getMinutesExtract({ municipality, date });
    if (!extract) {
      return new Response("Procès-verbal introuvable : aucune séance publique à cette date n'a de procès-verbal publié.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    return pdfResponse(extract, request);
  } catch (error) {
    if (isAppError(error)) {
      return new Response(`${error.message}\n`, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
