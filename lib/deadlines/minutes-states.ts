import "server-only";
import type { Db } from "@/lib/db/prisma";
import type { MinutesState } from "@/lib/domain/sitting-deadlines";

/**
 * Where the deadlines read each held sitting's procès-verbal state. The
 * minutes' records are not on this branch yet: until they are connected
 * (lib/minutes), every sitting reads as "not written", so the deadlines show
 * the PV to submit. The coordinator replaces `readMinutesStates` with the
 * minutes' own read function; nothing else changes.
 */
export type MinutesStateReader = (db: Db, municipalityId: string, sittingIds: readonly string[]) => Promise<Map<string, MinutesState>>;

export const readMinutesStates: MinutesStateReader = async (_db, _municipalityId, sittingIds) =>
  new Map(sittingIds.map((id) => [id, { status: "NONE", adoptedDay: null } satisfies MinutesState]));
