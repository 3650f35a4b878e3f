import { getPublicConvocationBySlug } from "@/lib/convocations/get-public-convocation";
import { pdfResponse } from "@/lib/extracts/pdf-response";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";

export const dynamic = "force-dynamic";

/** GET /seances/2026-12-10/convocation.pdf: the signed convocation of a public sitting, as last sent (public from then on, L2121-10). */
export async function GET(request: Request, { params }: { params: Promise<{ date: string }> }) {
  const { date } = await params;
  const municipality = await getCurrentMunicipality();
  const extract = await getPublicConvocationBySlug({ municipalityId: municipality.id, slug: date });
  if (!extract) {
    return new Response("Convocation introuvable : aucune séance publique à cette date n'a de convocation envoyée par le portail.\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return pdfResponse(extract, request);
}
