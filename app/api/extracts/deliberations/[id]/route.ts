import { getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { buildWorkingDocument } from "@/lib/extracts/build-working-document";
import { isUuid } from "@/lib/validations/common";
import { deliberationPath } from "@/lib/publication/deliberation-path";

export const dynamic = "force-dynamic";

/**
 * GET /api/extracts/deliberations/<id>: for the back office (ADMIN, CLERK, STAFF).
 * Unpublished: an unsigned working document. Published: redirect to the certified extract.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const text = (status: number, message: string) =>
    new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  if (!isUuid(id)) return text(404, "Cette délibération n'existe pas.");
  try {
    const document = await buildWorkingDocument({ user: await getSessionUser(), deliberationId: id });
    if (document.kind === "published") {
      return Response.redirect(new URL(`${deliberationPath(document.number)}/extrait.pdf`, request.url), 303);
    }
    return new Response(new Uint8Array(document.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${document.fileName}"`,
        "Content-Length": String(document.bytes.length),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isAppError(error)) return text(error.httpStatus, error.message);
    throw error;
  }
}
