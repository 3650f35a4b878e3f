import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import { MinutesStatus, type Db, type Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { minutesTextsSchema } from "@/lib/validations/minutes";
import { parseInput } from "@/lib/validations/parse";
import type { z } from "zod";
import { readItemDiscussions } from "./minutes-items";
import { loadHeldSitting, lockLatestMinutes } from "./minutes-access";

export type MinutesTextsInput = z.output<typeof minutesTextsSchema>;

/**
 * Saves the clerk's part of the PV (the substance of the discussions at the
 * opening and on each item, the ballot requests, the urgency ruling): starts
 * the PV's draft on first save. A submitted draft may still be amended before
 * its adoption; an adopted or published PV may not (a published one changes
 * only by a new version).
 */
export async function saveMinutes(options: { db: Db; actor: SessionUser | null; sittingId: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const texts = parseInput(minutesTextsSchema, options.input);
  return options.db.$transaction((tx) => saveMinutesInTransaction(tx, actor, { sittingId: options.sittingId, texts }));
}

export async function saveMinutesInTransaction(tx: Tx, actor: Editor, { sittingId, texts }: { sittingId: string; texts: MinutesTextsInput }): Promise<{ id: string }> {
  const sitting = await loadHeldSitting(tx, actor, sittingId);
  const latest = await lockLatestMinutes(tx, sitting.id);
  const data = { ...texts, itemDiscussions: readItemDiscussions(texts.itemDiscussions) };
  if (latest && latest.status !== MinutesStatus.DRAFT && latest.status !== MinutesStatus.SUBMITTED) {
    throw new AppError(
      "INVALID_STATE",
      latest.status === MinutesStatus.PUBLISHED
        ? "Ce procès-verbal est publié : il ne peut plus être modifié. Créez une nouvelle version pour le corriger."
        : "Ce procès-verbal est adopté : son texte ne change plus ; publiez-le.",
    );
  }
  const saved = latest
    ? await tx.minutes.update({ where: { id: latest.id }, data, select: { id: true } })
    : await tx.minutes.create({ data: { municipalityId: actor.municipalityId, sittingId: sitting.id, ...data }, select: { id: true } });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: latest ? "minutes.update" : "minutes.create",
    entity: "minutes",
    entityId: saved.id,
    before: latest
      ? { openingDiscussion: latest.openingDiscussion, ballotRequests: latest.ballotRequests, urgencyRuling: latest.urgencyRuling, itemDiscussions: readItemDiscussions(latest.itemDiscussions) }
      : null,
    after: { sittingId: sitting.id, ...data },
  });
  return saved;
}
