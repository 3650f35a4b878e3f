import "server-only";
import { getPrisma, type Db } from "@/lib/db/prisma";
import { compareCouncillors, councillorRefSelect, type CouncillorRef } from "@/lib/councillors/councillor-ref";
import { localDayBounds, localYear } from "@/lib/domain";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { publicSittingWhere, publishedDeliberationWhere } from "@/lib/publication/published-deliberation";
import { statedAttendanceSchema, statedMunicipalitySchema, type StatedMunicipality } from "@/lib/publication/stated-record";
import { getPublicSitting, type PublicSitting } from "@/lib/sittings/get-public-sitting";
import { requireKnown } from "@/lib/publication/known-facts";

// What the register's sheets restate (R2121-9), read from the published acts as
// they were frozen at publication: a sitting's order numbers and members
// present for its closing sheet; a year's deliberations for its tables.

export type ClosingSheetSource = {
  // A sitting held here: its place and officers are known (an archived sitting has no sheet).
  sitting: Pick<PublicSitting, "id" | "slug" | "startsAt" | "isPublic" | "isDemo" | "kind"> & {
    place: string;
    president: CouncillorRef;
    secretary: CouncillorRef;
    /** The secretaries after the first, in order: each signs the sheet. */
    otherSecretaries: CouncillorRef[];
  };
  deliberations: { number: string; orderInSitting: number; subject: string }[];
  /** Every member present at one of the sitting's published acts at least, as the table lists them. */
  present: CouncillorRef[];
  /** The municipality's time zone: the clock the sitting's day is read on. */
  zone: string;
};

export type RegisterEntry = { number: string; orderInSitting: number; subject: string; matterCode: string | null; sittingStartsAt: Date; isDemo: boolean };

function yearBounds(year: number, zone: string) {
  return { gte: localDayBounds(`${year}-01-01`, zone).gte, lt: localDayBounds(`${year + 1}-01-01`, zone).gte };
}

/** The closing sheet's record of a held sitting by its public address; null when none of its acts is published. */
export async function loadClosingSheetSource({ municipalityId, date, db = getPrisma() }: { municipalityId: string; date: string; db?: Db }): Promise<{ source: ClosingSheetSource; municipality: StatedMunicipality } | null> {
  const found = await getPublicSitting({ municipalityId, date });
  // The register kept here holds the sittings held here: an archived sitting's sheet is in its paper register.
  if (!found || found.archived) return null;
  const sitting = requireKnown(found, ["president", "secretary", "place"]);
  const [others, snapshots, zone] = await Promise.all([
    db.sittingSecretary.findMany({ where: { municipalityId, sittingId: sitting.id }, orderBy: { position: "asc" }, select: { councillor: { select: councillorRefSelect } } }),
    db.deliberationSnapshot.findMany({
      where: { municipalityId, deliberation: { ...publishedDeliberationWhere(municipalityId), sittingId: sitting.id } },
      select: { record: true },
    }),
    timeZoneOf(db, municipalityId),
  ]);
  const present = new Map<string, CouncillorRef>();
  for (const snapshot of snapshots) {
    const attendances = statedAttendanceSchema.parse((snapshot.record as { attendances?: unknown }).attendances);
    for (const entry of attendances) if (entry.status === "PRESENT") present.set(entry.councillor.id, entry.councillor);
  }
  return {
    municipality: sitting.municipality,
    source: {
      sitting: {
        id: sitting.id,
        slug: sitting.slug,
        startsAt: sitting.startsAt,
        isPublic: sitting.isPublic,
        isDemo: sitting.isDemo,
        kind: sitting.kind,
        place: sitting.place,
        president: sitting.president,
        secretary: sitting.secretary,
        otherSecretaries: others.map((other) => other.councillor),
      },
      deliberations: sitting.deliberations.map(({ number, orderInSitting, subject }) => ({ number, orderInSitting, subject })),
      present: [...present.values()].sort(compareCouncillors),
      zone,
    },
  };
}

/** The public addresses of a year's held sittings (a published act), in the order they sat. */
export async function listRegisterSittings({ municipalityId, year, db = getPrisma() }: { municipalityId: string; year: number; db?: Db }): Promise<string[]> {
  const zone = await timeZoneOf(db, municipalityId);
  const rows = await db.sitting.findMany({
    where: { ...publicSittingWhere(municipalityId), archiveImportId: null, startsAt: yearBounds(year, zone) },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { publicSlug: true },
  });
  return rows.flatMap((row) => (row.publicSlug ? [row.publicSlug] : []));
}

/** A year's published deliberations, in the order of the register (sitting, then order number). */
export async function listRegisterEntries({ municipalityId, year, db = getPrisma() }: { municipalityId: string; year: number; db?: Db }): Promise<{ entries: RegisterEntry[]; municipality: StatedMunicipality | null; zone: string }> {
  const zone = await timeZoneOf(db, municipalityId);
  const rows = await db.deliberation.findMany({
    where: { ...publishedDeliberationWhere(municipalityId), archiveImportId: null, sitting: { startsAt: yearBounds(year, zone) } },
    orderBy: [{ sitting: { startsAt: "asc" } }, { orderInSitting: "asc" }, { sequence: "asc" }],
    select: { number: true, orderInSitting: true, subject: true, matterCode: true, isDemo: true, sitting: { select: { startsAt: true } }, snapshot: { select: { municipalityRecord: true } } },
  });
  const first = rows[0]?.snapshot?.municipalityRecord;
  return {
    zone,
    municipality: first ? statedMunicipalitySchema.parse(first) : null,
    entries: rows.map(({ sitting, snapshot: _snapshot, ...entry }) => ({ ...entry, sittingStartsAt: sitting.startsAt })),
  };
}

/** Years with at least one held sitting (a published act), newest first. */
export async function listRegisterYears({ municipalityId, db = getPrisma() }: { municipalityId: string; db?: Db }): Promise<number[]> {
  const zone = await timeZoneOf(db, municipalityId);
  const rows = await db.sitting.findMany({ where: publicSittingWhere(municipalityId), select: { startsAt: true } });
  const years = new Set(rows.map((row) => localYear(row.startsAt, zone)));
  return [...years].sort((a, b) => b - a);
}
