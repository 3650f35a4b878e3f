"use server";

import { revalidatePath } from "next/cache";
import { publicPathsOfSitting, revalidateSittingChange } from "@/lib/cache/public-pages";
import { runAction } from "@/lib/auth/run-action";
import { getSessionUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { setFlashMessage } from "@/lib/http/flash-message";
import { cancelSitting } from "@/lib/sittings/cancel-sitting";
import { createSitting } from "@/lib/sittings/create-sitting";
import { recordListPosting } from "@/lib/sittings/record-list-posting";
import { recordSittingRollCall } from "@/lib/sittings/record-sitting-roll-call";
import { updateSitting } from "@/lib/sittings/update-sitting";
import type { ActionResult } from "@/lib/validations/action-result";
import type { SittingRollCallInput } from "@/lib/validations/deliberation";
import type { ListPostingInput, SittingInput } from "@/lib/validations/sitting";
import type { SittingCancellationInput } from "@/lib/validations/sitting-cancellation";
import { countOf } from "@/lib/domain/plural";
import { addAgendaItem } from "@/lib/agenda/add-agenda-item";
import { moveAgendaItem } from "@/lib/agenda/move-agenda-item";
import { removeAgendaItem } from "@/lib/agenda/remove-agenda-item";
import { updateAgendaItem } from "@/lib/agenda/update-agenda-item";
import { mailerFromEnv } from "@/lib/convocations/mailer";
import { sendConvocation } from "@/lib/convocations/send-convocation";
import type { AgendaItemEditInput, AgendaItemInput, ConvocationSendingInput } from "@/lib/validations/agenda";

export async function createSittingAction(input: SittingInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const sitting = await createSitting({ db: getPrisma(), actor: await getSessionUser(), input });
    revalidatePath("/admin/seances");
    await setFlashMessage("La séance est créée : ajoutez ses délibérations.");
    return { data: sitting, message: "La séance est créée." };
  });
}

export async function updateSittingAction(id: string, input: SittingInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    // Read before the change: a new date moves the sitting's public address.
    const publicPathsBefore = await publicPathsOfSitting(id);
    const sitting = await updateSitting({ db: getPrisma(), actor: await getSessionUser(), id, input });
    revalidatePath(`/admin/seances/${id}`);
    await revalidateSittingChange(publicPathsBefore, id);
    return { data: sitting, message: "Les modifications sont enregistrées." };
  });
}

export async function recordListPostingAction(id: string, input: ListPostingInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const sitting = await recordListPosting({ db: getPrisma(), actor: await getSessionUser(), sittingId: id, input });
    revalidatePath(`/admin/seances/${id}`);
    await revalidateSittingChange([], id);
    return { data: sitting, message: input.listPostedAt ? "La date d'affichage de la liste est enregistrée." : "La date d'affichage de la liste est effacée." };
  });
}

export async function cancelSittingAction(id: string, input: SittingCancellationInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const sitting = await cancelSitting({ db: getPrisma(), actor: await getSessionUser(), sittingId: id, input });
    revalidatePath(`/admin/seances/${id}`);
    await revalidateSittingChange([], id);
    return { data: sitting, message: "La séance est annulée : sa page publique et le calendrier l'indiquent." };
  });
}

export async function recordSittingRollCallAction(sittingId: string, input: SittingRollCallInput): Promise<ActionResult<{ id: string; updated: number }>> {
  return runAction(async () => {
    const result = await recordSittingRollCall({ db: getPrisma(), actor: await getSessionUser(), sittingId, input });
    revalidatePath(`/admin/seances/${sittingId}`, "layout");
    revalidatePath("/admin/deliberations", "layout");
    return {
      data: result,
      message: result.updated
        ? `L'appel est enregistré : la liste de présence de ${countOf(result.updated, "délibération")} est à jour.`
        : "L'appel est enregistré : aucune liste de présence n'a changé.",
    };
  });
}

export async function addAgendaItemAction(sittingId: string, input: AgendaItemInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const item = await addAgendaItem({ db: getPrisma(), actor: await getSessionUser(), sittingId, input });
    revalidatePath(`/admin/seances/${sittingId}`);
    await revalidateSittingChange([], sittingId);
    return { data: { id: item.id }, message: item.deliberationId && !input.deliberationId ? "Le point est ajouté, avec son projet de délibération." : "Le point est ajouté à l'ordre du jour." };
  });
}

export async function updateAgendaItemAction(sittingId: string, itemId: string, input: AgendaItemEditInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const item = await updateAgendaItem({ db: getPrisma(), actor: await getSessionUser(), itemId, input });
    revalidatePath(`/admin/seances/${sittingId}`);
    await revalidateSittingChange([], sittingId);
    return { data: item, message: "Le point est enregistré." };
  });
}

export async function moveAgendaItemAction(sittingId: string, itemId: string, direction: "up" | "down"): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const item = await moveAgendaItem({ db: getPrisma(), actor: await getSessionUser(), itemId, direction });
    revalidatePath(`/admin/seances/${sittingId}`);
    await revalidateSittingChange([], sittingId);
    return { data: { id: item.id }, message: `Le point est désormais le n° ${item.position}.` };
  });
}

export async function removeAgendaItemAction(sittingId: string, itemId: string): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const item = await removeAgendaItem({ db: getPrisma(), actor: await getSessionUser(), itemId });
    revalidatePath(`/admin/seances/${sittingId}`);
    await revalidateSittingChange([], sittingId);
    return { data: item, message: "Le point est retiré de l'ordre du jour." };
  });
}

export async function sendConvocationAction(sittingId: string, input: ConvocationSendingInput): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const result = await sendConvocation({ db: getPrisma(), actor: await getSessionUser(), sittingId, input, mailer: mailerFromEnv() });
    revalidatePath(`/admin/seances/${sittingId}`);
    revalidatePath("/admin");
    await revalidateSittingChange([], sittingId);
    const failed = result.failed.length ? ` Échec de l'envoi par courriel pour : ${result.failed.join(", ")} (à convoquer par un autre moyen).` : "";
    return {
      data: { id: sittingId },
      message: `La convocation est enregistrée : ${countOf(result.emailed, "envoi")} par courriel, ${countOf(result.paper, "envoi")} sur papier (code de vérification ${result.verificationCode}).${failed}`,
    };
  });
}
