import "server-only";
import type { Db } from "@/lib/db/prisma";
import { isoDay } from "@/lib/domain/calendar";
import type { ImportCouncillor } from "./propose-from-document";

/** Every councillor of the municipality, past mandates included (old minutes name them), as the name matcher reads them. */
export async function loadImportCouncillors(db: Db, municipalityId: string): Promise<ImportCouncillor[]> {
  const rows = await db.councillor.findMany({
    where: { municipalityId },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, firstName: true, lastName: true, civility: true, role: true, mandateStart: true, mandateEnd: true },
  });
  return rows.map((row) => ({ ...row, mandateStart: isoDay(row.mandateStart), mandateEnd: row.mandateEnd ? isoDay(row.mandateEnd) : null }));
}
