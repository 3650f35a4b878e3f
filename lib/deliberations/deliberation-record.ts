import "server-only";
import { AttendanceStatus, type Prisma, type VoteChoice } from "@/lib/db/prisma";
import { deriveExecutoryStatus } from "@/lib/domain";
import { compareCouncillors, councillorRefSelect } from "@/lib/councillors/councillor-ref";
import { tallySelect } from "@/lib/publication/tally-select";

// One deliberation as the extract reads it: what the public page, the signed
// PDF and the staff's working document all render. Selected and shaped here
// once; the callers add their filter (published or not) and the sitting's slug.

export const deliberationRecordSelect = {
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
  status: true,
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
} satisfies Prisma.DeliberationSelect;

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

type Row = Prisma.DeliberationGetPayload<{ select: typeof deliberationRecordSelect }>;

/** Attendance grouped as the register lists it, and the named votes (none for a secret ballot). */
export function shapeDeliberationRecord(row: Row) {
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
