import "server-only";
import { cache } from "react";
import { getPrisma } from "@/lib/db/prisma";
import { env } from "@/lib/env";

export type CurrentMunicipality = {
  id: string;
  slug: string;
  name: string;
  communeName: string;
  siren: string;
  departmentCode: string;
  address: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  administrativeCourt: string;
  membersInOffice: number;
  appealNotice: string;
  annexNotice: string | null;
};

/** The municipality this portal serves (REGISTRE_MUNICIPALITY), read once per request. */
export const getCurrentMunicipality = cache(async (): Promise<CurrentMunicipality> => {
  const slug = env.REGISTRE_MUNICIPALITY;
  const municipality = await getPrisma().municipality.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      communeName: true,
      siren: true,
      departmentCode: true,
      address: true,
      email: true,
      phone: true,
      website: true,
      administrativeCourt: true,
      membersInOffice: true,
      appealNotice: true,
      annexNotice: true,
    },
  });
  if (!municipality) {
    throw new Error(
      `La collectivité « ${slug} » (REGISTRE_MUNICIPALITY) n'existe pas dans la base : vérifiez la variable ou lancez le seed.`,
    );
  }
  return municipality;
});
