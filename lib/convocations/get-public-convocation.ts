import "server-only";
import { ExtractKind, getPrisma, type Db } from "@/lib/db/prisma";
import { storedExtractSelect, type StoredExtract } from "@/lib/extracts/store-issued-extract";
import { isUuid } from "@/lib/validations/common";

/**
 * The signed convocation of a public sitting, as last sent: public from the convocation on
 * (L2121-10), for a route such as /seances/<date>/convocation.pdf. Null for a sitting held
 * behind closed doors or never convened through the portal.
 */
export async function getPublicConvocation({ municipalityId, sittingId, db = getPrisma() }: { municipalityId: string; sittingId: string; db?: Db }): Promise<StoredExtract | null> {
  if (!isUuid(sittingId)) return null;
  return db.issuedExtract.findFirst({
    where: { municipalityId, sittingId, kind: ExtractKind.CONVOCATION, sitting: { isPublic: true, convocationDate: { not: null } } },
    orderBy: { issuedAt: "desc" },
    select: storedExtractSelect,
  });
}
