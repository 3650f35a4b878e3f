import "server-only";
import type { Editor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/prisma";
import { formatDateFr, localDay } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validations/common";

// What every step of the PV reads first: the sitting (held, of the actor's
// municipality), and its PV's latest version, locked for the transaction so
// that two clerks' steps follow one another.

export const minutesRowSelect = {
  id: true,
  sittingId: true,
  version: true,
  status: true,
  correctionReason: true,
  openingDiscussion: true,
  ballotRequests: true,
  urgencyRuling: true,
  itemDiscussions: true,
  approvingSittingId: true,
  submittedAt: true,
  adoptedAt: true,
  adoptionVotesFor: true,
  adoptionVotesAgainst: true,
  adoptionAbstentions: true,
  adoptionObservations: true,
  publishedAt: true,
} as const;


export async function loadHeldSitting(tx: Tx, actor: Editor, sittingId: string) {
  const notFound = () => new AppError("NOT_FOUND", "Cette séance n'existe pas.");
  if (!isUuid(sittingId)) throw notFound();
  const sitting = await tx.sitting.findFirst({
    where: { id: sittingId, municipalityId: actor.municipalityId },
    select: { id: true, startsAt: true, municipality: { select: { timeZone: true } } },
  });
  if (!sitting) throw notFound();
  const zone = sitting.municipality.timeZone;
  const day = localDay(sitting.startsAt, zone);
  if (day > localDay(new Date(), zone)) {
    throw new AppError("INVALID_STATE", `La séance du ${formatDateFr(day)} n'a pas encore eu lieu : son procès-verbal se rédige après la séance.`);
  }
  return { id: sitting.id, startsAt: sitting.startsAt, zone, day };
}

/** The latest version of the sitting's PV, row-locked; null when none was started. */
export async function lockLatestMinutes(tx: Tx, sittingId: string) {
  await tx.$executeRaw`SELECT 1 FROM "sitting" WHERE "id" = ${sittingId}::uuid FOR UPDATE`;
  return tx.minutes.findFirst({ where: { sittingId }, orderBy: { version: "desc" }, select: minutesRowSelect });
}

export function requireMinutes<T>(minutes: T | null): T {
  if (!minutes) throw new AppError("INVALID_STATE", "Le procès-verbal de cette séance n'est pas encore commencé : enregistrez d'abord son projet.");
  return minutes;
}
