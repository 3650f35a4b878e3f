import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { BACK_OFFICE_ROLES, authorize } from "@/lib/auth/roles";
import { readLiveDeliberationRecord, shapeDeliberationRecord } from "@/lib/deliberations/deliberation-record";
import { getPrisma, type DeliberationStatus } from "@/lib/db/prisma";
import { localDay } from "@/lib/domain";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { uuidSchema } from "@/lib/validations/common";
import type { ExtractDeliberation } from "./extract-types";

// For the back office: any deliberation of the user's municipality, whatever
// its status, shaped as the extract reads it: the same record as the public
// page's, built from the rows as they are now (a draft follows its councillors
// and the settings until it is published and frozen).

export async function getDeliberationForStaff({
  user,
  deliberationId,
}: {
  user: SessionUser | null;
  deliberationId: string;
}): Promise<{ status: DeliberationStatus; extract: ExtractDeliberation } | null> {
  const { municipalityId } = authorize(user, BACK_OFFICE_ROLES);
  const prisma = getPrisma();
  const live = uuidSchema("").safeParse(deliberationId).success ? await readLiveDeliberationRecord(prisma, { municipalityId, id: deliberationId }) : null;
  if (!live) return null;

  const { status, ...record } = shapeDeliberationRecord(live.record);
  const timeZone = await timeZoneOf(prisma, municipalityId);
  const extract: ExtractDeliberation = {
    ...record,
    sitting: { ...record.sitting, slug: localDay(record.sitting.startsAt, timeZone) },
    versions: [],
    municipality: { ...live.municipality, timeZone },
  };
  return { status, extract };
}
