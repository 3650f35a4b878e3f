import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { isoDay } from "@/lib/domain/calendar";
import { formatDateFr } from "@/lib/domain/format";
import { AppError } from "@/lib/errors";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { parseInput } from "@/lib/validations/parse";
import { sittingSchema, type SittingData } from "@/lib/validations/sitting";
import { SITTING_SELECT, assertListPostedInThePast, assertSittingOfficers, sittingData, sittingSnapshot } from "./sitting-fields";
import { requireKnown } from "@/lib/publication/known-facts";

/** Edits a sitting; refused once one of its deliberations is published (the published act names it as it was). */
export async function updateSitting(options: { db: Db; actor: SessionUser | null; id: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const input = parseInput(sittingSchema, options.input);
  return options.db.$transaction((tx) => updateSittingInTransaction(tx, actor, { sittingId: options.id, sitting: input }));
}

/** The core of `updateSitting`, inside the caller's transaction. */
export async function updateSittingInTransaction(tx: Tx, actor: Editor, { sittingId, sitting: input }: { sittingId: string; sitting: SittingData }): Promise<{ id: string }> {
  const zone = await timeZoneOf(tx, actor.municipalityId);
  const found = await tx.sitting.findFirst({ where: { id: sittingId, municipalityId: actor.municipalityId }, select: SITTING_SELECT });
  if (!found) throw new AppError("NOT_FOUND", "Cette séance n'existe pas.");
  const before = requireKnown(found, ["place", "convenedById", "presidentId", "secretaryId"]);
  const data = sittingData(input, zone);
  // Once convened, the date is that of the latest sending (the database keeps it so), not one typed.
  if (await tx.convocationSending.count({ where: { sittingId: before.id } })) {
    const convened = isoDay(before.convocationDate);
    if (input.convocationDate && input.convocationDate !== convened) {
      const message = `La séance est convoquée : sa date de convocation est celle du dernier envoi (${formatDateFr(convened)}), elle ne se saisit pas.`;
      throw new AppError("VALIDATION", message, { convocationDate: [message] });
    }
    data.convocationDate = before.convocationDate;
  }
  const published = await tx.deliberation.count({ where: { sittingId: before.id, status: "PUBLISHED" } });
  if (published) {
    throw new AppError("INVALID_STATE", "Cette séance a des délibérations publiées : elle ne peut plus être modifiée. Rectifiez la délibération concernée.");
  }
  assertListPostedInThePast(input.listPostedAt, zone);
  await assertSittingOfficers(tx, actor.municipalityId, input);
  await tx.sitting.update({ where: { id: before.id }, data });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "sitting.update",
    entity: "sitting",
    entityId: before.id,
    before: sittingSnapshot(before, zone),
    after: sittingSnapshot(data, zone),
  });
  return { id: before.id };
}
