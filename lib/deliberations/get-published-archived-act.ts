import "server-only";
import { getPrisma, type Outcome, type SittingKind } from "@/lib/db/prisma";
import type { StatedTally } from "@/lib/domain";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { publishedDeliberationWhere } from "@/lib/publication/published-deliberation";
import { getPublicSittingSlug } from "@/lib/sittings/public-sitting-slug";
import { groupAttendance, isArchivedRecord, parseArchivedRecord, type StatedMunicipality } from "./deliberation-record";

// An act brought in from an archive (lib/import), as its page shows it:
// only what its archive states, and where it comes from. Nothing is
// invented: an unknown hour, place, officer, figure or identifier is null.

export type PublishedArchivedAct = {
  number: string;
  /** The identifier as the archive writes it ("AP D 21-07-1"); the number adds "@<day>" when another act holds it. */
  originalIdentifier: string;
  isDemo: boolean;
  subject: string;
  matterCode: string | null;
  outcome: Outcome | null;
  publishedAt: Date;
  sitting: {
    slug: string;
    startsAt: Date;
    hourKnown: boolean;
    kind: SittingKind;
    place: string | null;
    president: CouncillorRef | null;
    secretary: CouncillorRef | null;
  };
  /** Null when the archive names no roll call. */
  attendance: ReturnType<typeof groupAttendance> | null;
  vote: (StatedTally & { participants: number | null; unanimous: boolean; result: Outcome }) | null;
  receipt: { actesId: string | null; authority: string | null; receivedAt: Date | null } | null;
  budgetYear: string | null;
  budgetName: string | null;
  archive: { format: "scdl" | "minutes" | "registre"; fileName: string; sha256: string; importedAt: Date; sourceUrl: string | null };
  municipality: StatedMunicipality & { timeZone: string };
};

/** A published archived act by its number, or null (none, or an act entered here: getPublishedDeliberation reads those). */
export async function getPublishedArchivedAct({ municipalityId, number }: { municipalityId: string; number: string }): Promise<PublishedArchivedAct | null> {
  const prisma = getPrisma();
  const row = await prisma.deliberation.findFirst({
    where: { ...publishedDeliberationWhere(municipalityId), number, archiveImportId: { not: null } },
    select: { snapshot: { select: { record: true, municipalityRecord: true } } },
  });
  if (!row?.snapshot || !isArchivedRecord(row.snapshot.record)) return null;
  const { record, municipality } = parseArchivedRecord(row.snapshot.record, row.snapshot.municipalityRecord);
  if (!record.publishedAt) return null;
  const [slug, timeZone] = await Promise.all([
    getPublicSittingSlug({ municipalityId, sittingId: record.sittingId, startsAt: record.sitting.startsAt }),
    timeZoneOf(prisma, municipalityId),
  ]);
  const { sitting, vote, prefectureReceipt, archive } = record;
  return {
    number: record.number,
    originalIdentifier: archive.originalIdentifier,
    isDemo: record.isDemo,
    subject: record.subject,
    matterCode: record.matterCode,
    outcome: record.outcome,
    publishedAt: record.publishedAt,
    sitting: { slug, startsAt: sitting.startsAt, hourKnown: sitting.hourKnown, kind: sitting.kind, place: sitting.place, president: sitting.president, secretary: sitting.secretary },
    attendance: record.attendances.length ? groupAttendance(record.attendances) : null,
    vote: vote && { ...vote },
    receipt: prefectureReceipt,
    budgetYear: record.budgetYear,
    budgetName: record.budgetName,
    archive: { format: archive.format, fileName: archive.fileName, sha256: archive.sha256, importedAt: archive.importedAt, sourceUrl: archive.sourceUrl },
    municipality: { ...municipality, timeZone },
  };
}
