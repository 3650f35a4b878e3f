import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import { AgendaItemKind, MinutesStatus, type Db, type Tx } from "@/lib/db/prisma";
import { formatDateFr, localDay, minutesApprovalTitle } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { submitMinutesSchema } from "@/lib/validations/minutes";
import { parseInput } from "@/lib/validations/parse";
import { loadHeldSitting, lockLatestMinutes, requireMinutes } from "./minutes-access";

/**
 * Submits the PV's draft to a later sitting (L2121-15: adopted at the opening
 * of the next one): the PV becomes a "projet soumis", and that sitting's
 * agenda gains the item "Approbation du procès-verbal de la séance du …"
 * (at the end of its agenda; the clerk orders it there).
 */
export async function submitMinutes(options: { db: Db; actor: SessionUser | null; sittingId: string; input: unknown }): Promise<{ id: string; approvingSittingId: string }> {
  const actor = authorizeEditor(options.actor);
  const { approvingSittingId } = parseInput(submitMinutesSchema, options.input);
  return options.db.$transaction((tx) => submitMinutesInTransaction(tx, actor, { sittingId: options.sittingId, approvingSittingId }));
}

export async function submitMinutesInTransaction(tx: Tx, actor: Editor, { sittingId, approvingSittingId }: { sittingId: string; approvingSittingId: string }) {
  const sitting = await loadHeldSitting(tx, actor, sittingId);
  const minutes = requireMinutes(await lockLatestMinutes(tx, sitting.id));
  if (minutes.status !== MinutesStatus.DRAFT) {
    throw new AppError("INVALID_STATE", "Ce procès-verbal n'est plus un projet en cours de rédaction : il a déjà été soumis.");
  }
  const approving = await tx.sitting.findFirst({ where: { id: approvingSittingId, municipalityId: actor.municipalityId }, select: { id: true, startsAt: true } });
  if (!approving) throw new AppError("VALIDATION", "Cette séance n'existe pas.", { approvingSittingId: ["Choisissez une séance de la liste."] });
  if (approving.startsAt <= sitting.startsAt) {
    const message = `Le procès-verbal est soumis à une séance postérieure à celle du ${formatDateFr(sitting.day)}.`;
    throw new AppError("VALIDATION", message, { approvingSittingId: [message] });
  }
  const submittedAt = new Date();
  await tx.minutes.update({ where: { id: minutes.id }, data: { status: MinutesStatus.SUBMITTED, approvingSittingId: approving.id, submittedAt }, select: { id: true } });

  // One approval item per PV and approving sitting: a draft taken back and submitted again finds its item.
  const existing = await tx.agendaItem.findFirst({ where: { sittingId: approving.id, minutesSittingId: sitting.id }, select: { id: true } });
  const last = await tx.agendaItem.aggregate({ where: { sittingId: approving.id }, _max: { position: true } });
  const item = existing ?? (await tx.agendaItem.create({
    data: {
      municipalityId: actor.municipalityId,
      sittingId: approving.id,
      position: (last._max.position ?? 0) + 1,
      kind: AgendaItemKind.MINUTES_APPROVAL,
      title: minutesApprovalTitle(sitting.startsAt, sitting.zone),
      minutesSittingId: sitting.id,
    },
    select: { id: true },
  }));
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "minutes.submit",
    entity: "minutes",
    entityId: minutes.id,
    before: { status: minutes.status },
    after: { status: MinutesStatus.SUBMITTED, approvingSittingId: approving.id, approvingSittingDay: localDay(approving.startsAt, sitting.zone), agendaItemId: item.id },
  });
  return { id: minutes.id, approvingSittingId: approving.id };
}

/** Takes a submitted draft back before its adoption (to amend it or submit it elsewhere): its approval item leaves that agenda. */
export async function withdrawMinutesSubmission(options: { db: Db; actor: SessionUser | null; sittingId: string }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  return options.db.$transaction((tx) => withdrawMinutesSubmissionInTransaction(tx, actor, { sittingId: options.sittingId }));
}

export async function withdrawMinutesSubmissionInTransaction(tx: Tx, actor: Editor, { sittingId }: { sittingId: string }): Promise<{ id: string }> {
  const sitting = await loadHeldSitting(tx, actor, sittingId);
  const minutes = requireMinutes(await lockLatestMinutes(tx, sitting.id));
  if (minutes.status !== MinutesStatus.SUBMITTED || !minutes.approvingSittingId) {
    throw new AppError("INVALID_STATE", "Seul un projet soumis et pas encore adopté peut être retiré.");
  }
  await tx.minutes.update({ where: { id: minutes.id }, data: { status: MinutesStatus.DRAFT, approvingSittingId: null, submittedAt: null }, select: { id: true } });
  const removed = await tx.agendaItem.deleteMany({ where: { sittingId: minutes.approvingSittingId, minutesSittingId: sitting.id, kind: AgendaItemKind.MINUTES_APPROVAL } });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "minutes.withdraw",
    entity: "minutes",
    entityId: minutes.id,
    before: { status: minutes.status, approvingSittingId: minutes.approvingSittingId },
    after: { status: MinutesStatus.DRAFT, agendaItemsRemoved: removed.count },
  });
  return { id: minutes.id };
}
