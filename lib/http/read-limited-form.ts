import { AppError } from "@/lib/errors";

// A multipart form read with a size limit: the body is counted as it arrives
// (with or without Content-Length), so that a file too large is told it is too
// large, instead of being cut and read as a form with its fields missing.

/** Room for the form's other fields and the multipart boundaries around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

function tooLarge(limitLabel: string): AppError {
  const message = `Le fichier dépasse ${limitLabel} : réduisez-le (par exemple en l'exportant en qualité « standard ») ou joignez-le en plusieurs parties.`;
  return new AppError("VALIDATION", `Le fichier dépasse ${limitLabel}.`, { file: [message] });
}

export async function readLimitedForm(request: Request, options: { maxFileBytes: number; limitLabel: string }): Promise<FormData> {
  const limit = options.maxFileBytes + FORM_OVERHEAD_BYTES;
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge(options.limitLabel);
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body?.getReader();
  try {
    for (;;) {
      const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
      if (chunk.done) break;
      received += chunk.value.byteLength;
      if (received > limit) {
        await reader?.cancel().catch(() => {});
        throw tooLarge(options.limitLabel);
      }
      chunks.push(chunk.value);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("VALIDATION", "L'envoi a été interrompu.", { file: ["L'envoi du fichier a été interrompu : choisissez-le de nouveau et recommencez."] });
  }
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("VALIDATION", "Le formulaire n'a pas pu être lu.", { file: ["L'envoi n'a pas pu être lu : choisissez le fichier de nouveau et recommencez."] });
  }
}
