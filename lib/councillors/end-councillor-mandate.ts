import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { endMandateSchema } from "@/lib/validations/councillor";
import { parseInput } from "@/lib/validations/parse";
import { dayOf, isoDay } from "./councillor-fields";

/** Ends a councillor's mandate on a day: they stay in the records, no longer in the roll calls after it. */
export async function endCouncillorMandate(options: { db: Db; actor: SessionUser | null; id: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const { mandateEnd } = parseInput(endMandateSchema, options.input);
  return options.db.$transaction((tx) => endCouncillorMandateInTransaction(tx, actor, { councillorId: options.id, mandateEnd }));
}

/** The core of `endCouncillorMandate`, inside the caller's transaction. */
export async function endCouncillorMandateInTransaction(tx: Tx, actor: Editor, { councillorId, mandateEnd }: { councillorId: string; mandateEnd: string }): Promise<{ id: string }> {
  const councillor = await tx.councillor.findFirst({
    where: { id: councillorId, municipalityId: actor.municipalityId },
    select: { id: true, mandateStart: true, mandateEnd: true },
  });
  if (!councillor) throw new AppError("NOT_FOUND", "Cet élu n'existe pas.");
  if (mandateEnd < isoDay(councillor.mandateStart)) {
    throw new AppError("VALIDATION", "La fin du mandat ne peut précéder son début.", { mandateEnd: [`Le mandat a commencé le ${isoDay(councillor.mandateStart)}.`] });
  }
  await tx.councillor.update({ where: { id: councillor.id }, data: { mandateEnd: dayOf(mandateEnd) } });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "councillor.end-mandate",
    entity: "councillor",
    entityId: councillor.id,
    before: { mandateEnd: councillor.mandateEnd ? isoDay(councillor.mandateEnd) : null },
    after: { mandateEnd },
  });
  return { id: councillor.id };
}
