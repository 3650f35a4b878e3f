import "server-only";
import { unstable_cache } from "next/cache";
import { listCouncillorRecords, type CouncillorRecordSummary } from "@/lib/councillor-records/list-councillor-records";
import { countPublishedDeliberations } from "@/lib/deliberations/list-published-deliberations";
import type { GroupTally } from "@/lib/domain/political-groups";
import { getVotesByGroup } from "@/lib/groups/public-groups";
import { getCouncilStatistics, type CouncilStatistics } from "./get-council-statistics";

// The figures the public pages count over every published act (/statistiques,
// /elus, and the number of acts /deliberations pages through): over the whole
// record, they take from 50 ms to seconds on a town of 200,000 acts, and they
// change only when something is published, a sitting,
// a councillor or a group changes, or an archive comes in. They are kept in
// Next's data cache, like the search form's options: each of those changes
// expires PUBLIC_FIGURES_TAG (lib/cache/public-pages.ts), on every web
// instance through the portal's cache handler, and `revalidate` bounds how
// long an instance that missed it may show the figures of before.

export const PUBLIC_FIGURES_TAG = "public-figures";
const STALE_AFTER_SECONDS = 300;
const options = { tags: [PUBLIC_FIGURES_TAG], revalidate: STALE_AFTER_SECONDS };

/**
 * `compute` through the data cache; rendered outside a Next server (a page called by a script or a test, where Next
 * has no cache to give: "incrementalCache missing"), computed directly.
 */
function cached<T>(compute: (municipalityId: string) => Promise<T>, key: string): (municipalityId: string) => Promise<T> {
  const read = unstable_cache(compute, [key], options);
  return async (municipalityId) => {
    try {
      return await read(municipalityId);
    } catch (error) {
      if (error instanceof Error && error.message.includes("incrementalCache missing")) return compute(municipalityId);
      throw error;
    }
  };
}

const statistics = cached((municipalityId) => getCouncilStatistics({ municipalityId }), "council-statistics");
const groups = cached((municipalityId) => getVotesByGroup({ municipalityId }), "votes-by-group");
const councillors = cached((municipalityId) => listCouncillorRecords({ municipalityId }), "councillor-records");
const publishedCount = cached((municipalityId) => countPublishedDeliberations({ municipalityId }), "published-deliberation-count");

// The cache keeps JSON: its dates come back as strings.
const date = (value: Date | string) => new Date(value);

/** The council's statistics (get-council-statistics.ts), through the data cache (inside a request only). */
export async function readCouncilStatistics(municipalityId: string): Promise<CouncilStatistics> {
  const figures = await statistics(municipalityId);
  return { ...figures, sittings: figures.sittings.map((sitting) => ({ ...sitting, startsAt: date(sitting.startsAt) })) };
}

/** The named public votes by group (public-groups.ts), through the data cache (inside a request only). */
export function readVotesByGroup(municipalityId: string): Promise<GroupTally[]> {
  return groups(municipalityId);
}

/** Every councillor's figures (list-councillor-records.ts), through the data cache (inside a request only). */
export async function readCouncillorRecords(municipalityId: string): Promise<CouncillorRecordSummary[]> {
  const records = await councillors(municipalityId);
  return records.map((record) => ({ ...record, mandateStart: date(record.mandateStart), mandateEnd: record.mandateEnd ? date(record.mandateEnd) : null }));
}

/** How many acts are published (countPublishedDeliberations), through the data cache (inside a request only). */
export function readPublishedDeliberationCount(municipalityId: string): Promise<number> {
  return publishedCount(municipalityId);
}
