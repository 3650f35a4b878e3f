import "server-only";
import type { z } from "zod";
import { getPrisma, type Db } from "@/lib/db/prisma";
import { councillorPageSchema, councillorSchema, paginationOf, type PageQuery } from "./schemas";
import { isoDay, isoDayOrNull } from "./serialize";

const select = {
  id: true, civility: true, firstName: true, lastName: true, role: true, roleLabel: true, mandateStart: true, mandateEnd: true, isDemo: true,
} as const;

type Row = { id: string; civility: "MONSIEUR" | "MADAME"; firstName: string; lastName: string; role: z.infer<typeof councillorSchema>["role"]; roleLabel: string | null; mandateStart: Date; mandateEnd: Date | null; isDemo: boolean };

const toApi = (row: Row): z.infer<typeof councillorSchema> => ({ ...row, mandateStart: isoDay(row.mandateStart), mandateEnd: isoDayOrNull(row.mandateEnd) });

/** Every councillor of the municipality (elected officials are public), the fictional ones flagged isDemo. */
export async function listApiCouncillors({ municipalityId, query, db = getPrisma() }: { municipalityId: string; query: PageQuery; db?: Db }) {
  const where = { municipalityId };
  const [rows, total] = await Promise.all([
    db.councillor.findMany({ where, select, orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }], take: query.perPage, skip: (query.page - 1) * query.perPage }),
    db.councillor.count({ where }),
  ]);
  return councillorPageSchema.parse({ data: rows.map(toApi), pagination: paginationOf(query, total) });
}

export async function getApiCouncillor({ municipalityId, id, db = getPrisma() }: { municipalityId: string; id: string; db?: Db }) {
  const row = await db.councillor.findFirst({ where: { municipalityId, id }, select });
  return row ? councillorSchema.parse(toApi(row)) : null;
}
