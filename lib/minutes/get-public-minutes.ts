import "server-only";
import { MinutesStatus, type Db, type Tx } from "@/lib/db/prisma";
import { describeAdoptionVote, describeMinutesState, isoDay, localDay } from "@/lib/domain";
import { minutesRecordSchema, type MinutesRecord } from "./minutes-record";

// What the public sees of a sitting's PV: its stage once submitted ("projet
// soumis à la séance du …", "adopté le …, publié le …"), and the published
// version the signed PDF renders. A draft (or a correction being drafted) is
// not public: the page then shows the last published version's state.

export type PublicMinutesState = {
  /** The stage shown (a draft is not public: never DRAFT). */
  status: Exclude<MinutesStatus, "DRAFT">;
  state: string;
  /** The published version, when there is one: its PDF is at /seances/<date>/proces-verbal.pdf. */
  published: { version: number; publishedAt: Date } | null;
};

const versionSelect = {
  id: true,
  version: true,
  status: true,
  adoptedAt: true,
  publishedAt: true,
  approvingSitting: { select: { startsAt: true } },
} as const;

export async function getPublicMinutesState(db: Db, { municipalityId, sittingId, zone }: { municipalityId: string; sittingId: string; zone: string }): Promise<PublicMinutesState | null> {
  const versions = await db.minutes.findMany({ where: { municipalityId, sittingId }, orderBy: { version: "desc" }, select: versionSelect });
  const published = versions.find((version) => version.status === MinutesStatus.PUBLISHED) ?? null;
  const current = versions[0];
  if (!current) return null;
  const shown = current.status === MinutesStatus.DRAFT ? published : current;
  if (!shown || shown.status === MinutesStatus.DRAFT) return null;
  return {
    status: shown.status,
    state: describeMinutesState({
      status: shown.status,
      approvingSittingDay: shown.approvingSitting ? localDay(shown.approvingSitting.startsAt, zone) : null,
      adoptedOn: shown.adoptedAt ? isoDay(shown.adoptedAt) : null,
      publishedOn: shown.publishedAt ? localDay(shown.publishedAt, zone) : null,
    }),
    published: published?.publishedAt ? { version: published.version, publishedAt: published.publishedAt } : null,
  };
}

export type PublishedMinutes = {
  id: string;
  sittingId: string;
  version: number;
  record: MinutesRecord;
  isDemo: boolean;
  publishedAt: Date;
  adoption: { adoptedAt: Date; result: string; observations: string | null; approvingSittingStartsAt: Date };
};

/** The latest published version of the sitting's PV, as frozen at its publication. */
export async function getPublishedMinutes(db: Db | Tx, { municipalityId, sittingId }: { municipalityId: string; sittingId: string }): Promise<PublishedMinutes | null> {
  const row = await db.minutes.findFirst({
    where: { municipalityId, sittingId, status: MinutesStatus.PUBLISHED },
    orderBy: { version: "desc" },
    select: {
      id: true,
      sittingId: true,
      version: true,
      record: true,
      publishedAt: true,
      adoptedAt: true,
      adoptionVotesFor: true,
      adoptionVotesAgainst: true,
      adoptionAbstentions: true,
      adoptionObservations: true,
      sitting: { select: { isDemo: true } },
      approvingSitting: { select: { startsAt: true } },
    },
  });
  if (!row?.record || !row.publishedAt || !row.adoptedAt || !row.approvingSitting) return null;
  return {
    id: row.id,
    sittingId: row.sittingId,
    version: row.version,
    record: minutesRecordSchema.parse(row.record),
    isDemo: row.sitting.isDemo,
    publishedAt: row.publishedAt,
    adoption: {
      adoptedAt: row.adoptedAt,
      result: describeAdoptionVote({ votesFor: row.adoptionVotesFor ?? 0, votesAgainst: row.adoptionVotesAgainst ?? 0, abstentions: row.adoptionAbstentions ?? 0 }),
      observations: row.adoptionObservations,
      approvingSittingStartsAt: row.approvingSitting.startsAt,
    },
  };
}
