"use server";

import { revalidatePath } from "next/cache";
import { createUser } from "@/lib/auth/create-user";
import { ADMIN_ROLES, authorize } from "@/lib/auth/roles";
import { runAction } from "@/lib/auth/run-action";
import { getSessionUser } from "@/lib/auth/session";
import { updateUser } from "@/lib/auth/update-user";
import { getPrisma } from "@/lib/db/prisma";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";
import type { ActionResult } from "@/lib/validations/action-result";
import type { UserInput, UserUpdateInput } from "@/lib/validations/user";

export async function createUserAction(input: UserInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    // From the web, an administrator is required (a null actor is the command line's privilege).
    const actor = authorize(await getSessionUser(), ADMIN_ROLES);
    const { slug } = await getCurrentMunicipality();
    const user = await createUser(getPrisma(), { municipalitySlug: slug, actor, input });
    revalidatePath("/admin/utilisateurs");
    return { data: { id: user.id }, message: `Le compte ${user.email} est créé.` };
  });
}

export async function updateUserAction(id: string, input: UserUpdateInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const result = await updateUser({ db: getPrisma(), actor: await getSessionUser(), id, input });
    revalidatePath("/admin/utilisateurs");
    return { data: { id: result.id }, message: result.sessionsEnded ? "Modifications enregistrées ; les sessions ouvertes de ce compte sont closes." : "Modifications enregistrées." };
  });
}
