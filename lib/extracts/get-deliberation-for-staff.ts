import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { BACK_OFFICE_ROLES, authorize } from "@/lib/auth/roles";
import { compareCouncillors, councillorRefSelect } from "@/lib/deliberations/councillor-ref";
import { tallySelect } from "@/lib/deliberations/tally-select";
import { AttendanceStatus, getPrisma, type DeliberationStatus, type VoteChoice } from "@/lib/db/prisma";
import { toParisCalendarDate } from "@/lib/domain";
import type { ExtractDeliberation } from "./extract-types";

// For the back office: any deliberation of the user's municipality, whatever
// its status, shaped as the extract reads it (the same selection as the
// public page's, without the published filter).

export async function getDeliberationForStaff({
  user,
  deliberationId,
}: {
  user: SessionUser | null;
  deliberationId: string;
}): Promise<{ status: DeliberationStatus; extract: ExtractDeliberation } | null> {
  const { municipalityId } = authorize(user, BACK_OFFICE_ROLES);
  const prisma = getPrisma();
  const deliberation = await prisma.deliberation.findFirst({
    where: { municipalityId, id: deliberationId },
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
    },
  });
  if (!deliberation) return null;

  const { attendances, vote, prefectureReceipt, sitting, publishedAt, status, ...rest } = deliberation;
  const withStatus = (status: AttendanceStatus) =>
    attendances.filter((entry) => entry.status === status).map((entry) => entry.councillor).sort(compareCouncillors);
  const represented = attendances
    .filter((entry) => entry.status === AttendanceStatus.REPRESENTED)
    .flatMap((entry) => (entry.proxyHolder ? [{ giver: entry.councillor, holder: entry.proxyHolder }] : []))
    .sort((a, b) => compareCouncillors(a.giver, b.giver));
  const votedAs = (choice: VoteChoice) =>
    (vote?.choices ?? []).filter((record) => record.choice === choice).map((record) => record.councillor).sort(compareCouncillors);

  const extract: ExtractDeliberation = {
    ...rest,
    publishedAt,
    sitting: { ...sitting, slug: toParisCalendarDate(sitting.startsAt) },
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
    versions: [],
  };
  return { status, extract };
}
