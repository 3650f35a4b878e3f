import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { authorizeImport, importUploadedFile, uploadOptionsSchema } from "@/lib/import/web/import-upload";
import { receiveUpload } from "@/lib/import/web/receive-upload";
import { refuseCrossOrigin } from "@/lib/http/same-origin";
import { toAppError } from "@/lib/to-app-error";

// The upload of an archive (POST, the file as the raw body, its name in the
// X-File-Name header, URI-encoded; options in the query). Outside the proxy's
// matcher (proxy.ts): the body streams to a temporary file. The answer is
// NDJSON, line by line as the import goes: {"type":"progress",…} then one
// {"type":"report"|"proposal"|"error",…}, so the page shows progress on a
// large file and the clerk's connection carries it without a timeout. The
// page then asks for the public pages to be refreshed (import/actions.ts).

export async function POST(request: Request) {
  const crossOrigin = refuseCrossOrigin(request);
  if (crossOrigin) return crossOrigin;
  let actor;
  try {
    actor = authorizeImport(await getSessionUser());
  } catch (error) {
    if (!isAppError(error)) throw error;
    return NextResponse.json({ type: "error", message: error.message }, { status: error.httpStatus });
  }
  const query = new URL(request.url).searchParams;
  const parsed = uploadOptionsSchema.safeParse({
    format: query.get("format") || undefined,
    dryRun: query.get("dryRun") === "true",
    skipInvalid: query.get("skipInvalid") === "true",
    fileName: decodeURIComponentSafe(request.headers.get("x-file-name") ?? ""),
  });
  if (!parsed.success) return NextResponse.json({ type: "error", message: parsed.error.issues[0]?.message ?? "Options d'import illisibles." }, { status: 422 });
  const options = parsed.data;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      let upload;
      try {
        upload = await receiveUpload(request.body);
        let last = 0;
        const outcome = await importUploadedFile(actor, {
          filePath: upload.path,
          options,
          onProgress: (progress) => {
            // At most a few lines a second.
            if (Date.now() - last < 250) return;
            last = Date.now();
            send({ type: "progress", ...progress });
          },
        });
        send(outcome.kind === "report" ? { type: "report", report: outcome.report } : { type: "proposal", proposal: outcome.proposal, file: outcome.file });
      } catch (error) {
        const refusal = toAppError(error);
        if (!refusal) console.error(error);
        send({ type: "error", message: refusal?.message ?? "Une erreur inattendue a interrompu l'import ; rien n'a été enregistré." });
      } finally {
        await upload?.remove();
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return "";
  }
}
