import "server-only";
import { cache } from "react";
import { getPrisma, type Prisma } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { MUNICIPALITY_SETTINGS_SELECT } from "./get-municipality-settings";

/** What every page reads of the municipality: the settings an administrator edits, and its identifiers. */
const CURRENT_MUNICIPALITY_SELECT = { ...MUNICIPALITY_SETTINGS_SELECT, slug: true, siren: true, departmentCode: true } as const;

export type CurrentMunicipality = Prisma.MunicipalityGetPayload<{ select: typeof CURRENT_MUNICIPALITY_SELECT }>;

/** The municipality this portal serves (REGISTRE_MUNICIPALITY), read once per request. */
export const getCurrentMunicipality = cache(async (): Promise<CurrentMunicipality> => {
  const slug = env.REGISTRE_MUNICIPALITY;
  const municipality = await getPrisma().municipality.findUnique({
    where: { slug },
    select: CURRENT_MUNICIPALITY_SELECT,
  });
  if (!municipality) {
    throw new Error(
      `La collectivité « ${slug} » (REGISTRE_MUNICIPALITY) n'existe pas dans la base : vérifiez la variable ou lancez le seed.`,
    );
  }
  return municipality;
});
