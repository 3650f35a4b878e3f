import { getPublicCheckpoint } from "@/lib/audit/public-checkpoints";

export const dynamic = "force-dynamic";

// /verifier/journal/point-de-controle-12.json: one signed checkpoint, to keep.
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const fileName = (await params).file;
  const checkpoint = await getPublicCheckpoint(fileName);
  if (!checkpoint) return new Response("Point de contrôle inconnu.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(JSON.stringify(checkpoint, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "access-control-allow-origin": "*",
      // A checkpoint never changes.
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
}
