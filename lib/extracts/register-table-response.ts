import "server-only";
import { isAppError } from "@/lib/errors";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { getRegisterTable } from "./get-register-documents";
import { pdfResponse } from "./pdf-response";
import type { RegisterTableOrder } from "./render-register-sheets";

const text = (body: string, status: number) => new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The HTTP answer for a year's table of the register: the signed PDF, or 404 for a year without published deliberations. */
export async function registerTableResponse(request: Request, yearParam: string, order: RegisterTableOrder): Promise<Response> {
  if (!/^\d{4}$/.test(yearParam)) return text("Année invalide : indiquez quatre chiffres, par exemple /registre/2022/.", 404);
  try {
    const municipality = await getCurrentMunicipality();
    const extract = await getRegisterTable({ municipality, year: Number(yearParam), order });
    if (!extract) return text(`Aucune délibération publiée en ${yearParam}.`, 404);
    return pdfResponse(extract, request);
  } catch (error) {
    if (isAppError(error)) return text(error.message, 503);
    throw error;
  }
}
