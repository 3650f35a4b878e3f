import "server-only";
import { isAppError } from "@/lib/errors";
import type { ActionResult } from "@/lib/validations/action-result";

/** Runs a server action's work: expected errors reach the form in French, anything else is logged and stays generic. */
export async function runAction<Data>(work: () => Promise<{ data: Data; message?: string }>): Promise<ActionResult<Data>> {
  try {
    const { data, message } = await work();
    return { ok: true, data, message };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message, errors: error.fieldErrors };
    const text = error instanceof Error ? error.message : String(error);
    // The database's own guards, when a race got past the use case's checks.
    if (/published (deliberation )?(and )?cannot be changed|deliberation_published_immutable/.test(text)) {
      return { ok: false, message: "Cette délibération vient d'être publiée : elle ne peut plus être modifiée. Émettez une rectification." };
    }
    if (/Unique constraint|duplicate key/i.test(text)) {
      return { ok: false, message: "Un enregistrement identique vient d'être créé par ailleurs : rechargez la page et vérifiez." };
    }
    console.error(error);
    return { ok: false, message: "Une erreur inattendue a empêché l'enregistrement ; rien n'a été modifié. Réessayez, ou signalez-le à l'administrateur." };
  }
}
