import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import { MinutesStatus, type Db, type Tx } from "@/lib/db/prisma";
import { checkAdoptionVote, dateColumn, formatDateFr, localDay } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { adoptMinutesSchema } from "@/lib/validations/minutes";
import { parseInput } from "@/lib/validations/parse";
import type { z } from "zod";
import { loadHeldSitting, lockLatestMinutes, requireMinutes } from "./minutes-access";

export type AdoptionInput = z.output<typeof adoptMinutesSchema>;

/**
 * Records the PV's adoption at the sitting it was submitted to, on that
 * sitting's day (the database checks the day, RG034), with the vote and the
 * members' observations. The approving sitting must have been held.
 */
export async function adoptMinutes(options: { db: Db; actor: SessionUser | null; sittingId: string; input: unknown }): Promise<{ id: string; adoptedAt: string }> {
  const actor = authorizeEditor(options.actor);
  const adoption = parseInput(adoptMinutesSchema, options.input);
  return options.db.$transaction((tx) => adoptMinutesInTransaction(tx, actor, { sittingId: options.sittingId, adoption }));
}

export async function adoptMinutesInTransaction(tx: Tx, actor: Editor, { sittingId, adoption }: { sittingId: string; adoption: AdoptionInput }) {
  const sitting = await loadHeldSitting(tx, actor, sittingId);
  const minutes = requireMinutes(await lockLatestMinutes(tx, sitting.id));
  if (minutes.status !== MinutesStatus.SUBMITTED || !minutes.approvingSittingId) {
    throw new AppError(
      "INVALID_STATE",
      minutes.status === MinutesStatus.DRAFT
        ? "Ce procès-verbal n'a pas été soumis à une séance : soumettez-le d'abord à la séance qui l'adoptera."
        : "Ce procès-verbal est déjà adopté.",
    );
  }
  const refusal = checkAdoptionVote({ votesFor: adoption.votesFor, votesAgainst: adoption.votesAgainst, abstentions: adoption.abstentions });
  if (refusal) throw new AppError("VALIDATION", refusal, { votesFor: [refusal] });
  const approving = await tx.sitting.findUniqueOrThrow({ where: { id: minutes.approvingSittingId }, select: { startsAt: true } });
  const adoptedAt = localDay(approving.startsAt, sitting.zone);
  if (adoptedAt > localDay(new Date(), sitting.zone)) {
    throw new AppError("INVALID_STATE", `La séance du ${formatDateFr(adoptedAt)} n'a pas encore eu lieu : l'adoption s'enregistre le jour de cette séance ou après.`);
  }
  const data = {
    status: MinutesStatus.ADOPTED,
    adoptedAt: dateColumn(adoptedAt),
    adoptionVotesFor: adoption.votesFor,
    adoptionVotesAgainst: adoption.votesAgainst,
    adoptionAbstentions: adoption.abstentions,
    adoptionObservations: adoption.observations,
  };
  await tx.minutes.update({ where: { id: minutes.id }, data, select: { id: true } });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "minutes.adopt",
    entity: "minutes",
    entityId: minutes.id,
    before: { status: minutes.status },
    after: { ...data, adoptedAt },
  });
  return { id: minutes.id, adoptedAt };
}
