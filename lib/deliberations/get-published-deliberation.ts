import "server-only";
import { tallySelect } from "@/lib/deliberations/tally-select";
import {
  AttendanceStatus,
  DeliberationStatus,
  getPrisma,
  type Outcome,
  type SittingKind,
  type VoteChoice,
} from "@/lib/db/prisma";
import type { Tally } from "@/lib/domain";
import { getPublicSittingSlug } from "@/lib/sittings/public-sitting-slug";
import { compareCouncillors, councillorRefSelect, type CouncillorRef } from "./councillor-ref";
import { publishedDeliberationWhere } from "./published-filter";

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
};

/** A published deliberation by its number ("DL.2022-91"), or null when there is none to show. */
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
    select: {
      id: true,
      number: true,
      isDemo: true,
      version: true,
      rectificationReason: true,
      orderInSitting: true,
      subject: true,
      reportSubject: true,
      service: true,
      matterCode: true,
      policyHeading: true,
      report: true,
      proposals: true,
      outcome: true,
      signedAt: true,
      postedAt: true,
      transmittedAt: true,
      publishedAt: true,
      cosignatoryTitle: true,
      sittingId: true,
      rapporteur: { select: councillorRefSelect },
      cosignatory: { select: councillorRefSelect },
      sitting: {
        select: {
          startsAt: true,
          kind: true,
          isPublic: true,
          place: true,
          convocationDate: true,
          convenedBy: { select: councillorRefSelect },
          president: { select: councillorRefSelect },
          secretary: { select: councillorRefSelect },
        },
      },
      attendances: {
        select: {
          status: true,
          councillor: { select: councillorRefSelect },
          proxyHolder: { select: councillorRefSelect },
        },
      },
      vote: {
        select: {
          ...tallySelect,
          castingVote: true,
          result: true,
          choices: {
            where: { choice: { not: "FOR" } },
            select: { choice: true, councillor: { select: councillorRefSelect } },
          },
        },
      },
      prefectureReceipt: { select: { actesId: true, receivedAt: true, signedAt: true } },
      annexes: {
        orderBy: { createdAt: "asc" },
        select: { id: true, title: true, fileName: true, mediaType: true, size: true, isPublic: true },
      },
    },
  });
  if (!deliberation || !deliberation.publishedAt) return null;

  const [versions, sittingSlug] = await Promise.all([
    prisma.deliberation.findMany({
      where: { municipalityId, number, status: DeliberationStatus.PUBLISHED },
      orderBy: { version: "asc" },
      select: { version: true, publishedAt: true, rectificationReason: true },
    }),
    getPublicSittingSlug({
      municipalityId,
      sittingId: deliberation.sittingId,
      startsAt: deliberation.sitting.startsAt,
    }),
  ]);

  const { attendances, vote, prefectureReceipt, sitting, publishedAt, ...rest } = deliberation;
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
    publishedAt,
    sitting: { ...sitting, slug: sittingSlug },
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
    versions: versions.flatMap((version) =>
      version.publishedAt ? [{ ...version, publishedAt: version.publishedAt }] : [],
    ),
  };
}
