import "server-only";
import { AttendanceStatus, Prisma, type Db, type VoteChoice } from "@/lib/db/prisma";
import { deriveExecutoryStatus } from "@/lib/domain";
import { compareCouncillors } from "@/lib/councillors/councillor-ref";

// One deliberation as the act states it: what the public page, the signed
// PDF, the API, the sitting's page and the staff's working document all render.
// The database builds it (function deliberation_record, with
// municipality_record for the municipality's part): live for an act not yet
// published, frozen in deliberation_snapshot by the statement that publishes
// it. Both are read here, through the same schema, and shaped once.

export { isArchivedRecord, parseArchivedRecord, parseDeliberationRecord, statedAttendanceSchema, statedMunicipalitySchema, statedSittingSchema } from "@/lib/publication/stated-record";
export type { DeliberationRecordRow, StatedMunicipality } from "@/lib/publication/stated-record";
import { parseDeliberationRecord, voteFigures, type DeliberationRecordRow } from "@/lib/publication/stated-record";


/**
 * A deliberation's record as its rows say it now, for an act not yet
 * published (the staff's working document); null when there is none.
 */
export async function readLiveDeliberationRecord(db: Db, { municipalityId, id }: { municipalityId: string; id: string }) {
  const [row] = await db.$queryRaw<{ record: unknown; municipality: unknown }[]>(Prisma.sql`
    SELECT deliberation_record(d."id") AS "record", municipality_record(d."municipality_id") AS "municipality"
    FROM "deliberation" d WHERE d."id" = ${id}::uuid AND d."municipality_id" = ${municipalityId}::uuid`);
  return row ? parseDeliberationRecord(row.record, row.municipality) : null;
}

/** Whether the act is executory, from the dates the record holds (page and extract alike), on the municipality's calendar. */
export function executoryStatusOf(
  record: {
    signedAt: Date | null;
    postedAt: Date | null;
    transmittedAt: Date | null;
    publishedAt: Date | null;
    receipt: { receivedAt: Date } | null;
  },
  zone: string,
) {
  return deriveExecutoryStatus({
    signedAt: record.signedAt,
    postedAt: record.postedAt,
    transmittedAt: record.transmittedAt,
    receivedAt: record.receipt?.receivedAt ?? null,
    publishedAt: record.publishedAt,
    zone,
  });
}

/** The roll call grouped as the register lists it: present, represented (giver and holder), excused, absent, each by last name. */
export function groupAttendance(attendances: DeliberationRecordRow["attendances"]) {
  const withStatus = (status: AttendanceStatus) =>
    attendances.filter((entry) => entry.status === status).map((entry) => entry.councillor).sort(compareCouncillors);
  const represented = attendances
    .filter((entry) => entry.status === AttendanceStatus.REPRESENTED)
    .flatMap((entry) => (entry.proxyHolder ? [{ giver: entry.councillor, holder: entry.proxyHolder }] : []))
    .sort((a, b) => compareCouncillors(a.giver, b.giver));
  return {
    present: withStatus(AttendanceStatus.PRESENT),
    represented,
    excused: withStatus(AttendanceStatus.EXCUSED),
    absent: withStatus(AttendanceStatus.ABSENT),
  };
}

/** Attendance grouped as the register lists it, and the named votes (none for a secret ballot). */
export function shapeDeliberationRecord(row: DeliberationRecordRow) {
  const { attendances, vote, prefectureReceipt, ...rest } = row;
  const votedAs = (choice: VoteChoice) =>
    (vote?.choices ?? []).filter((record) => record.choice === choice).map((record) => record.councillor).sort(compareCouncillors);
  return {
    ...rest,
    attendance: groupAttendance(attendances),
    vote: vote
      ? {
          ...voteFigures(vote),
          // A secret ballot names no one, whatever was recorded.
          against: vote.secret ? [] : votedAs("AGAINST"),
          abstained: vote.secret ? [] : votedAs("ABSTENTION"),
          notVoting: vote.secret ? [] : votedAs("NOT_VOTING"),
        }
      : null,
    receipt: prefectureReceipt,
  };
}
