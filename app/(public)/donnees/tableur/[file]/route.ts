import { deliberationsCsvResponse } from "@/lib/opendata/deliberations-csv-response";

export const dynamic = "force-dynamic";

// /donnees/tableur/deliberations.csv and /donnees/tableur/deliberations-2022.csv:
// the SCDL rows for a spreadsheet (`;`, byte order mark, French headings, formulas neutralised).
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  return deliberationsCsvResponse((await params).file, "spreadsheet");
}
