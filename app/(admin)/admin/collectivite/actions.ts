"use server";

import { revalidatePath } from "next/cache";
import { revalidateEveryPublicPage } from "@/lib/cache/public-pages";
import { runAction } from "@/lib/auth/run-action";
import { getSessionUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { removeDerogationWindow } from "@/lib/municipality/remove-derogation-window";
import { saveDerogationWindow } from "@/lib/municipality/save-derogation-window";
import { updateMunicipalitySettings } from "@/lib/municipality/update-municipality-settings";
import type { ActionResult } from "@/lib/validations/action-result";
import type { DerogationWindowInput } from "@/lib/validations/derogation-window";
import type { MunicipalitySettingsInput } from "@/lib/validations/municipality";

export async function updateMunicipalitySettingsAction(input: MunicipalitySettingsInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const municipality = await updateMunicipalitySettings({ db: getPrisma(), actor: await getSessionUser(), input });
    // The public header, footer, pages and notices show these fields: every page is rendered again.
    revalidateEveryPublicPage();
    return { data: municipality, message: "Les réglages de la collectivité sont enregistrés ; le portail public les affiche désormais." };
  });
}

export async function saveDerogationWindowAction(id: string | null, input: DerogationWindowInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const window = await saveDerogationWindow({ db: getPrisma(), actor: await getSessionUser(), id: id ?? undefined, input });
    revalidatePath("/admin/collectivite");
    return { data: window, message: "La période dérogatoire est enregistrée ; le quorum et les pouvoirs des séances qu'elle couvre la suivent." };
  });
}

export async function removeDerogationWindowAction(id: string): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const window = await removeDerogationWindow({ db: getPrisma(), actor: await getSessionUser(), id });
    revalidatePath("/admin/collectivite");
    return { data: window, message: "La période dérogatoire est supprimée." };
  });
}
