import type { AttendanceStatus, Outcome } from "@/lib/domain/types";
import type { ArchivedActInput, ArchivedAttendanceInput, ArchivedVoteInput } from "@/lib/import/archived-act";
import type { ReviewedMinutes, ReviewedMinutesInput } from "@/lib/validations/minutes-import";
import type { MinutesProposal, MinutesProposalSitting } from "./propose-from-document";

// From the proposal to the archive: the form's first values (what the reader
// found, names replaced by the councillors they matched), then, once the
// clerk has reviewed them, the acts the archive writer records. Nothing is
// added that the document or the clerk did not give.

/** A name of the proposal no councillor was found for: the form asks the clerk to choose. */
export type UnresolvedName = { sitting: number; written: string; candidates: { id: string; name: string }[] };

type SittingInput = ReviewedMinutesInput["sittings"][number];
type AttendanceRow = NonNullable<SittingInput["attendance"]>[number];

/** The form's first values: a reviewed proposal but for what the clerk must still say (an outcome the document does not state). */
export type MinutesReviewDraft = {
  fileName: string;
  sittings: (Omit<SittingInput, "deliberations"> & { deliberations: (Omit<SittingInput["deliberations"][number], "outcome"> & { outcome: Outcome | null })[] })[];
};

function rollCallOf(sitting: MinutesProposalSitting, idOf: (written: string) => string | null): AttendanceRow[] | null {
  const rows = new Map<string, AttendanceRow>();
  const noteOf = (written: string) =>
    [
      ...sitting.arrivals.filter((movement) => movement.name === written).map((movement) => `Arrivée : ${movement.note}`),
      ...sitting.departures.filter((movement) => movement.name === written).map((movement) => `Départ : ${movement.note}`),
      ...sitting.notes.filter((note) => note.name === written).map((note) => note.note),
    ]
      .join(" ; ")
      .slice(0, 200);
  const add = (written: string, status: AttendanceStatus, holder: string | null = null) => {
    const councillorId = idOf(written);
    if (!councillorId || rows.has(councillorId)) return;
    rows.set(councillorId, { councillorId, status, proxyHolderId: (holder && idOf(holder)) ?? "", note: noteOf(written) });
  };
  sitting.present.forEach((written) => add(written, "PRESENT"));
  sitting.proxies.forEach(({ giver, holder }) => add(giver, "REPRESENTED", holder));
  sitting.excusedWithoutProxy.forEach((written) => add(written, "EXCUSED"));
  sitting.absent.forEach((written) => add(written, "ABSENT"));
  const listed = sitting.present.length + sitting.proxies.length + sitting.excusedWithoutProxy.length + sitting.absent.length;
  return listed ? [...rows.values()] : null;
}

/**
 * The review form's first values: the sittings as read, each name replaced by
 * the councillor it matched; the names matched to no one (or to several) are
 * listed apart, for the clerk to choose. Outcomes and identifiers the
 * document does not give stay empty, and the form will ask for them.
 */
export function reviewFromProposal(proposal: MinutesProposal): { reviewed: MinutesReviewDraft; unresolved: UnresolvedName[] } {
  const unresolved: UnresolvedName[] = [];
  const sittings = proposal.sittings.map((sitting, index) => {
    const match = new Map(sitting.matches.map((found) => [found.written, found]));
    const idOf = (written: string) => match.get(written)?.councillorId ?? null;
    for (const found of sitting.matches) if (!found.councillorId) unresolved.push({ sitting: index, written: found.written, candidates: found.candidates });
    return {
      date: sitting.date ?? "",
      hour: sitting.hour,
      place: null,
      extraordinary: sitting.extraordinary,
      presidentId: sitting.president ? idOf(sitting.president) : null,
      secretaryId: sitting.secretary ? idOf(sitting.secretary) : null,
      membersInOffice: sitting.membersInOffice,
      attendance: rollCallOf(sitting, idOf),
      deliberations: sitting.deliberations.map((deliberation) => ({
        number: deliberation.number ?? "",
        subject: deliberation.subject,
        item: deliberation.item,
        outcome: deliberation.outcome,
        unanimous: deliberation.unanimous,
        for: deliberation.for,
        against: deliberation.against,
        abstention: deliberation.abstention,
        // Votants as printed, else those present or represented less those who did not take part, when both are printed.
        participants:
          deliberation.participants ??
          (deliberation.presentAndRepresented !== null && deliberation.nonParticipation !== null ? deliberation.presentAndRepresented - deliberation.nonParticipation : null),
        receipt: deliberation.receipt || deliberation.receiptReceivedAt ? { actesId: deliberation.receipt, receivedAt: deliberation.receiptReceivedAt } : null,
        line: deliberation.line,
      })),
      line: sitting.line,
    };
  });
  return { reviewed: { fileName: proposal.fileName, sittings }, unresolved };
}

function voteOf(deliberation: ReviewedMinutes["sittings"][number]["deliberations"][number]): ArchivedVoteInput | null {
  if (deliberation.outcome === "WITHDRAWN") return null;
  const { unanimous, participants } = deliberation;
  const figures = [deliberation.for, deliberation.against, deliberation.abstention, participants];
  if (!unanimous && figures.every((figure) => figure === null)) return null;
  return { unanimous, participants, votesFor: deliberation.for, votesAgainst: deliberation.against, abstentions: deliberation.abstention };
}

/** The reviewed sittings as the archive writer takes them: one act per deliberation, its sitting's facts with it. */
export function toArchivedActs(reviewed: ReviewedMinutes): ArchivedActInput[] {
  return reviewed.sittings.flatMap((sitting) => {
    const attendance: ArchivedAttendanceInput[] | null =
      sitting.attendance?.map((row) => ({ councillorId: row.councillorId, status: row.status, proxyHolderId: row.proxyHolderId || null, note: row.note || null })) ?? null;
    return sitting.deliberations.map((deliberation): ArchivedActInput => {
      const line = deliberation.line ?? sitting.line ?? 1;
      return {
        source: { line, label: `${reviewed.fileName}, ligne ${line}` },
        identifier: deliberation.number,
        sitting: {
          day: sitting.date,
          hour: sitting.hour,
          place: sitting.place,
          extraordinary: sitting.extraordinary,
          presidentId: sitting.presidentId,
          secretaryId: sitting.secretaryId,
          membersInOffice: sitting.membersInOffice,
          attendance,
        },
        orderInSitting: deliberation.item,
        subject: deliberation.subject,
        matterCode: null,
        outcome: deliberation.outcome,
        vote: voteOf(deliberation),
        receipt: deliberation.receipt && (deliberation.receipt.actesId || deliberation.receipt.receivedAt) ? { actesId: deliberation.receipt.actesId, authority: null, receivedAt: deliberation.receipt.receivedAt } : null,
        budgetYear: null,
        budgetName: null,
        sourceUrl: null,
      };
    });
  });
}
