import { z } from "@/lib/validations/zod";
import { AttendanceStatus, Civility, CouncillorRole, DeliberationStatus, Outcome, SittingKind, VoteChoice } from "@/lib/db/prisma";

// The schema of what a deliberation states, as the database builds it
// (function deliberation_record, with municipality_record): frozen in
// deliberation_snapshot at publication. Read by every module that renders a
// published act (lib/deliberations, lib/sittings, lib/opendata…), so it lives
// below them all.

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

/** A vote's figures as an act entered here states them (the PV restates them, lib/minutes/minutes-record.ts). */
export const statedVoteFiguresSchema = z.object({
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
});

/** The figures alone, out of a vote that carries more (its choices, named lists). */
export function voteFigures(vote: z.infer<typeof statedVoteFiguresSchema>): z.infer<typeof statedVoteFiguresSchema> {
  const { secret, presentAndRepresented, present, represented, abstentions, nonParticipation, expressed, votesFor, votesAgainst, castingVote, result } = vote;
  return { secret, presentAndRepresented, present, represented, abstentions, nonParticipation, expressed, votesFor, votesAgainst, castingVote, result };
}

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

/** What an archived act states of its sitting: what its archive gives (migration 20261202070000_archive). */
export const statedArchivedSittingSchema = z.object({
  startsAt: instant,
  /** False: the archive gives the day only (startsAt is its local midnight). */
  hourKnown: z.boolean(),
  kind: z.enum(SittingKind),
  isPublic: z.boolean(),
  place: z.string().nullable(),
  convocationDate: day.nullable(),
  convenedBy: councillorRecord.nullable(),
  president: councillorRecord.nullable(),
  secretary: councillorRecord.nullable(),
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
  vote: statedVoteFiguresSchema
    .extend({ choices: z.array(z.object({ choice: z.enum(VoteChoice), councillor: councillorRecord })) })
    .nullable(),
  prefectureReceipt: z.object({ actesId: z.string(), receivedAt: day, signedAt: day.nullable() }).nullable(),
  annexes: z.array(
    z.object({ id: z.string(), title: z.string(), fileName: z.string(), mediaType: z.string(), size: z.int(), isPublic: z.boolean() }),
  ),
});

/** The record as the database builds it, before shaping. */
export type DeliberationRecordRow = z.infer<typeof deliberationRecordSchema>;

const known = <T extends z.ZodType>(schema: T) => schema.nullable();

/**
 * What an archived act states (migration 20261202070000_archive): the same
 * record, where the archive may leave facts unknown (null), with where it
 * comes from. Read apart, so that no code made for acts entered here meets a
 * null it does not expect.
 */
const archivedDeliberationRecordSchema = deliberationRecordSchema.extend({
  matterCode: known(z.string()),
  report: known(z.string()),
  proposals: known(z.string()),
  sitting: statedArchivedSittingSchema,
  vote: z
    .object({
      secret: z.boolean(),
      presentAndRepresented: known(z.int()),
      present: known(z.int()),
      represented: known(z.int()),
      abstentions: known(z.int()),
      nonParticipation: known(z.int()),
      expressed: known(z.int()),
      votesFor: known(z.int()),
      votesAgainst: known(z.int()),
      participants: known(z.int()),
      unanimous: z.boolean(),
      result: z.enum(Outcome),
    })
    .nullable(),
  prefectureReceipt: z.object({ actesId: known(z.string()), receivedAt: day.nullable(), authority: known(z.string()) }).nullable(),
  budgetYear: known(z.string()),
  budgetName: known(z.string()),
  archive: z.object({
    originalIdentifier: z.string(),
    format: z.enum(["scdl", "minutes", "registre"]),
    fileName: z.string(),
    sha256: z.string(),
    importedAt: instant,
    sourceUrl: known(z.string()),
  }),
});

export type ArchivedRecordRow = z.infer<typeof archivedDeliberationRecordSchema>;

/** Whether a stored record is an archived act's. */
export function isArchivedRecord(record: unknown): boolean {
  return typeof record === "object" && record !== null && (record as { archive?: unknown }).archive != null;
}

/** Parses a record of an act entered here, and its municipality, as stored in deliberation_snapshot (or built live). */
export function parseDeliberationRecord(record: unknown, municipality: unknown): { record: DeliberationRecordRow; municipality: StatedMunicipality } {
  if (isArchivedRecord(record)) throw new Error("an archived act's record is read with parseArchivedRecord");
  return { record: deliberationRecordSchema.parse(record), municipality: statedMunicipalitySchema.parse(municipality) };
}

/** Parses an archived act's record and its municipality. */
export function parseArchivedRecord(record: unknown, municipality: unknown): { record: ArchivedRecordRow; municipality: StatedMunicipality } {
  return { record: archivedDeliberationRecordSchema.parse(record), municipality: statedMunicipalitySchema.parse(municipality) };
}
