import "server-only";
import { BACK_OFFICE_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { loadDerogationWindows } from "@/lib/municipality/load-derogation-windows";
import { councillorsInOffice } from "@/lib/councillors/councillors-in-office";
import { isUuid } from "@/lib/validations/common";
import { localDay } from "@/lib/domain/calendar";
import { groupsOnDay } from "@/lib/groups/list-political-groups";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { requireKnown, TALLY_KEYS } from "@/lib/publication/known-facts";

/** A deliberation as the back office works on it (any status), with the councillors in office on its sitting's day. */
export async function getDeliberationForEdit(options: { db: Db; actor: SessionUser | null; id: string }) {
  const actor = authorize(options.actor, BACK_OFFICE_ROLES);
  const found = isUuid(options.id)
    ? await options.db.deliberation.findFirst({
        where: { id: options.id, municipalityId: actor.municipalityId },
        select: {
          id: true, number: true, version: true, rectificationReason: true, previousVersionId: true, orderInSitting: true, subject: true,
          reportSubject: true, rapporteurId: true, service: true, matterCode: true, policyHeading: true, report: true, proposals: true,
          cosignatoryId: true, cosignatoryTitle: true, status: true, outcome: true, votedAt: true, signedAt: true, postedAt: true,
          transmittedAt: true, publishedAt: true, isDemo: true, archiveImportId: true,
          nextVersion: { select: { id: true, version: true } },
          // What a rectification starts from: the replaced version's vote and receipt.
          previousVersion: {
            select: {
              version: true,
              postedAt: true,
              vote: { select: { secret: true, votesFor: true, votesAgainst: true, abstentions: true, nonParticipation: true } },
              prefectureReceipt: { select: { actesId: true, receivedAt: true, signedAt: true } },
            },
          },
          sitting: { select: { id: true, startsAt: true, reconvened: true, isDemo: true, membersInOffice: true } },
          attendances: { select: { councillorId: true, status: true, proxyHolderId: true, note: true } },
          vote: {
            select: {
              secret: true, presentAndRepresented: true, present: true, represented: true, abstentions: true, nonParticipation: true,
              expressed: true, votesFor: true, votesAgainst: true, castingVote: true, result: true,
              choices: { where: { choice: { not: "FOR" } }, select: { councillorId: true, choice: true } },
            },
          },
          prefectureReceipt: { select: { actesId: true, receivedAt: true, signedAt: true } },
          annexes: { orderBy: { createdAt: "asc" }, select: { id: true, title: true, fileName: true, size: true, isPublic: true, sha256: true } },
        },
      })
    : null;
  if (!found) throw new AppError("NOT_FOUND", "Cette délibération n'existe pas.");
  // An archived act is published as its archive states it: nothing to work on here, its page shows it.
  if (found.archiveImportId) return { archived: { number: found.number } } as const;
  const receiptKeys = ["actesId", "receivedAt"] as const;
  const deliberation = {
    ...requireKnown(found, ["matterCode", "report", "proposals"]),
    vote: found.vote && requireKnown(found.vote, TALLY_KEYS),
    prefectureReceipt: found.prefectureReceipt && requireKnown(found.prefectureReceipt, receiptKeys),
    previousVersion: found.previousVersion && {
      ...found.previousVersion,
      vote: found.previousVersion.vote && requireKnown(found.previousVersion.vote, ["votesFor", "votesAgainst", "abstentions", "nonParticipation"]),
      prefectureReceipt: found.previousVersion.prefectureReceipt && requireKnown(found.previousVersion.prefectureReceipt, receiptKeys),
    },
  };
  const sittingDay = localDay(deliberation.sitting.startsAt, await timeZoneOf(options.db, actor.municipalityId));
  const [councillors, municipality, windows, groups, previousVote] = await Promise.all([
    options.db.$transaction((tx) => councillorsInOffice(tx, actor.municipalityId, deliberation.sitting)),
    options.db.municipality.findUniqueOrThrow({ where: { id: actor.municipalityId }, select: { departmentCode: true, siren: true, slug: true } }),
    loadDerogationWindows(options.db, actor.municipalityId),
    groupsOnDay(options.db, actor.municipalityId, sittingDay),
    previousPublicVote(options.db, actor.municipalityId, deliberation),
  ]);
  return { archived: null, deliberation, councillors, municipality, windows, groups, previousVote };
}

/**
 * The public vote of the item before this one in the sitting (the current version
 * of the closest earlier deliberation that has one): what "copy the previous
 * item's vote" carries over.
 */
async function previousPublicVote(db: Db, municipalityId: string, deliberation: { id: string; orderInSitting: number; sitting: { id: string } }) {
  const previous = await db.deliberation.findFirst({
    where: { municipalityId, sittingId: deliberation.sitting.id, nextVersion: null, orderInSitting: { lt: deliberation.orderInSitting }, vote: { secret: false } },
    orderBy: [{ orderInSitting: "desc" }, { sequence: "desc" }],
    select: { number: true, orderInSitting: true, vote: { select: { choices: { select: { councillorId: true, choice: true } } } } },
  });
  return previous?.vote ? { number: previous.number, orderInSitting: previous.orderInSitting, choices: previous.vote.choices } : null;
}
