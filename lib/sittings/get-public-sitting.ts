import "server-only";
import { tallySelect } from "@/lib/publication/tally-select";
import { AttendanceStatus, getPrisma, type Outcome, type SittingKind } from "@/lib/db/prisma";
import { describeRollCallChange, formatCouncillorName, localDayBounds, summarizeRollCall, type Tally } from "@/lib/domain";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { councillorRefSelect, type CouncillorRef } from "@/lib/councillors/councillor-ref";
import { publicSittingWhere, publishedDeliberationWhere } from "@/lib/publication/published-deliberation";
import { assignSittingSlugs, parseSittingSlug } from "./sitting-slug";

export type PublicSitting = {
  id: string;
  slug: string;
  startsAt: Date;
  kind: SittingKind;
  isPublic: boolean;
  /** Demo data (a fictional council): labelled as such on every page. */
  isDemo: boolean;
  place: string;
  convocationDate: Date;
  listPostedAt: Date | null;
  reconvened: boolean;
  convenedBy: CouncillorRef;
  president: CouncillorRef;
  secretary: CouncillorRef;
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
    tally: (Tally & { secret: boolean }) | null;
  }[];
};

/**
 * A sitting by its public address: its Paris day ("2022-04-07"), with "-2", "-3"… for the
 * second, third sitting of that day. Null when there is no such sitting with a published deliberation.
 */
export async function getPublicSitting({
  municipalityId,
  date,
}: {
  municipalityId: string;
  date: string;
}): Promise<PublicSitting | null> {
  const slug = parseSittingSlug(date);
  if (!slug) return null;
  const prisma = getPrisma();
  const zone = await timeZoneOf(prisma, municipalityId);
  const sameDay = await prisma.sitting.findMany({
    where: { ...publicSittingWhere(municipalityId), startsAt: localDayBounds(slug.day, zone) },
    select: { id: true, startsAt: true },
  });
  const slugs = assignSittingSlugs(sameDay, zone);
  const sittingId = [...slugs].find(([, candidate]) => candidate === date)?.[0];
  if (!sittingId) return null;

  const sitting = await prisma.sitting.findFirst({
    where: { id: sittingId, municipalityId },
    select: {
      id: true,
      startsAt: true,
      kind: true,
      isPublic: true,
      isDemo: true,
      place: true,
      convocationDate: true,
      listPostedAt: true,
      reconvened: true,
      convenedBy: { select: councillorRefSelect },
      president: { select: councillorRefSelect },
      secretary: { select: councillorRefSelect },
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

  const first = sitting.deliberations[0];
  let attendance: PublicSitting["attendance"] = null;
  if (first) {
    const counts = await prisma.attendance.groupBy({
      by: ["status"],
      where: { municipalityId, deliberationId: first.id },
      _count: { _all: true },
    });
    const count = (status: AttendanceStatus) => counts.find((row) => row.status === status)?._count._all ?? 0;
    if (counts.length > 0) {
      attendance = {
        deliberationNumber: first.number,
        present: count(AttendanceStatus.PRESENT),
        represented: count(AttendanceStatus.REPRESENTED),
        excused: count(AttendanceStatus.EXCUSED),
        absent: count(AttendanceStatus.ABSENT),
      };
    }
  }

  return {
    ...sitting,
    slug: date,
    attendance,
    movements: await listMovements(municipalityId, sitting.deliberations),
    deliberations: sitting.deliberations.map(({ id: _id, vote, ...deliberation }) => ({ ...deliberation, tally: vote })),
  };
}

/** Who arrived, left or gave a proxy after the first published deliberation, from each one's attendance. */
async function listMovements(municipalityId: string, deliberations: readonly { id: string; number: string }[]): Promise<string[]> {
  if (deliberations.length < 2) return [];
  const rows = await getPrisma().attendance.findMany({
    where: { municipalityId, deliberationId: { in: deliberations.map((deliberation) => deliberation.id) } },
    select: {
      deliberationId: true,
      councillorId: true,
      status: true,
      proxyHolderId: true,
      note: true,
      councillor: { select: { civility: true, firstName: true, lastName: true } },
    },
  });
  const councillors = new Map(rows.map((row) => [row.councillorId, row.councillor]));
  const { changes } = summarizeRollCall({
    deliberations: deliberations.map((deliberation) => ({ id: deliberation.id, marks: rows.filter((row) => row.deliberationId === deliberation.id) })),
    councillorIds: [...councillors.keys()],
    remarksAlone: false,
  });
  const numberOf = new Map(deliberations.map((deliberation) => [deliberation.id, deliberation.number]));
  const nameOf = (id: string | null) => {
    const councillor = id ? councillors.get(id) : undefined;
    return councillor ? formatCouncillorName(councillor) : null;
  };
  return changes.map((change) =>
    describeRollCallChange({
      name: nameOf(change.councillorId)!,
      civility: councillors.get(change.councillorId)!.civility,
      status: change.status,
      holderName: nameOf(change.proxyHolderId),
      note: change.note,
      deliberationNumber: numberOf.get(change.deliberationId)!,
    }),
  );
}
