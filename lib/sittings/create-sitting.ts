import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { parseInput } from "@/lib/validations/parse";
import { sittingSchema, type SittingData } from "@/lib/validations/sitting";
import { assertListPostedInThePast, assertSittingOfficers, sittingData, sittingSnapshot } from "./sitting-fields";

export async function createSitting(options: { db: Db; actor: SessionUser | null; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const input = parseInput(sittingSchema, options.input);
  return options.db.$transaction((tx) => createSittingInTransaction(tx, actor, { sitting: input }));
}

/** The core of `createSitting`, inside the caller's transaction. */
export async function createSittingInTransaction(tx: Tx, actor: Editor, { sitting: input }: { sitting: SittingData }): Promise<{ id: string }> {
  const zone = await timeZoneOf(tx, actor.municipalityId);
  const data = sittingData(input, zone);
  assertListPostedInThePast(input.listPostedAt, zone);
  await assertSittingOfficers(tx, actor.municipalityId, input);
  const sitting = await tx.sitting.create({ data: { municipalityId: actor.municipalityId, ...data }, select: { id: true, membersInOffice: true } });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "sitting.create",
    entity: "sitting",
    entityId: sitting.id,
    after: sittingSnapshot({ ...data, membersInOffice: sitting.membersInOffice }, zone),
  });
  return { id: sitting.id };
}
