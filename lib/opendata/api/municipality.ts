import "server-only";
import type { z } from "zod";
import { getPrisma, type Db } from "@/lib/db/prisma";
import { municipalitySchema } from "./schemas";

export async function getApiMunicipality({ municipalityId, db = getPrisma() }: { municipalityId: string; db?: Db }): Promise<z.infer<typeof municipalitySchema>> {
  const municipality = await db.municipality.findUniqueOrThrow({
    where: { id: municipalityId },
    select: { name: true, communeName: true, siren: true, siret: true, departmentCode: true, address: true, email: true, phone: true, website: true, membersInOffice: true },
  });
  return municipalitySchema.parse(municipality);
}
