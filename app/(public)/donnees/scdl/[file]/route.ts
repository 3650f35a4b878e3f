import { env } from "@/lib/env";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { scdlDeliberationsStream } from "@/lib/opendata/scdl-deliberations";

export const dynamic = "force-dynamic";

// /donnees/scdl/deliberations.csv (every published deliberation) and
// /donnees/scdl/deliberations-2022.csv (one year's).
const FILE = /^deliberations(?:-(\d{4}))?\.csv$/;

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = FILE.exec((await params).file);
  if (!match) return new Response("Fichier inconnu.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const year = match[1] ? Number(match[1]) : undefined;
  const municipality = await getCurrentMunicipality();
  const fileName = `${municipality.siren}_deliberations${year ? `_${year}` : ""}.csv`;
  return new Response(scdlDeliberationsStream({ municipalityId: municipality.id, year, baseUrl: env.PUBLIC_BASE_URL }), {
    headers: {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="${fileName}"`,
      "access-control-allow-origin": "*",
      "cache-control": "public, max-age=300",
    },
  });
}
