import { isAppError } from "@/lib/errors";
import { getClosingSheet } from "@/lib/extracts/get-register-documents";
import { pdfResponse } from "@/lib/extracts/pdf-response";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { parseSittingSlug } from "@/lib/sittings/sitting-slug";

export const dynamic = "force-dynamic";

const text = (body: string, status: number) => new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** GET /seances/2022-04-07/feuillet-de-cloture.pdf: the signed closing sheet of the sitting in the register (R2121-9). */
export async function GET(request: Request, { params }: { params: Promise<{ date: string }> }) {
  const { date } = await params;
  if (!parseSittingSlug(date)) return text("Aucune séance tenue à cette adresse.", 404);
  try {
    const municipality = await getCurrentMunicipality();
    const extract = await getClosingSheet({ municipality, date });
    if (!extract) return text("Aucune séance tenue (délibération publiée) à cette adresse.", 404);
    return pdfResponse(extract, request);
  } catch (error) {
    if (isAppError(error)) return text(error.message, 503);
    throw error;
  }
}
