import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { deliberationSchema } from "@/lib/validations/deliberation";
import { parseInput } from "@/lib/validations/parse";
import { assertDeliberationData, deliberationData, deliberationSnapshot, type DeliberationData } from "./deliberation-fields";
import { assertEditable, lockDeliberation } from "./deliberation-workflow";
import { requireKnown } from "@/lib/publication/known-facts";

const CONTENT_SELECT = {
  number: true,
  year: true,
  sequence: true,
  orderInSitting: true,
  subject: true,
  reportSubject: true,
  rapporteurId: true,
  service: true,
  matterCode: true,
  policyHeading: true,
  report: true,
  proposals: true,
  cosignatoryId: true,
  cosignatoryTitle: true,
} as const;

/** Edits a draft's content; a rectification keeps its number (the version changes, not the number). */
export async function updateDeliberation(options: { db: Db; actor: SessionUser | null; id: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const data = deliberationData(parseInput(deliberationSchema, options.input));
  return options.db.$transaction((tx) => updateDeliberationInTransaction(tx, actor, { deliberationId: options.id, deliberation: data }));
}

/** The core of `updateDeliberation`, inside the caller's transaction. */
export async function updateDeliberationInTransaction(tx: Tx, actor: Editor, { deliberationId, deliberation: data }: { deliberationId: string; deliberation: DeliberationData }): Promise<{ id: string }> {
  const deliberation = await lockDeliberation(tx, actor, deliberationId);
  assertEditable(deliberation);
  // A draft is never archived: its content is all known.
  const before = requireKnown(await tx.deliberation.findUniqueOrThrow({ where: { id: deliberation.id }, select: CONTENT_SELECT }), ["sequence", "matterCode", "report", "proposals"]);
  const content = deliberation.version > 1 ? { ...data, number: before.number, year: before.year, sequence: before.sequence } : data;
  await assertDeliberationData(tx, { municipalityId: actor.municipalityId, sittingStartsAt: deliberation.sitting.startsAt, data: content, excludeNumberOf: before.number });
  await tx.deliberation.update({ where: { id: deliberation.id }, data: content });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "deliberation.update",
    entity: "deliberation",
    entityId: deliberation.id,
    before: { ...before },
    after: deliberationSnapshot(content),
  });
  return { id: deliberation.id };
}
