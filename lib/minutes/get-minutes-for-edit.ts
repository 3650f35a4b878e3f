import "server-only";
import { authorize, BACK_OFFICE_ROLES, type SessionUser } from "@/lib/auth/roles";
import { MinutesStatus, type Db } from "@/lib/db/prisma";
import { describeAdoptionVote, isoDay, localDay } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/validations/common";
import { composeMinutes } from "./compose-minutes";
import { readItemDiscussions } from "./minutes-items";
import { minutesRowSelect } from "./minutes-access";
import { minutesRecordSchema, type MinutesRecord } from "./minutes-record";

export type MinutesForEdit = {
  sitting: { id: string; startsAt: Date; day: string; held: boolean; zone: string };
  /** The latest version, null before the first save. */
  minutes: {
    id: string;
    version: number;
    status: MinutesStatus;
    correctionReason: string | null;
    approvingSitting: { id: string; startsAt: Date; day: string } | null;
    adoptedOn: string | null;
    adoptionResult: string | null;
    adoptionObservations: string | null;
    publishedAt: Date | null;
  } | null;
  texts: { openingDiscussion: string; ballotRequests: string; urgencyRuling: string; itemDiscussions: Record<string, string> };
  /** The PV as the records compose it now (the frozen one once published). */
  record: MinutesRecord;
  /** Later sittings the draft may be submitted to, the next first. */
  laterSittings: { id: string; startsAt: Date; day: string }[];
};

/** The PV page of the back office: the latest version, the clerk's texts, the composed record, the sittings it may go to. */
export async function getMinutesForEdit({ db, actor, sittingId }: { db: Db; actor: SessionUser | null; sittingId: string }): Promise<MinutesForEdit> {
  const user = authorize(actor, BACK_OFFICE_ROLES);
  if (!isUuid(sittingId)) throw new AppError("NOT_FOUND", "Cette séance n'existe pas.");
  const sitting = await db.sitting.findFirst({
    where: { id: sittingId, municipalityId: user.municipalityId },
    select: { id: true, startsAt: true, municipality: { select: { timeZone: true } } },
  });
  if (!sitting) throw new AppError("NOT_FOUND", "Cette séance n'existe pas.");
  const zone = sitting.municipality.timeZone;
  const day = localDay(sitting.startsAt, zone);
  const row = await db.minutes.findFirst({
    where: { sittingId: sitting.id },
    orderBy: { version: "desc" },
    select: { ...minutesRowSelect, record: true, approvingSitting: { select: { id: true, startsAt: true } } },
  });
  const texts = {
    openingDiscussion: row?.openingDiscussion ?? "",
    ballotRequests: row?.ballotRequests ?? "",
    urgencyRuling: row?.urgencyRuling ?? "",
    itemDiscussions: readItemDiscussions(row?.itemDiscussions),
  };
  const record =
    row?.status === MinutesStatus.PUBLISHED && row.record
      ? minutesRecordSchema.parse(row.record)
      : await composeMinutes(db, {
          municipalityId: user.municipalityId,
          sittingId: sitting.id,
          texts: {
            version: row?.version ?? 1,
            correctionReason: row?.correctionReason ?? null,
            openingDiscussion: row?.openingDiscussion ?? null,
            ballotRequests: row?.ballotRequests ?? null,
            urgencyRuling: row?.urgencyRuling ?? null,
            itemDiscussions: row?.itemDiscussions ?? {},
          },
        });
  const later = await db.sitting.findMany({
    where: { municipalityId: user.municipalityId, startsAt: { gt: sitting.startsAt } },
    orderBy: { startsAt: "asc" },
    take: 6,
    select: { id: true, startsAt: true },
  });
  return {
    sitting: { id: sitting.id, startsAt: sitting.startsAt, day, held: day <= localDay(new Date(), zone), zone },
    minutes: row
      ? {
          id: row.id,
          version: row.version,
          status: row.status,
          correctionReason: row.correctionReason,
          approvingSitting: row.approvingSitting ? { ...row.approvingSitting, day: localDay(row.approvingSitting.startsAt, zone) } : null,
          adoptedOn: row.adoptedAt ? isoDay(row.adoptedAt) : null,
          adoptionResult:
            row.adoptionVotesFor !== null
              ? describeAdoptionVote({ votesFor: row.adoptionVotesFor, votesAgainst: row.adoptionVotesAgainst ?? 0, abstentions: row.adoptionAbstentions ?? 0 })
              : null,
          adoptionObservations: row.adoptionObservations,
          publishedAt: row.publishedAt,
        }
      : null,
    texts,
    record,
    laterSittings: later.map((entry) => ({ ...entry, day: localDay(entry.startsAt, zone) })),
  };
}
