import "server-only";
import { BACK_OFFICE_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import { ExtractKind, type Db } from "@/lib/db/prisma";
import { storedExtractSelect, type StoredExtract } from "@/lib/extracts/store-issued-extract";
import { isUuid } from "@/lib/validations/common";

/** A sitting's convocation for the back office: every sending (newest first) and the latest signed convocation. */
export async function getConvocationStatus(options: { db: Db; actor: SessionUser | null; sittingId: string }) {
  const actor = authorize(options.actor, BACK_OFFICE_ROLES);
  if (!isUuid(options.sittingId)) return { sendings: [], latest: null };
  const [sendings, latest] = await Promise.all([
    options.db.convocationSending.findMany({
      where: { municipalityId: actor.municipalityId, sittingId: options.sittingId },
      orderBy: [{ sentAt: "desc" }, { councillor: { lastName: "asc" } }],
      select: { id: true, channel: true, sentAt: true, emailAddress: true, councillor: { select: { civility: true, firstName: true, lastName: true } } },
    }),
    options.db.issuedExtract.findFirst({
      where: { municipalityId: actor.municipalityId, sittingId: options.sittingId, kind: ExtractKind.CONVOCATION },
      orderBy: { issuedAt: "desc" },
      select: { verificationCode: true, issuedAt: true },
    }),
  ]);
  return { sendings, latest };
}

/** The latest signed convocation of a sitting (back office download). */
export async function getLatestConvocationExtract(options: { db: Db; actor: SessionUser | null; sittingId: string }): Promise<StoredExtract | null> {
  const actor = authorize(options.actor, BACK_OFFICE_ROLES);
  if (!isUuid(options.sittingId)) return null;
  return options.db.issuedExtract.findFirst({
    where: { municipalityId: actor.municipalityId, sittingId: options.sittingId, kind: ExtractKind.CONVOCATION },
    orderBy: { issuedAt: "desc" },
    select: storedExtractSelect,
  });
}
