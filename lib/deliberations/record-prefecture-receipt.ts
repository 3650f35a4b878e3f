import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import { dayOf } from "@/lib/councillors/council-days";
import type { Db, Tx } from "@/lib/db/prisma";
import { checkActesId, requireActesId } from "@/lib/domain/actes";
import { toParisCalendarDate } from "@/lib/domain/paris-calendar";
import { AppError } from "@/lib/errors";
import { receiptSchema, type ReceiptData } from "@/lib/validations/deliberation";
import { parseInput } from "@/lib/validations/parse";
import { lockDeliberation, stepTo } from "./deliberation-workflow";

/**
 * Records the prefecture's acknowledgement of receipt of an adopted
 * deliberation: the ACTES identifier must be the municipality's (department,
 * SIREN), of the sitting's day, for a deliberation (DE). The deliberation
 * becomes transmitted.
 */
export async function recordPrefectureReceipt(options: { db: Db; actor: SessionUser | null; id: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const input = parseInput(receiptSchema, options.input);
  return options.db.$transaction((tx) => recordPrefectureReceiptInTransaction(tx, actor, { deliberationId: options.id, receipt: input }));
}

/** The core of `recordPrefectureReceipt`, inside the caller's transaction. */
export async function recordPrefectureReceiptInTransaction(tx: Tx, actor: Editor, { deliberationId, receipt: input }: { deliberationId: string; receipt: ReceiptData }): Promise<{ id: string }> {
  const actesId = requireActesId(input.actesId);
  const deliberation = await lockDeliberation(tx, actor, deliberationId);
  const status = stepTo(deliberation, "TRANSMIT");
  const municipality = await tx.municipality.findUniqueOrThrow({ where: { id: actor.municipalityId }, select: { departmentCode: true, siren: true } });
  const issues = checkActesId(actesId, { ...municipality, sittingDate: deliberation.sitting.startsAt, nature: "DE" });
  const sittingDay = toParisCalendarDate(deliberation.sitting.startsAt);
  const errors: Record<string, string[]> = {};
  if (issues.length) errors.actesId = issues.map((issue) => issue.message);
  if (input.receivedAt < sittingDay) errors.receivedAt = ["La préfecture ne peut avoir reçu l'acte avant la séance."];
  if (input.signedAt < sittingDay) errors.signedAt = ["L'acte ne peut avoir été signé avant la séance."];
  if (input.postedAt && input.postedAt < sittingDay) errors.postedAt = ["Le compte rendu ne peut avoir été affiché avant la séance."];
  const taken = await tx.prefectureReceipt.findFirst({ where: { municipalityId: actor.municipalityId, actesId: input.actesId.trim() }, select: { deliberationId: true } });
  if (taken) errors.actesId = [...(errors.actesId ?? []), "Cet identifiant ACTES est déjà enregistré pour une autre délibération."];
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "L'accusé de réception contient des erreurs : corrigez les champs signalés.", errors);

  const receipt = { actesId: input.actesId.trim(), receivedAt: dayOf(input.receivedAt), signedAt: dayOf(input.signedAt) };
  await tx.prefectureReceipt.create({ data: { municipalityId: actor.municipalityId, deliberationId: deliberation.id, ...receipt } });
  await tx.deliberation.update({
    where: { id: deliberation.id },
    data: { status, transmittedAt: receipt.receivedAt, signedAt: receipt.signedAt, postedAt: input.postedAt ? dayOf(input.postedAt) : null },
  });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "deliberation.transmit",
    entity: "deliberation",
    entityId: deliberation.id,
    before: { status: deliberation.status },
    after: { status, actesId: receipt.actesId, receivedAt: input.receivedAt, signedAt: input.signedAt, postedAt: input.postedAt || null },
  });
  return { id: deliberation.id };
}
