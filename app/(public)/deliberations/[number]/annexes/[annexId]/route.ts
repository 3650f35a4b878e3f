import { attachmentDisposition, getPublicAnnex } from "@/lib/deliberations/get-public-annex";
import { parseDeliberationNumber } from "@/lib/domain";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";

export const dynamic = "force-dynamic";

/**
 * GET /deliberations/DL.2022-91/annexes/<id>: a public annex of a published act,
 * as an attachment, never rendered in the portal's origin: a sandboxing policy
 * and nosniff, so that whatever the file holds runs nothing here.
 */
export async function GET(request: Request, { params }: { params: Promise<{ number: string; annexId: string }> }) {
  const { number: rawNumber, annexId } = await params;
  const number = decodeURIComponent(rawNumber);
  if (!parseDeliberationNumber(number)) return notFoundResponse();
  const municipality = await getCurrentMunicipality();
  const annex = await getPublicAnnex({ municipalityId: municipality.id, number, annexId });
  if (!annex) return notFoundResponse();
  const etag = `"${annex.sha256}"`;
  const headers = {
    "Content-Type": annex.mediaType,
    "Content-Disposition": attachmentDisposition(annex.fileName),
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
    // A published act's annexes do not change.
    "Cache-Control": "public, max-age=3600, must-revalidate",
    ETag: etag,
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(annex.content), { headers: { ...headers, "Content-Length": String(annex.content.byteLength) } });
}

function notFoundResponse(): Response {
  return new Response("Aucune annexe publique ne porte cette adresse.\n", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
  });
}
