import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import { MinutesStatus, type Db, type Prisma, type Tx } from "@/lib/db/prisma";
import { isoDay, localDay } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { composeMinutes } from "./compose-minutes";
import { loadHeldSitting, lockLatestMinutes, requireMinutes } from "./minutes-access";

/**
 * Publishes the adopted PV: its record is composed one last time and frozen
 * in the row, which then never changes (trigger RG030); the signed PDF is
 * rendered from that frozen record (lib/extracts/get-minutes-extract.ts).
 * The database refuses a publication before adoption (RG031).
 */
export async function publishMinutes(options: { db: Db; actor: SessionUser | null; sittingId: string }): Promise<{ id: string; publishedAt: Date }> {
  const actor = authorizeEditor(options.actor);
  return options.db.$transaction((tx) => publishMinutesInTransaction(tx, actor, { sittingId: options.sittingId }));
}

/** `publishedAt`: now, or (the seed writing a past cycle) the instant it was put online, after the adoption and not in the future. */
export async function publishMinutesInTransaction(tx: Tx, actor: Editor, { sittingId, publishedAt = new Date() }: { sittingId: string; publishedAt?: Date }) {
  const sitting = await loadHeldSitting(tx, actor, sittingId);
  const minutes = requireMinutes(await lockLatestMinutes(tx, sitting.id));
  if (minutes.status !== MinutesStatus.ADOPTED) {
    throw new AppError(
      "INVALID_STATE",
      minutes.status === MinutesStatus.PUBLISHED
        ? "Ce procès-verbal est déjà publié."
        : "Le procès-verbal se publie après son adoption par le conseil : enregistrez d'abord le vote d'approbation.",
    );
  }
  if (publishedAt.getTime() > Date.now() || (minutes.adoptedAt && localDay(publishedAt, sitting.zone) < isoDay(minutes.adoptedAt))) {
    throw new AppError("VALIDATION", "Le procès-verbal se publie après son adoption, et pas à une date future.");
  }
  const record = await composeMinutes(tx, { municipalityId: actor.municipalityId, sittingId: sitting.id, texts: minutes });
  await tx.minutes.update({
    where: { id: minutes.id },
    data: { status: MinutesStatus.PUBLISHED, publishedAt, record: record as unknown as Prisma.InputJsonValue },
    select: { id: true },
  });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "minutes.publish",
    entity: "minutes",
    entityId: minutes.id,
    before: { status: minutes.status },
    after: { status: MinutesStatus.PUBLISHED, publishedAt: publishedAt.toISOString(), version: minutes.version },
  });
  return { id: minutes.id, publishedAt };
}
