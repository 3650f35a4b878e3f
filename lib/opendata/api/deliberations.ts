import "server-only";
import type { z } from "zod";
import { compareCouncillors, type CouncillorRef } from "@/lib/councillors/councillor-ref";
import { isArchivedRecord, parseArchivedRecord, parseDeliberationRecord } from "@/lib/deliberations/deliberation-record";
import { publishedDeliberationWhere } from "@/lib/publication/published-deliberation";
import { visibleSittingWhere } from "@/lib/sittings/convened";
import { listPublicAgendas } from "@/lib/sittings/public-agenda";
import { getPrisma, type Db } from "@/lib/db/prisma";
import { getPublicMinutesState } from "@/lib/minutes/get-public-minutes";
import {
  deliberationPageSchema,
  deliberationSchema,
  type deliberationSummarySchema,
  paginationOf,
  sittingDetailSchema,
  sittingPageSchema,
  type PageQuery,
} from "./schemas";
import { deliberationUrl, isoDay, isoDayOrNull } from "./serialize";

const summarySelect = {
  id: true, number: true, version: true, subject: true, matterCode: true, outcome: true, sittingId: true, publishedAt: true, isDemo: true,
  sitting: { select: { startsAt: true } },
} as const;

type SummaryRow = {
  id: string; number: string; version: number; subject: string; matterCode: string | null; outcome: "ADOPTED" | "REJECTED" | "WITHDRAWN" | null;
  sittingId: string; publishedAt: Date | null; isDemo: boolean; sitting: { startsAt: Date };
};

function toSummary(baseUrl: string, row: SummaryRow): z.infer<typeof deliberationSummarySchema> {
  const { sitting, publishedAt, ...rest } = row;
  return {
    ...rest,
    sittingStartsAt: sitting.startsAt.toISOString(),
    publishedAt: (publishedAt ?? sitting.startsAt).toISOString(),
    url: deliberationUrl(baseUrl, row.number),
  };
}

const orderBy = [{ sitting: { startsAt: "desc" as const } }, { year: "desc" as const }, { sequence: "desc" as const }];

/** Published deliberations, newest sitting first; `year` narrows to one year. */
export async function listApiDeliberations({ municipalityId, query, year, baseUrl, db = getPrisma() }: {
  municipalityId: string; query: PageQuery; year?: number; baseUrl: string; db?: Db;
}) {
  const where = { ...publishedDeliberationWhere(municipalityId), ...(year ? { year } : {}) };
  const [rows, total] = await Promise.all([
    db.deliberation.findMany({ where, select: summarySelect, orderBy, take: query.perPage, skip: (query.page - 1) * query.perPage }),
    db.deliberation.count({ where }),
  ]);
  return deliberationPageSchema.parse({ data: rows.map((row) => toSummary(baseUrl, row)), pagination: paginationOf(query, total) });
}

/**
 * One published deliberation with its attendance, proxies, tally and named votes (none for a
 * secret ballot), and the councillors and municipality as the act names them: read from what
 * was frozen at its publication, like its page and its signed extract.
 */
export async function getApiDeliberation({ municipalityId, number, baseUrl, db = getPrisma() }: {
  municipalityId: string; number: string; baseUrl: string; db?: Db;
}) {
  const row = await db.deliberation.findFirst({
    where: { ...publishedDeliberationWhere(municipalityId), number },
    orderBy: { version: "desc" },
    select: { ...summarySelect, snapshot: { select: { record: true, municipalityRecord: true } } },
  });
  if (!row?.snapshot) return null;
  const { snapshot, ...summary } = row;
  // An archived act states less (null where its archive is silent), and says where it comes from.
  const { record, municipality } = isArchivedRecord(snapshot.record)
    ? parseArchivedRecord(snapshot.record, snapshot.municipalityRecord)
    : parseDeliberationRecord(snapshot.record, snapshot.municipalityRecord);
  const archive = "archive" in record ? record.archive : null;
  const byName = <T extends { councillor: CouncillorRef }>(entries: T[]) => [...entries].sort((a, b) => compareCouncillors(a.councillor, b.councillor));
  const named = new Map<string, CouncillorRef>();
  const name = (councillor: CouncillorRef | null) => {
    if (councillor) named.set(councillor.id, councillor);
    return councillor?.id ?? null;
  };
  const { sitting, vote, prefectureReceipt } = record;
  name(sitting.president);
  name(sitting.secretary);
  name(sitting.convenedBy);
  name(record.cosignatory);
  const rapporteurId = name(record.rapporteur);
  const attendance = byName(record.attendances).map((entry) => ({
    councillorId: name(entry.councillor)!,
    status: entry.status,
    proxyHolderId: name(entry.proxyHolder),
  }));
  const choices = vote && "choices" in vote && !vote.secret ? byName(vote.choices).map((entry) => ({ councillorId: name(entry.councillor)!, choice: entry.choice })) : [];
  return deliberationSchema.parse({
    ...toSummary(baseUrl, summary),
    reportSubject: record.reportSubject,
    service: record.service,
    policyHeading: record.policyHeading,
    report: record.report,
    proposals: record.proposals,
    rapporteurId,
    rectificationReason: record.rectificationReason,
    votedAt: isoDayOrNull(record.votedAt),
    attendance,
    vote: vote ? { participants: null, unanimous: false, castingVote: null, ...vote, choices } : null,
    receipt: prefectureReceipt
      ? {
          actesId: prefectureReceipt.actesId,
          receivedAt: prefectureReceipt.receivedAt ? isoDay(prefectureReceipt.receivedAt) : null,
          authority: "authority" in prefectureReceipt ? prefectureReceipt.authority : null,
        }
      : null,
    presidentId: sitting.president?.id ?? null,
    secretaryId: sitting.secretary?.id ?? null,
    archive: archive && { ...archive, importedAt: archive.importedAt.toISOString() },
    councillors: [...named.values()].sort(compareCouncillors),
    municipality: {
      name: municipality.name,
      siret: municipality.siret,
      membersInOffice: municipality.membersInOffice,
      administrativeCourt: municipality.administrativeCourt,
      appealNotice: municipality.appealNotice,
    },
  });
}

const sittingSelect = (municipalityId: string) => ({
  id: true, startsAt: true, kind: true, isPublic: true, place: true, convocationDate: true, isDemo: true, publicSlug: true, cancelledAt: true,
  _count: { select: { deliberations: { where: publishedDeliberationWhere(municipalityId) } } },
}) as const;

type SittingRow = {
  id: string; startsAt: Date; kind: "ORDINARY" | "EXTRAORDINARY"; isPublic: boolean; place: string | null; convocationDate: Date | null; isDemo: boolean;
  publicSlug: string | null; cancelledAt: Date | null; _count: { deliberations: number };
};

const toSitting = ({ _count, startsAt, convocationDate, publicSlug, cancelledAt, ...rest }: SittingRow) => ({
  ...rest,
  startsAt: startsAt.toISOString(),
  convocationDate: convocationDate ? isoDay(convocationDate) : null,
  slug: publicSlug ?? "",
  cancelledAt: cancelledAt ? cancelledAt.toISOString() : null,
  publishedDeliberations: _count.deliberations,
});

/** Public sittings (convened, or with a published deliberation), newest first. */
export async function listApiSittings({ municipalityId, query, db = getPrisma() }: { municipalityId: string; query: PageQuery; db?: Db }) {
  const where = visibleSittingWhere(municipalityId);
  const [rows, total] = await Promise.all([
    db.sitting.findMany({ where, select: sittingSelect(municipalityId), orderBy: [{ startsAt: "desc" }, { id: "asc" }], take: query.perPage, skip: (query.page - 1) * query.perPage }),
    db.sitting.count({ where }),
  ]);
  return sittingPageSchema.parse({ data: rows.map(toSitting), pagination: paginationOf(query, total) });
}

export async function getApiSitting({ municipalityId, id, baseUrl, db = getPrisma() }: { municipalityId: string; id: string; baseUrl: string; db?: Db }) {
  const row = await db.sitting.findFirst({ where: { ...visibleSittingWhere(municipalityId), id }, select: sittingSelect(municipalityId) });
  if (!row) return null;
  const [deliberations, agendas] = await Promise.all([
    db.deliberation.findMany({
      where: { ...publishedDeliberationWhere(municipalityId), sittingId: id },
      select: summarySelect,
      orderBy: { orderInSitting: "asc" },
    }),
    listPublicAgendas(db, municipalityId, [id]),
  ]);
  const { timeZone } = await db.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { timeZone: true } });
  const minutes = await getPublicMinutesState(db, { municipalityId, sittingId: id, zone: timeZone });
  return sittingDetailSchema.parse({
    ...toSitting(row),
    agenda: agendas.get(id) ?? [],
    deliberations: deliberations.map((deliberation) => toSummary(baseUrl, deliberation)),
    minutes: minutes
      ? {
          status: minutes.status,
          state: minutes.state,
          pdfUrl: minutes.published && row.publicSlug ? `${baseUrl.replace(/\/$/, "")}/seances/${row.publicSlug}/proces-verbal.pdf` : null,
          publishedVersion: minutes.published?.version ?? null,
        }
      : null,
  });
}
