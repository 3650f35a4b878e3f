"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/run-action";
import { getSessionUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { createSitting } from "@/lib/sittings/create-sitting";
import { updateSitting } from "@/lib/sittings/update-sitting";
import type { ActionResult } from "@/lib/validations/action-result";
import type { SittingInput } from "@/lib/validations/sitting";

export async function createSittingAction(input: SittingInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const sitting = await createSitting({ db: getPrisma(), actor: await getSessionUser(), input });
    revalidatePath("/admin/seances");
    return { data: sitting, message: "La séance est enregistrée." };
  });
}

export async function updateSittingAction(id: string, input: SittingInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const sitting = await updateSitting({ db: getPrisma(), actor: await getSessionUser(), id, input });
    revalidatePath(`/admin/seances/${id}`);
    return { data: sitting, message: "Les modifications sont enregistrées." };
  });
}
