import { parseDeliberationNumber } from "@/lib/domain";
import { isAppError } from "@/lib/errors";
import { getDeliberationExtract } from "@/lib/extracts/get-deliberation-extract";
import { pdfResponse } from "@/lib/extracts/pdf-response";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { deliberationPath } from "@/lib/publication/deliberation-path";
import { identifierParam } from "@/lib/validations/request-params";

export const dynamic = "force-dynamic";

/** GET /deliberations/DL.2022-91/extrait.pdf: the certified extract, signed, as stored. */
export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const number = identifierParam((await params).number);
  if (!number || !parseDeliberationNumber(number)) return notFoundResponse();
  try {
    const municipality = await getCurrentMunicipality();
    const extract = await getDeliberationExtract({ municipality, number });
    if (!extract) return notFoundResponse();
    // The newest version's stored bytes: they change only with a publication of the act (a rectification), which revalidates its page.
    return pdfResponse(extract, request, { copyUntilRevalidated: [deliberationPath(number)] });
  } catch (error) {
    if (isAppError(error)) {
      return new Response(`${error.message}\n`, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}

function notFoundResponse(): Response {
  return new Response("Aucune délibération publiée ne porte ce numéro.\n", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
