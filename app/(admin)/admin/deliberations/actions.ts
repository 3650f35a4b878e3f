"use server";

import { revalidatePath } from "next/cache";
import { revalidatePublication } from "@/lib/cache/public-pages";
import { runAction } from "@/lib/auth/run-action";
import { getSessionUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { setFlashMessage } from "@/lib/http/flash-message";
import { changeDeliberationStatus, type StatusChange } from "@/lib/deliberations/change-deliberation-status";
import { createDeliberation } from "@/lib/deliberations/create-deliberation";
import { publishDeliberation } from "@/lib/deliberations/publish-deliberation";
import { removeAnnex } from "@/lib/deliberations/remove-annex";
import { recordAttendance } from "@/lib/deliberations/record-attendance";
import { copyPreviousVote } from "@/lib/deliberations/copy-previous-vote";
import { correctPrefectureReceipt, recordPrefectureReceipt } from "@/lib/deliberations/record-prefecture-receipt";
import { recordVote } from "@/lib/deliberations/record-vote";
import { rectifyDeliberation } from "@/lib/deliberations/rectify-deliberation";
import { updateDeliberation } from "@/lib/deliberations/update-deliberation";
import type { ActionResult } from "@/lib/validations/action-result";
import type { AttendanceInput, DeliberationInput, PublishInput, ReceiptInput, RectifyInput, VoteInput } from "@/lib/validations/deliberation";

// Every action reads the session and hands it to the use case, which checks the role.

type Result = Promise<ActionResult<{ id: string }>>;

// Until it is published, nothing of a deliberation is public: the back office alone is rendered again.
function refresh(id: string) {
  revalidatePath(`/admin/deliberations/${id}`);
  revalidatePath("/admin/seances", "layout");
}

export async function createDeliberationAction(sittingId: string, input: DeliberationInput): Result {
  return runAction(async () => {
    const deliberation = await createDeliberation({ db: getPrisma(), actor: await getSessionUser(), sittingId, input });
    refresh(deliberation.id);
    return { data: deliberation, message: "Le projet de délibération est enregistré." };
  });
}

export async function updateDeliberationAction(id: string, input: DeliberationInput): Result {
  return runAction(async () => {
    const deliberation = await updateDeliberation({ db: getPrisma(), actor: await getSessionUser(), id, input });
    refresh(id);
    return { data: deliberation, message: "Le contenu est enregistré." };
  });
}

export async function recordAttendanceAction(id: string, input: AttendanceInput): Result {
  return runAction(async () => {
    const deliberation = await recordAttendance({ db: getPrisma(), actor: await getSessionUser(), id, input });
    refresh(id);
    return { data: deliberation, message: "La liste de présence est enregistrée." };
  });
}

export async function recordVoteAction(id: string, input: VoteInput): Result {
  return runAction(async () => {
    const vote = await recordVote({ db: getPrisma(), actor: await getSessionUser(), id, input });
    refresh(id);
    await setFlashMessage(vote.outcome === "ADOPTED" ? "Le vote est enregistré : adopté." : "Le vote est enregistré : rejeté.");
    return { data: vote, message: vote.outcome === "ADOPTED" ? "Le vote est enregistré : adopté." : "Le vote est enregistré : rejeté." };
  });
}

export async function recordReceiptAction(id: string, input: ReceiptInput): Result {
  return runAction(async () => {
    const deliberation = await recordPrefectureReceipt({ db: getPrisma(), actor: await getSessionUser(), id, input });
    refresh(id);
    await setFlashMessage("L'accusé de réception est enregistré : la délibération est transmise.");
    return { data: deliberation, message: "L'accusé de réception est enregistré : la délibération est transmise." };
  });
}

export async function correctReceiptAction(id: string, input: ReceiptInput): Result {
  return runAction(async () => {
    const deliberation = await correctPrefectureReceipt({ db: getPrisma(), actor: await getSessionUser(), id, input });
    refresh(id);
    return { data: deliberation, message: "L'accusé de réception est corrigé." };
  });
}

export async function copyPreviousVoteAction(id: string): Result {
  return runAction(async () => {
    const vote = await copyPreviousVote({ db: getPrisma(), actor: await getSessionUser(), id });
    refresh(id);
    await setFlashMessage(vote.outcome === "ADOPTED" ? "Le vote de la version précédente est repris : adopté." : "Le vote de la version précédente est repris : rejeté.");
    return { data: vote, message: vote.outcome === "ADOPTED" ? "Le vote de la version précédente est repris : adopté." : "Le vote de la version précédente est repris : rejeté." };
  });
}

export async function publishDeliberationAction(id: string, input: PublishInput): Result {
  return runAction(async () => {
    const deliberation = await publishDeliberation({ db: getPrisma(), actor: await getSessionUser(), id, input });
    refresh(id);
    await revalidatePublication(id);
    await setFlashMessage(`La délibération ${deliberation.number} est publiée.`);
    return { data: deliberation, message: `La délibération ${deliberation.number} est publiée.` };
  });
}

export async function rectifyDeliberationAction(id: string, input: RectifyInput): Result {
  return runAction(async () => {
    const rectification = await rectifyDeliberation({ db: getPrisma(), actor: await getSessionUser(), id, input });
    refresh(id);
    await setFlashMessage("La rectification est créée : complétez-la.");
    return { data: rectification, message: "La rectification est créée : complétez-la." };
  });
}

export async function changeDeliberationStatusAction(id: string, change: StatusChange): Result {
  return runAction(async () => {
    const deliberation = await changeDeliberationStatus({ db: getPrisma(), actor: await getSessionUser(), id, change });
    refresh(id);
    return { data: deliberation, message: "L'état de la délibération est modifié." };
  });
}

export async function removeAnnexAction(id: string, annexId: string): Result {
  return runAction(async () => {
    const deliberation = await removeAnnex({ db: getPrisma(), actor: await getSessionUser(), id, annexId });
    refresh(id);
    return { data: deliberation, message: "L'annexe est retirée." };
  });
}
