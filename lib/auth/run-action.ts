import "server-only";
import { toAppError } from "@/lib/to-app-error";
import type { ActionResult } from "@/lib/validations/action-result";

/** Runs a server action's work: expected errors reach the form in French, anything else is logged and stays generic. */
export async function runAction<Data>(work: () => Promise<{ data: Data; message?: string }>): Promise<ActionResult<Data>> {
  try {
    const { data, message } = await work();
    return { ok: true, data, message };
  } catch (error) {
    // AppError, the domain's refusals and the database's own guards (a race past the use case's checks).
    const expected = toAppError(error);
    if (expected) return { ok: false, code: expected.code, message: expected.message, errors: expected.fieldErrors };
    console.error(error);
    return { ok: false, message: "Une erreur inattendue a empêché l'enregistrement ; rien n'a été modifié. Réessayez, ou signalez-le à l'administrateur." };
  }
}
