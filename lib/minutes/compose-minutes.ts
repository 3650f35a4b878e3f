import "server-only";
import { compareCouncillors, councillorRefSelect } from "@/lib/councillors/councillor-ref";
import { AgendaItemKind, AttendanceStatus, Prisma, type Db, type Tx } from "@/lib/db/prisma";
import { checkQuorum, describeAdoptionVote, isoDay, localDay, type DerogationWindow } from "@/lib/domain";
import { describeRollCallMovements } from "@/lib/publication/roll-call-movements";
import { loadDerogationWindows } from "@/lib/municipality/load-derogation-windows";
import { parseDeliberationRecord, voteFigures, type DeliberationRecordRow } from "@/lib/publication/stated-record";
import { minutesItemKey, readItemDiscussions } from "./minutes-items";
import type { MinutesCouncillor, MinutesItem, MinutesRecord } from "./minutes-record";
import { requireKnown } from "@/lib/publication/known-facts";

// The procès-verbal composed from what the portal already holds (nothing is
// typed twice): the sitting and its officers, the roll call at the opening and
// its changes, each agenda item in order with, for a deliberation, its report
// heading, proposals, quorum, tally and (public ballot) named votes, and the
// PVs of earlier sittings approved there; the clerk's texts are added to it.

export type MinutesTexts = {
  version: number;
  correctionReason: string | null;
  openingDiscussion: string | null;
  ballotRequests: string | null;
  urgencyRuling: string | null;
  itemDiscussions: unknown;
};

type Examined = { record: DeliberationRecordRow };

/** Deliberations of the sitting that came before the council (not drafts), latest version of each, in the sitting's order. */
async function readExaminedDeliberations(db: Db | Tx, sittingId: string): Promise<Examined[]> {
  const rows = await db.$queryRaw<{ record: unknown; municipality: unknown }[]>(Prisma.sql`
    SELECT coalesce(s."record", deliberation_record(d."id")) AS "record", municipality_record(d."municipality_id") AS "municipality"
    FROM "deliberation" d LEFT JOIN "deliberation_snapshot" s ON s."deliberation_id" = d."id"
    WHERE d."sitting_id" = ${sittingId}::uuid AND d."status" <> 'DRAFT'
      AND NOT EXISTS (SELECT 1 FROM "deliberation" n WHERE n."previous_version_id" = d."id")
    ORDER BY d."order_in_sitting", d."sequence"`);
  return rows.map((row) => ({ record: parseDeliberationRecord(row.record, row.municipality).record }));
}

const sorted = (councillors: MinutesCouncillor[]) => [...councillors].sort(compareCouncillors);

function rollCallOf(record: DeliberationRecordRow): MinutesRecord["rollCall"] {
  const withStatus = (status: AttendanceStatus) => sorted(record.attendances.filter((entry) => entry.status === status).map((entry) => entry.councillor));
  return {
    present: withStatus(AttendanceStatus.PRESENT),
    represented: record.attendances
      .filter((entry) => entry.status === AttendanceStatus.REPRESENTED && entry.proxyHolder)
      .map((entry) => ({ giver: entry.councillor, holder: entry.proxyHolder! }))
      .sort((a, b) => compareCouncillors(a.giver, b.giver)),
    excused: withStatus(AttendanceStatus.EXCUSED),
    absent: withStatus(AttendanceStatus.ABSENT),
  };
}


function quorumOf(record: DeliberationRecordRow, sitting: { membersInOffice: number; reconvened: boolean; day: string }, windows: readonly DerogationWindow[]) {
  if (record.attendances.length === 0) return null;
  const present = record.attendances.filter((entry) => entry.status === AttendanceStatus.PRESENT).length;
  if (present > sitting.membersInOffice) return null;
  const check = checkQuorum({ membersInOffice: sitting.membersInOffice, present, date: sitting.day, reconvened: sitting.reconvened, windows });
  return { present, required: check.required, reached: check.reached, message: check.message };
}

function deliberationOf(record: DeliberationRecordRow, quorum: ReturnType<typeof quorumOf>): NonNullable<MinutesItem["deliberation"]> {
  const { vote } = record;
  const votedAs = (choice: "FOR" | "AGAINST" | "ABSTENTION" | "NOT_VOTING") =>
    vote && !vote.secret ? sorted(vote.choices.filter((entry) => entry.choice === choice).map((entry) => entry.councillor)) : [];
  return {
    number: record.number,
    orderInSitting: record.orderInSitting,
    subject: record.subject,
    reportSubject: record.reportSubject,
    policyHeading: record.policyHeading,
    service: record.service,
    matterCode: record.matterCode,
    rapporteur: record.rapporteur,
    report: record.report,
    proposals: record.proposals,
    status: record.status,
    outcome: record.outcome,
    quorum,
    vote: vote
      ? {
          ...voteFigures(vote),
          votedFor: votedAs("FOR"),
          against: votedAs("AGAINST"),
          abstained: votedAs("ABSTENTION"),
          notVoting: votedAs("NOT_VOTING"),
        }
      : null,
  };
}

/** The PV of the sitting as the records say it now, with the clerk's texts. */
export async function composeMinutes(db: Db | Tx, { municipalityId, sittingId, texts }: { municipalityId: string; sittingId: string; texts: MinutesTexts }): Promise<MinutesRecord> {
  const sitting = requireKnown(await db.sitting.findFirstOrThrow({
    where: { id: sittingId, municipalityId },
    select: {
      startsAt: true,
      kind: true,
      isPublic: true,
      place: true,
      convocationDate: true,
      reconvened: true,
      membersInOffice: true,
      convenedBy: { select: councillorRefSelect },
      president: { select: councillorRefSelect },
      secretary: { select: councillorRefSelect },
      municipality: { select: { name: true, communeName: true, timeZone: true } },
      agendaItems: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true, position: true, kind: true, title: true, deliberation: { select: { number: true } }, minutesSitting: { select: { id: true, startsAt: true } } },
      },
    },
  }), ["place", "convenedBy", "president", "secretary"]);
  const zone = sitting.municipality.timeZone;
  const day = localDay(sitting.startsAt, zone);
  const examined = await readExaminedDeliberations(db, sittingId);
  const windows = await loadDerogationWindows(db, municipalityId);
  const discussions = readItemDiscussions(texts.itemDiscussions);
  const facts = { membersInOffice: sitting.membersInOffice, reconvened: sitting.reconvened, day };
  const byNumber = new Map(examined.map((entry) => [entry.record.number, entry.record]));

  const approvals = await db.minutes.findMany({
    where: { municipalityId, approvingSittingId: sittingId },
    orderBy: { version: "desc" },
    select: { sittingId: true, status: true, adoptionVotesFor: true, adoptionVotesAgainst: true, adoptionAbstentions: true, adoptionObservations: true },
  });
  const approvalOf = (earlierSittingId: string) => approvals.find((entry) => entry.sittingId === earlierSittingId);

  const items: MinutesItem[] = [];
  const listed = new Set<string>();
  for (const item of sitting.agendaItems) {
    const key = minutesItemKey({ agendaItemId: item.id });
    const record = item.deliberation ? byNumber.get(item.deliberation.number) : undefined;
    if (record) listed.add(record.number);
    const approval = item.kind === AgendaItemKind.MINUTES_APPROVAL && item.minutesSitting ? approvalOf(item.minutesSitting.id) : undefined;
    items.push({
      key,
      position: item.position,
      kind: item.kind,
      title: item.title,
      // A text written before the agenda item existed stays under the deliberation's number.
      discussion: discussions[key] ?? (record ? discussions[minutesItemKey({ deliberationNumber: record.number })] : undefined) ?? null,
      deliberation: record ? deliberationOf(record, quorumOf(record, facts, windows)) : null,
      approval: item.minutesSitting
        ? {
            sittingStartsAt: item.minutesSitting.startsAt.toISOString(),
            result:
              approval && (approval.status === "ADOPTED" || approval.status === "PUBLISHED") && approval.adoptionVotesFor !== null
                ? describeAdoptionVote({ votesFor: approval.adoptionVotesFor, votesAgainst: approval.adoptionVotesAgainst ?? 0, abstentions: approval.adoptionAbstentions ?? 0 })
                : null,
            observations: approval?.adoptionObservations ?? null,
          }
        : null,
    });
  }
  // Deliberations examined without an agenda item (sittings recorded before the agenda existed).
  let position = items.reduce((highest, item) => Math.max(highest, item.position), 0);
  for (const { record } of examined) {
    if (listed.has(record.number)) continue;
    const key = minutesItemKey({ deliberationNumber: record.number });
    position += 1;
    items.push({
      key,
      position,
      kind: AgendaItemKind.DELIBERATION,
      title: record.subject,
      discussion: discussions[key] ?? null,
      deliberation: deliberationOf(record, quorumOf(record, facts, windows)),
      approval: null,
    });
  }

  const opening = examined.find(({ record }) => record.attendances.length > 0);
  return {
    version: texts.version,
    correctionReason: texts.correctionReason,
    municipality: { name: sitting.municipality.name, communeName: sitting.municipality.communeName, timeZone: zone },
    sitting: {
      startsAt: sitting.startsAt.toISOString(),
      kind: sitting.kind,
      isPublic: sitting.isPublic,
      place: sitting.place,
      convocationDate: sitting.convocationDate ? isoDay(sitting.convocationDate) : null,
      reconvened: sitting.reconvened,
      membersInOffice: sitting.membersInOffice,
      convenedBy: sitting.convenedBy,
      president: sitting.president,
      secretary: sitting.secretary,
    },
    rollCall: opening ? rollCallOf(opening.record) : null,
    movements: describeRollCallMovements(examined.map(({ record }) => record)),
    opening: texts.openingDiscussion,
    ballotRequests: texts.ballotRequests,
    urgencyRuling: texts.urgencyRuling,
    items,
  };
}
