"use server";

import { revalidatePath } from "next/cache";
import { revalidateSittingChange } from "@/lib/cache/public-pages";
import { runAction } from "@/lib/auth/run-action";
import { getSessionUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { getMinutesExtractOfSitting } from "@/lib/extracts/get-minutes-extract";
import { adoptMinutes } from "@/lib/minutes/adopt-minutes";
import { correctMinutes } from "@/lib/minutes/correct-minutes";
import { publishMinutes } from "@/lib/minutes/publish-minutes";
import { saveMinutes } from "@/lib/minutes/save-minutes";
import { submitMinutes, withdrawMinutesSubmission } from "@/lib/minutes/submit-minutes";
import { getPublicSittingSlug } from "@/lib/sittings/public-sitting-slug";
import type { ActionResult } from "@/lib/validations/action-result";

// The PV's steps from the back office. Each refreshes the PV page and the
// sitting's public pages (its state shows there); a submission also changes
// the approving sitting's agenda.

async function refresh(sittingId: string, ...others: (string | null)[]): Promise<void> {
  revalidatePath(`/admin/seances/${sittingId}`, "layout");
  for (const id of [sittingId, ...others]) if (id) await revalidateSittingChange([], id);
}

export async function saveMinutesAction(sittingId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const saved = await saveMinutes({ db: getPrisma(), actor: await getSessionUser(), sittingId, input });
    await refresh(sittingId);
    return { data: saved, message: "Le projet de procès-verbal est enregistré." };
  });
}

export async function submitMinutesAction(sittingId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const submitted = await submitMinutes({ db: getPrisma(), actor: await getSessionUser(), sittingId, input });
    await refresh(sittingId, submitted.approvingSittingId);
    revalidatePath(`/admin/seances/${submitted.approvingSittingId}`);
    return { data: { id: submitted.id }, message: "Le procès-verbal est soumis : son approbation est inscrite à l'ordre du jour de cette séance." };
  });
}

export async function withdrawMinutesAction(sittingId: string): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const withdrawn = await withdrawMinutesSubmission({ db: getPrisma(), actor: await getSessionUser(), sittingId });
    await refresh(sittingId);
    return { data: withdrawn, message: "La soumission est retirée : le procès-verbal est de nouveau un projet." };
  });
}

export async function adoptMinutesAction(sittingId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const adopted = await adoptMinutes({ db: getPrisma(), actor: await getSessionUser(), sittingId, input });
    await refresh(sittingId);
    return { data: { id: adopted.id }, message: "L'adoption du procès-verbal est enregistrée : publiez-le dans la semaine." };
  });
}

export async function publishMinutesAction(sittingId: string): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const db = getPrisma();
    const actor = await getSessionUser();
    const published = await publishMinutes({ db, actor, sittingId });
    // Signed now, so that the first citizen to ask gets the stored file; issued on first download otherwise.
    const sitting = await db.sitting.findUniqueOrThrow({ where: { id: sittingId }, select: { startsAt: true, municipalityId: true } });
    const slug = await getPublicSittingSlug({ municipalityId: sitting.municipalityId, sittingId, startsAt: sitting.startsAt });
    if (slug) await getMinutesExtractOfSitting({ municipalityId: sitting.municipalityId, sittingId, slug }).catch((error: unknown) => console.error(error));
    await refresh(sittingId);
    return { data: { id: published.id }, message: "Le procès-verbal est publié et signé." };
  });
}

export async function correctMinutesAction(sittingId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const corrected = await correctMinutes({ db: getPrisma(), actor: await getSessionUser(), sittingId, input });
    await refresh(sittingId);
    return { data: { id: corrected.id }, message: `La version ${corrected.version} du procès-verbal est créée : corrigez-la, puis soumettez-la au conseil.` };
  });
}
