import "server-only";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { DeliberationStatus, getPrisma, type Outcome, type SittingKind, type VoteChoice } from "@/lib/db/prisma";
import type { Tally } from "@/lib/domain";
import { getPublicSittingSlug } from "@/lib/sittings/public-sitting-slug";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import { isArchivedRecord, parseDeliberationRecord, shapeDeliberationRecord, type StatedMunicipality } from "./deliberation-record";
import { publishedDeliberationWhere } from "@/lib/publication/published-deliberation";

export type ProxyRef = { giver: CouncillorRef; holder: CouncillorRef };

export type PublishedDeliberation = {
  id: string;
  sittingId: string;
  number: string;
  /** Demo data (a fictional council): labelled as such on every page. */
  isDemo: boolean;
  version: number;
  rectificationReason: string | null;
  orderInSitting: number;
  subject: string;
  reportSubject: string | null;
  service: string | null;
  matterCode: string;
  policyHeading: string | null;
  report: string;
  proposals: string;
  outcome: Outcome | null;
  signedAt: Date | null;
  postedAt: Date | null;
  transmittedAt: Date | null;
  publishedAt: Date;
  rapporteur: CouncillorRef | null;
  cosignatory: CouncillorRef | null;
  cosignatoryTitle: string | null;
  sitting: {
    slug: string;
    startsAt: Date;
    kind: SittingKind;
    isPublic: boolean;
    place: string;
    convocationDate: Date;
    convenedBy: CouncillorRef;
    president: CouncillorRef;
    secretary: CouncillorRef;
  };
  /** Each list in the register's order: alphabetical by last name. */
  attendance: {
    present: CouncillorRef[];
    represented: ProxyRef[];
    excused: CouncillorRef[];
    absent: CouncillorRef[];
  };
  vote:
    | (Tally & {
        secret: boolean;
        castingVote: VoteChoice | null;
        result: Outcome;
        against: CouncillorRef[];
        abstained: CouncillorRef[];
        notVoting: CouncillorRef[];
      })
    | null;
  receipt: { actesId: string; receivedAt: Date; signedAt: Date | null } | null;
  annexes: { id: string; title: string; fileName: string; mediaType: string; size: number; isPublic: boolean }[];
  /** Every published version of this number, oldest first (more than one after a rectification). */
  versions: { version: number; publishedAt: Date; rectificationReason: string | null }[];
  /**
   * The municipality as the act states it (name, court and notice on appeals…), frozen with it,
   * and its clock: the zone the act's hours and days read in, which the database refuses to
   * change once an act is published (migration 20261202050000_time_zone_rules).
   */
  municipality: StatedMunicipality & { timeZone: string };
};

/**
 * A published deliberation by its number ("DL.2022-91"), or null when there is none to show:
 * its newest published version, as frozen at its publication (deliberation_snapshot), so that
 * a councillor renamed or a setting edited since does not change what the act states.
 */
export async function getPublishedDeliberation({
  municipalityId,
  number,
}: {
  municipalityId: string;
  number: string;
}): Promise<PublishedDeliberation | null> {
  const prisma = getPrisma();
  const deliberation = await prisma.deliberation.findFirst({
    where: { ...publishedDeliberationWhere(municipalityId), number },
    orderBy: { version: "desc" },
    select: { snapshot: { select: { record: true, municipalityRecord: true } } },
  });
  // An archived act is read by getPublishedArchivedAct: it states less, and no extract certifies it.
  if (!deliberation?.snapshot || isArchivedRecord(deliberation.snapshot.record)) return null;
  const { record, municipality } = parseDeliberationRecord(deliberation.snapshot.record, deliberation.snapshot.municipalityRecord);
  if (!record.publishedAt) return null;

  const [versions, sittingSlug, timeZone] = await Promise.all([
    prisma.deliberation.findMany({
      where: { municipalityId, number, status: DeliberationStatus.PUBLISHED },
      orderBy: { version: "asc" },
      select: { version: true, publishedAt: true, rectificationReason: true },
    }),
    getPublicSittingSlug({
      municipalityId,
      sittingId: record.sittingId,
      startsAt: record.sitting.startsAt,
    }),
    timeZoneOf(prisma, municipalityId),
  ]);

  const shaped = shapeDeliberationRecord(record);
  return {
    ...shaped,
    publishedAt: record.publishedAt,
    sitting: { ...shaped.sitting, slug: sittingSlug },
    versions: versions.flatMap((version) =>
      version.publishedAt ? [{ ...version, publishedAt: version.publishedAt }] : [],
    ),
    municipality: { ...municipality, timeZone },
  };
}
