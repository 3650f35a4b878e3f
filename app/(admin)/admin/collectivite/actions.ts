"use server";

import { revalidatePath } from "next/cache";
import { revalidateEveryPublicPage } from "@/lib/cache/public-pages";
import { runAction } from "@/lib/auth/run-action";
import { getSessionUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { updateMunicipalitySettings } from "@/lib/municipality/update-municipality-settings";
import type { ActionResult } from "@/lib/validations/action-result";
import type { MunicipalitySettingsInput } from "@/lib/validations/municipality";

export async function updateMunicipalitySettingsAction(input: MunicipalitySettingsInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const municipality = await updateMunicipalitySettings({ db: getPrisma(), actor: await getSessionUser(), input });
    // The public header, footer, pages and notices show these fields: every page is rendered again.
    revalidateEveryPublicPage();
    revalidatePath("/admin", "layout");
    return { data: municipality, message: "Les réglages de la collectivité sont enregistrés ; le portail public les affiche désormais." };
  });
}
