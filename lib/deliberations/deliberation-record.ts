import "server-only";
import { z } from "zod";
import {
  AttendanceStatus,
  Civility,
  CouncillorRole,
  DeliberationStatus,
  Outcome,
  Prisma,
  SittingKind,
  VoteChoice,
  type Db,
} from "@/lib/db/prisma";
import { deriveExecutoryStatus } from "@/lib/domain";
import { compareCouncillors, councillorRefSelect } from "@/lib/councillors/councillor-ref";
import { tallySelect } from "@/lib/publication/tally-select";

// One deliberation as the act states it: what the public page, the signed
// PDF, the API, the sitting's page and the staff's working document all render.
// The database builds it (function deliberation_record, with
// municipality_record for the municipality's part): live for an act not yet
// published, frozen in deliberation_snapshot by the statement that publishes
// it. Both are read here, through the same schema, and shaped once.

const day = z.iso.date().transform((value) => new Date(`${value}T00:00:00.000Z`));
const instant = z.iso.datetime().transform((value) => new Date(value));

const councillorRecord = z.object({
  id: z.string(),
  civility: z.enum(Civility),
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(CouncillorRole),
  roleLabel: z.string().nullable(),
});

/** What an act states of its municipality. */
export const statedMunicipalitySchema = z.object({
  name: z.string(),
  communeName: z.string(),
  siren: z.string(),
  siret: z.string(),
  departmentCode: z.string(),
  administrativeCourt: z.string(),
  membersInOffice: z.int(),
  appealNotice: z.string(),
  annexNotice: z.string().nullable(),
});

export type StatedMunicipality = z.infer<typeof statedMunicipalitySchema>;

/** What an act states of its sitting. */
export const statedSittingSchema = z.object({
  startsAt: instant,
  kind: z.enum(SittingKind),
  isPublic: z.boolean(),
  place: z.string(),
  convocationDate: day,
  convenedBy: councillorRecord,
  president: councillorRecord,
  secretary: councillorRecord,
});

/** Who the act says was present, represented (and by whom), excused or absent. */
export const statedAttendanceSchema = z.array(
  z.object({
    status: z.enum(AttendanceStatus),
    note: z.string().nullable(),
    councillor: councillorRecord,
    proxyHolder: councillorRecord.nullable(),
  }),
);

const deliberationRecordSchema = z.object({
  id: z.string(),
  number: z.string(),
  isDemo: z.boolean(),
  version: z.int(),
  rectificationReason: z.string().nullable(),
  orderInSitting: z.int(),
  subject: z.string(),
  reportSubject: z.string().nullable(),
  service: z.string().nullable(),
  matterCode: z.string(),
  policyHeading: z.string().nullable(),
  report: z.string(),
  proposals: z.string(),
  status: z.enum(DeliberationStatus),
  outcome: z.enum(Outcome).nullable(),
  votedAt: day.nullable(),
  signedAt: day.nullable(),
  postedAt: day.nullable(),
  transmittedAt: day.nullable(),
  publishedAt: instant.nullable(),
  cosignatoryTitle: z.string().nullable(),
  sittingId: z.string(),
  rapporteur: councillorRecord.nullable(),
  cosignatory: councillorRecord.nullable(),
  sitting: statedSittingSchema,
  attendances: statedAttendanceSchema,
  vote: z
    .object({
      secret: z.boolean(),
      presentAndRepresented: z.int(),
      present: z.int(),
      represented: z.int(),
      abstentions: z.int(),
      nonParticipation: z.int(),
      expressed: z.int(),
      votesFor: z.int(),
      votesAgainst: z.int(),
      castingVote: z.enum(VoteChoice).nullable(),
      result: z.enum(Outcome),
      choices: z.array(z.object({ choice: z.enum(VoteChoice), councillor: councillorRecord })),
    })
    .nullable(),
  prefectureReceipt: z.object({ actesId: z.string(), receivedAt: day, signedAt: day.nullable() }).nullable(),
  annexes: z.array(
    z.object({ id: z.string(), title: z.string(), fileName: z.string(), mediaType: z.string(), size: z.int(), isPublic: z.boolean() }),
  ),
});

/** The record as the database builds it, before shaping. */
export type DeliberationRecordRow = z.infer<typeof deliberationRecordSchema>;

/** Parses a record and its municipality as stored in deliberation_snapshot (or built live). */
export function parseDeliberationRecord(record: unknown, municipality: unknown): { record: DeliberationRecordRow; municipality: StatedMunicipality } {
  return { record: deliberationRecordSchema.parse(record), municipality: statedMunicipalitySchema.parse(municipality) };
}

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

/** Whether the act is executory, from the dates the record holds (page and extract alike). */
export function executoryStatusOf(record: {
  signedAt: Date | null;
  postedAt: Date | null;
  transmittedAt: Date | null;
  publishedAt: Date | null;
  receipt: { receivedAt: Date } | null;
}) {
  return deriveExecutoryStatus({
    signedAt: record.signedAt,
    postedAt: record.postedAt,
    transmittedAt: record.transmittedAt,
    receivedAt: record.receipt?.receivedAt ?? null,
    publishedAt: record.publishedAt,
  });
}

/** Attendance grouped as the register lists it, and the named votes (none for a secret ballot). */
export function shapeDeliberationRecord(row: DeliberationRecordRow) {
  const { attendances, vote, prefectureReceipt, ...rest } = row;
  const withStatus = (status: AttendanceStatus) =>
    attendances.filter((entry) => entry.status === status).map((entry) => entry.councillor).sort(compareCouncillors);
  const represented = attendances
    .filter((entry) => entry.status === AttendanceStatus.REPRESENTED)
    .flatMap((entry) => (entry.proxyHolder ? [{ giver: entry.councillor, holder: entry.proxyHolder }] : []))
    .sort((a, b) => compareCouncillors(a.giver, b.giver));
  const votedAs = (choice: VoteChoice) =>
    (vote?.choices ?? []).filter((record) => record.choice === choice).map((record) => record.councillor).sort(compareCouncillors);
  return {
    ...rest,
    attendance: {
      present: withStatus(AttendanceStatus.PRESENT),
      represented,
      excused: withStatus(AttendanceStatus.EXCUSED),
      absent: withStatus(AttendanceStatus.ABSENT),
    },
    vote: vote
      ? {
          secret: vote.secret,
          presentAndRepresented: vote.presentAndRepresented,
          present: vote.present,
          represented: vote.represented,
          abstentions: vote.abstentions,
          nonParticipation: vote.nonParticipation,
          expressed: vote.expressed,
          votesFor: vote.votesFor,
          votesAgainst: vote.votesAgainst,
          castingVote: vote.castingVote,
          result: vote.result,
          // A secret ballot names no one, whatever was recorded.
          against: vote.secret ? [] : votedAs("AGAINST"),
          abstained: vote.secret ? [] : votedAs("ABSTENTION"),
          notVoting: vote.secret ? [] : votedAs("NOT_VOTING"),
        }
      : null,
    receipt: prefectureReceipt,
  };
}
