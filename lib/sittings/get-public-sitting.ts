import "server-only";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { tallySelect } from "@/lib/publication/tally-select";
import type { z } from "zod";
import { AttendanceStatus, getPrisma, type Outcome, type SittingKind } from "@/lib/db/prisma";
import { type StatedTally } from "@/lib/domain";
import { describeRollCallMovements } from "@/lib/publication/roll-call-movements";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import {
  isArchivedRecord,
  statedArchivedSittingSchema,
  statedAttendanceSchema,
  statedMunicipalitySchema,
  statedSittingSchema,
  type StatedMunicipality,
} from "@/lib/publication/stated-record";
import { publishedDeliberationWhere } from "@/lib/publication/published-deliberation";
import { listPublicAgendas, type PublicAgendaItem } from "./public-agenda";
import { parseSittingSlug } from "./sitting-slug";

export type PublicSitting = {
  id: string;
  slug: string;
  startsAt: Date;
  kind: SittingKind;
  isPublic: boolean;
  /** Demo data (a fictional council): labelled as such on every page. */
  isDemo: boolean;
  place: string | null;
  /** Null, like the officers below, only for a sitting brought in from an archive that does not give it. */
  convocationDate: Date | null;
  /** False for an archived sitting whose archive gives the day only. */
  hourKnown: boolean;
  /** Brought in from an archive (lib/import): the page says so. */
  archived: boolean;
  listPostedAt: Date | null;
  reconvened: boolean;
  cancelledAt: Date | null;
  /** The agenda as convened, each item linking to the act it became. */
  agenda: PublicAgendaItem[];
  convenedBy: CouncillorRef | null;
  president: CouncillorRef | null;
  secretary: CouncillorRef | null;
  /** The municipality as the sitting's first published act states it, and its clock (frozen once an act is published). */
  municipality: StatedMunicipality & { timeZone: string };
  /** Attendance at the first published deliberation of the sitting (members come and go). */
  attendance: { deliberationNumber: string; present: number; represented: number; excused: number; absent: number } | null;
  /** Arrivals, departures and proxies given in the course of the sitting, as sentences of the minutes. */
  movements: string[];
  /** The published deliberations examined, in the order of the sitting. */
  deliberations: {
    number: string;
    orderInSitting: number;
    subject: string;
    outcome: Outcome | null;
    tally: (StatedTally & { secret: boolean }) | null;
  }[];
};

/**
 * A held sitting by its public address (sitting.public_slug: its day, "2022-04-07", with "-2",
 * "-3"… for a second, third sitting of that day). Null when there is no such sitting with a
 * published deliberation: a sitting convened but not yet held reads through getAnnouncedSitting.
 */
export async function getPublicSitting({
  municipalityId,
  date,
}: {
  municipalityId: string;
  date: string;
}): Promise<PublicSitting | null> {
  if (!parseSittingSlug(date)) return null;
  const prisma = getPrisma();
  const found = await prisma.sitting.findFirst({ where: { municipalityId, publicSlug: date }, select: { id: true } });
  if (!found) return null;
  const sittingId = found.id;

  const sitting = await prisma.sitting.findFirst({
    where: { id: sittingId, municipalityId },
    select: {
      id: true,
      isDemo: true,
      listPostedAt: true,
      reconvened: true,
      cancelledAt: true,
      deliberations: {
        where: publishedDeliberationWhere(municipalityId),
        orderBy: [{ orderInSitting: "asc" }, { sequence: "asc" }],
        select: {
          id: true,
          number: true,
          orderInSitting: true,
          subject: true,
          outcome: true,
          vote: {
            select: tallySelect,
          },
        },
      },
    },
  });
  if (!sitting) return null;
  const [stated, agendas, zone] = await Promise.all([
    readStatedSitting(sitting.deliberations),
    listPublicAgendas(prisma, municipalityId, [sitting.id]),
    timeZoneOf(prisma, municipalityId),
  ]);
  if (!stated) return null;

  const first = stated.acts[0];
  const count = (status: AttendanceStatus) => first?.attendances.filter((entry) => entry.status === status).length ?? 0;
  const attendance: PublicSitting["attendance"] =
    first && first.attendances.length > 0
      ? {
          deliberationNumber: first.number,
          present: count(AttendanceStatus.PRESENT),
          represented: count(AttendanceStatus.REPRESENTED),
          excused: count(AttendanceStatus.EXCUSED),
          absent: count(AttendanceStatus.ABSENT),
        }
      : null;

  return {
    id: sitting.id,
    isDemo: sitting.isDemo,
    listPostedAt: sitting.listPostedAt,
    reconvened: sitting.reconvened,
    cancelledAt: sitting.cancelledAt,
    agenda: agendas.get(sitting.id) ?? [],
    ...stated.sitting,
    municipality: { ...stated.municipality, timeZone: zone },
    slug: date,
    attendance,
    movements: describeRollCallMovements(stated.acts),
    deliberations: sitting.deliberations.map(({ id: _id, vote, ...deliberation }) => ({ ...deliberation, tally: vote })),
  };
}

type StatedAct = { id: string; number: string; attendances: z.infer<typeof statedAttendanceSchema> };

/**
 * The sitting as its published acts state it, frozen at their publication: its date, place and
 * officers (and the municipality) as its first act published states them, and each act's roll call.
 */
async function readStatedSitting(deliberations: readonly { id: string; number: string }[]) {
  if (deliberations.length === 0) return null;
  const rows = await getPrisma().deliberationSnapshot.findMany({
    where: { deliberationId: { in: deliberations.map((deliberation) => deliberation.id) } },
    select: { deliberationId: true, takenAt: true, record: true, municipalityRecord: true },
  });
  const byId = new Map(rows.map((row) => [row.deliberationId, row]));
  const acts: StatedAct[] = deliberations.flatMap((deliberation) => {
    const row = byId.get(deliberation.id);
    if (!row) return [];
    const record = row.record as { attendances?: unknown };
    return [{ ...deliberation, attendances: statedAttendanceSchema.parse(record.attendances) }];
  });
  const firstPublished = deliberations
    .flatMap((deliberation) => byId.get(deliberation.id) ?? [])
    .reduce((earliest, row) => (row.takenAt < earliest.takenAt ? row : earliest));
  const stated = (firstPublished.record as { sitting?: unknown }).sitting;
  const archived = isArchivedRecord(firstPublished.record);
  return {
    sitting: archived ? { ...statedArchivedSittingSchema.parse(stated), archived } : { ...statedSittingSchema.parse(stated), hourKnown: true, archived },
    municipality: statedMunicipalitySchema.parse(firstPublished.municipalityRecord),
    acts,
  };
}

