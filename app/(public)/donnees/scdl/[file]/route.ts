import { deliberationsCsvResponse } from "@/lib/opendata/deliberations-csv-response";

export const dynamic = "force-dynamic";

// /donnees/scdl/deliberations.csv (every published deliberation) and
// /donnees/scdl/deliberations-2022.csv (one year's), as the SCDL schema says.
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  return deliberationsCsvResponse((await params).file, "scdl");
}
