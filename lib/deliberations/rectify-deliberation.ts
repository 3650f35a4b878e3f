import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { rectifySchema } from "@/lib/validations/deliberation";
import { parseInput } from "@/lib/validations/parse";
import { lockDeliberation, stepTo } from "./deliberation-workflow";

/**
 * Issues a rectification of a published deliberation: a new version, a draft
 * with the same number, content and roll call, linked to the published one,
 * which stays as it is. The clerk corrects it, records the vote and the new
 * receipt, and publishes it; both versions stay public with the history.
 */
export async function rectifyDeliberation(options: { db: Db; actor: SessionUser | null; id: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const { reason } = parseInput(rectifySchema, options.input);
  return options.db.$transaction((tx) => rectifyDeliberationInTransaction(tx, actor, { deliberationId: options.id, reason }));
}

/** The core of `rectifyDeliberation`, inside the caller's transaction. */
export async function rectifyDeliberationInTransaction(tx: Tx, actor: Editor, { deliberationId, reason }: { deliberationId: string; reason: string }): Promise<{ id: string }> {
  const published = await lockDeliberation(tx, actor, deliberationId);
  const status = stepTo(published, "RECTIFY");
  const existing = await tx.deliberation.findFirst({ where: { previousVersionId: published.id }, select: { version: true } });
  if (existing) throw new AppError("CONFLICT", `Une rectification de ${published.number} existe déjà (version ${existing.version}) : complétez-la.`);
  const source = await tx.deliberation.findUniqueOrThrow({
    where: { id: published.id },
    select: {
      sittingId: true, number: true, year: true, sequence: true, version: true, orderInSitting: true, subject: true, reportSubject: true,
      rapporteurId: true, service: true, matterCode: true, policyHeading: true, report: true, proposals: true, cosignatoryId: true,
      cosignatoryTitle: true, isDemo: true,
      attendances: { select: { councillorId: true, status: true, proxyHolderId: true, note: true } },
    },
  });
  const { attendances, version, ...content } = source;
  const rectification = await tx.deliberation.create({
    data: { municipalityId: actor.municipalityId, ...content, version: version + 1, previousVersionId: published.id, rectificationReason: reason, status },
    select: { id: true },
  });
  await tx.attendance.createMany({ data: attendances.map((entry) => ({ municipalityId: actor.municipalityId, deliberationId: rectification.id, ...entry })) });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "deliberation.rectify",
    entity: "deliberation",
    entityId: rectification.id,
    before: { previousVersionId: published.id, version },
    after: { version: version + 1, reason, status },
  });
  return rectification;
}
