import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { BACK_OFFICE_ROLES, authorize } from "@/lib/auth/roles";
import { deliberationRecordSelect, shapeDeliberationRecord } from "@/lib/deliberations/deliberation-record";
import { getPrisma, type DeliberationStatus } from "@/lib/db/prisma";
import { localDay } from "@/lib/domain";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import type { ExtractDeliberation } from "./extract-types";

// For the back office: any deliberation of the user's municipality, whatever
// its status, shaped as the extract reads it (the same selection as the
// public page's, without the published filter).

export async function getDeliberationForStaff({
  user,
  deliberationId,
}: {
  user: SessionUser | null;
  deliberationId: string;
}): Promise<{ status: DeliberationStatus; extract: ExtractDeliberation } | null> {
  const { municipalityId } = authorize(user, BACK_OFFICE_ROLES);
  const prisma = getPrisma();
  const deliberation = await prisma.deliberation.findFirst({
    where: { municipalityId, id: deliberationId },
    select: deliberationRecordSelect,
  });
  if (!deliberation) return null;

  const { status, ...record } = shapeDeliberationRecord(deliberation);
  const extract: ExtractDeliberation = {
    ...record,
    sitting: { ...record.sitting, slug: localDay(record.sitting.startsAt, await timeZoneOf(prisma, municipalityId)) },
    versions: [],
  };
  return { status, extract };
}
