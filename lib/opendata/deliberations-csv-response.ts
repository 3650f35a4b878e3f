import "server-only";
import { env } from "@/lib/env";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import { scdlDeliberationsStream } from "./scdl-deliberations";

// deliberations.csv (every published deliberation) and deliberations-2022.csv
// (one year's), as SCDL (/donnees/scdl/…) or for a spreadsheet (/donnees/tableur/…).
const FILE = /^deliberations(?:-(\d{4}))?\.csv$/;

export async function deliberationsCsvResponse(file: string, format: "scdl" | "spreadsheet"): Promise<Response> {
  const match = FILE.exec(file);
  if (!match) return new Response("Fichier inconnu.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const year = match[1] ? Number(match[1]) : undefined;
  const municipality = await getCurrentMunicipality();
  const fileName = `${municipality.siren}_deliberations${year ? `_${year}` : ""}${format === "spreadsheet" ? "_tableur" : ""}.csv`;
  return new Response(scdlDeliberationsStream({ municipalityId: municipality.id, year, baseUrl: env.PUBLIC_BASE_URL, format }), {
    headers: {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="${fileName}"`,
      "access-control-allow-origin": "*",
      "cache-control": "public, max-age=300",
    },
  });
}
