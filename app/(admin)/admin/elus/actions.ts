"use server";

import { revalidatePath } from "next/cache";
import { revalidateCouncillor } from "@/lib/cache/public-pages";
import { runAction } from "@/lib/auth/run-action";
import { getSessionUser } from "@/lib/auth/session";
import { createCouncillor } from "@/lib/councillors/create-councillor";
import { endCouncillorMandate } from "@/lib/councillors/end-councillor-mandate";
import { updateCouncillor } from "@/lib/councillors/update-councillor";
import { getPrisma } from "@/lib/db/prisma";
import type { ActionResult } from "@/lib/validations/action-result";
import type { CouncillorInput, EndMandateInput } from "@/lib/validations/councillor";

// Each action checks the session's role itself (in the use case), whatever the page showed.

export async function createCouncillorAction(input: CouncillorInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const councillor = await createCouncillor({ db: getPrisma(), actor: await getSessionUser(), input });
    revalidatePath("/admin/elus");
    revalidateCouncillor(null);
    return { data: councillor, message: "L'élu est enregistré." };
  });
}

export async function updateCouncillorAction(id: string, input: CouncillorInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const councillor = await updateCouncillor({ db: getPrisma(), actor: await getSessionUser(), id, input });
    revalidatePath("/admin/elus");
    revalidateCouncillor(id);
    return { data: councillor, message: "Les modifications sont enregistrées." };
  });
}

export async function endCouncillorMandateAction(id: string, input: EndMandateInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const councillor = await endCouncillorMandate({ db: getPrisma(), actor: await getSessionUser(), id, input });
    revalidatePath("/admin/elus");
    revalidateCouncillor(id);
    return { data: councillor, message: "La fin du mandat est enregistrée." };
  });
}
