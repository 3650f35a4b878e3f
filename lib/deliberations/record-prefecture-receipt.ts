import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { checkActesId, requireActesId } from "@/lib/domain/actes";
import { dateColumn, localDay } from "@/lib/domain/calendar";
import { futureDayErrors } from "@/lib/domain/past-events";
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
  const deliberation = await lockDeliberation(tx, actor, deliberationId);
  const status = stepTo(deliberation, "TRANSMIT");
  const receipt = await checkReceipt(tx, actor, deliberation, input);
  await tx.prefectureReceipt.create({ data: { municipalityId: actor.municipalityId, deliberationId: deliberation.id, ...receipt } });
  await tx.deliberation.update({
    where: { id: deliberation.id },
    data: { status, transmittedAt: receipt.receivedAt, signedAt: receipt.signedAt, postedAt: input.postedAt ? dateColumn(input.postedAt) : null },
  });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "deliberation.transmit",
    entity: "deliberation",
    entityId: deliberation.id,
    before: { status: deliberation.status },
    after: { status, ...receiptSnapshot(input) },
  });
  return { id: deliberation.id };
}

/**
 * Corrects the receipt of a transmitted deliberation (a typo in the ACTES
 * identifier, a wrong reception, signature or posting day), until it is
 * published: the same checks as when it was recorded, the old and new values
 * in the audit trail.
 */
export async function correctPrefectureReceipt(options: { db: Db; actor: SessionUser | null; id: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const input = parseInput(receiptSchema, options.input);
  return options.db.$transaction((tx) => correctPrefectureReceiptInTransaction(tx, actor, { deliberationId: options.id, receipt: input }));
}

/** The core of `correctPrefectureReceipt`, inside the caller's transaction. */
export async function correctPrefectureReceiptInTransaction(tx: Tx, actor: Editor, { deliberationId, receipt: input }: { deliberationId: string; receipt: ReceiptData }): Promise<{ id: string }> {
  const deliberation = await lockDeliberation(tx, actor, deliberationId);
  if (deliberation.status !== "TRANSMITTED") {
    throw new AppError(
      "INVALID_STATE",
      deliberation.status === "PUBLISHED"
        ? "Cette délibération est publiée : son accusé de réception ne peut plus être corrigé. Émettez une rectification."
        : "Aucun accusé de réception n'est enregistré pour cette délibération : enregistrez-le.",
    );
  }
  const before = await tx.prefectureReceipt.findUniqueOrThrow({
    where: { municipalityId_deliberationId: { municipalityId: actor.municipalityId, deliberationId: deliberation.id } },
    select: { actesId: true, receivedAt: true, signedAt: true, deliberation: { select: { postedAt: true } } },
  });
  const receipt = await checkReceipt(tx, actor, deliberation, input);
  await tx.prefectureReceipt.update({ where: { municipalityId_deliberationId: { municipalityId: actor.municipalityId, deliberationId: deliberation.id } }, data: receipt });
  await tx.deliberation.update({
    where: { id: deliberation.id },
    data: { transmittedAt: receipt.receivedAt, signedAt: receipt.signedAt, postedAt: input.postedAt ? dateColumn(input.postedAt) : null },
  });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "deliberation.receipt-correct",
    entity: "deliberation",
    entityId: deliberation.id,
    before: {
      actesId: before.actesId,
      receivedAt: before.receivedAt?.toISOString().slice(0, 10) ?? null,
      signedAt: before.signedAt?.toISOString().slice(0, 10) ?? null,
      postedAt: before.deliberation.postedAt?.toISOString().slice(0, 10) ?? null,
    },
    after: receiptSnapshot(input),
  });
  return { id: deliberation.id };
}

function receiptSnapshot(input: ReceiptData) {
  return { actesId: input.actesId.trim(), receivedAt: input.receivedAt, signedAt: input.signedAt, postedAt: input.postedAt || null };
}

/**
 * The receipt's rules: an identifier of the municipality and of the sitting's
 * day, not already another deliberation's (the versions of this one share
 * it); days from the sitting to today. The receipt's columns, or
 * AppError("VALIDATION") with every field's reasons.
 */
async function checkReceipt(
  tx: Tx,
  actor: Editor,
  deliberation: { id: string; number: string; sitting: { startsAt: Date } },
  input: ReceiptData,
): Promise<{ actesId: string; receivedAt: Date; signedAt: Date }> {
  const actesId = requireActesId(input.actesId);
  const municipality = await tx.municipality.findUniqueOrThrow({ where: { id: actor.municipalityId }, select: { departmentCode: true, siren: true, timeZone: true } });
  const issues = checkActesId(actesId, { ...municipality, sittingDate: deliberation.sitting.startsAt, nature: "DE" });
  const sittingDay = localDay(deliberation.sitting.startsAt, municipality.timeZone);
  const errors: Record<string, string[]> = {};
  const add = (field: string, messages: string[]) => {
    errors[field] = [...(errors[field] ?? []), ...messages];
  };
  if (issues.length) add("actesId", issues.map((issue) => issue.message));
  if (input.receivedAt < sittingDay) add("receivedAt", ["La préfecture ne peut avoir reçu l'acte avant la séance."]);
  if (input.signedAt < sittingDay) add("signedAt", ["L'acte ne peut avoir été signé avant la séance."]);
  if (input.postedAt && input.postedAt < sittingDay) add("postedAt", ["Le compte rendu ne peut avoir été affiché avant la séance."]);
  for (const [field, messages] of Object.entries(futureDayErrors(input, localDay(new Date(), municipality.timeZone)))) add(field, messages);
  // The act this one rectifies (same number, an earlier version) is not "another deliberation".
  const taken = await tx.prefectureReceipt.findFirst({
    where: { municipalityId: actor.municipalityId, actesId: input.actesId.trim(), deliberation: { number: { not: deliberation.number } } },
    select: { deliberation: { select: { number: true } } },
  });
  if (taken) add("actesId", [`Cet identifiant ACTES est déjà enregistré pour une autre délibération (${taken.deliberation.number}).`]);
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "L'accusé de réception contient des erreurs : corrigez les champs signalés.", errors);
  return { actesId: input.actesId.trim(), receivedAt: dateColumn(input.receivedAt), signedAt: dateColumn(input.signedAt) };
}
