"use server";

import { revalidatePath } from "next/cache";
import { revalidateCouncillor } from "@/lib/cache/public-pages";
import { runAction } from "@/lib/auth/run-action";
import { getSessionUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { addGroupMembership } from "@/lib/groups/add-group-membership";
import { createPoliticalGroup } from "@/lib/groups/create-political-group";
import { endGroupMembership } from "@/lib/groups/end-group-membership";
import type { ActionResult } from "@/lib/validations/action-result";
import type { EndGroupMembershipInput, GroupMembershipInput, PoliticalGroupInput } from "@/lib/validations/political-group";

// Each action checks the session's role itself (in the use case), whatever the page showed.
// A councillor's group shows on their public page: the councillors' pages are revalidated.

export async function createPoliticalGroupAction(input: PoliticalGroupInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const group = await createPoliticalGroup({ db: getPrisma(), actor: await getSessionUser(), input });
    revalidatePath("/admin/groupes");
    return { data: group, message: "Le groupe est créé." };
  });
}

export async function addGroupMembershipAction(input: GroupMembershipInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const membership = await addGroupMembership({ db: getPrisma(), actor: await getSessionUser(), input });
    revalidatePath("/admin/groupes");
    revalidateCouncillor(input.councillorId);
    return { data: membership, message: "L'élu est ajouté au groupe." };
  });
}

export async function endGroupMembershipAction(id: string, input: EndGroupMembershipInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const membership = await endGroupMembership({ db: getPrisma(), actor: await getSessionUser(), id, input });
    revalidatePath("/admin/groupes");
    revalidateCouncillor(membership.councillorId);
    return { data: { id: membership.id }, message: "La sortie du groupe est enregistrée." };
  });
}
