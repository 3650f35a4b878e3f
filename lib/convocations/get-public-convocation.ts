import "server-only";
import { ExtractKind, getPrisma, type Db } from "@/lib/db/prisma";
import { storedExtractSelect, type StoredExtract } from "@/lib/extracts/store-issued-extract";
import { parseSittingSlug } from "@/lib/sittings/sitting-slug";
import { isUuid } from "@/lib/validations/common";

/**
 * The signed convocation of a public sitting, as last sent: public from the convocation on
 * (L2121-10), at /seances/<date>/convocation.pdf. Null for a sitting held behind closed
 * doors or never convened through the portal.
 */
export async function getPublicConvocation({ municipalityId, sittingId, db = getPrisma() }: { municipalityId: string; sittingId: string; db?: Db }): Promise<StoredExtract | null> {
  if (!isUuid(sittingId)) return null;
  return db.issuedExtract.findFirst({
    where: { municipalityId, sittingId, kind: ExtractKind.CONVOCATION, sitting: { isPublic: true, convocationDate: { not: null } } },
    orderBy: { issuedAt: "desc" },
    select: storedExtractSelect,
  });
}

/** The same, found by the sitting's public address ("2022-04-07", "2022-04-07-2"). */
export async function getPublicConvocationBySlug({ municipalityId, slug, db = getPrisma() }: { municipalityId: string; slug: string; db?: Db }): Promise<StoredExtract | null> {
  if (!parseSittingSlug(slug)) return null;
  const sitting = await db.sitting.findFirst({ where: { municipalityId, publicSlug: slug }, select: { id: true } });
  return sitting ? getPublicConvocation({ municipalityId, sittingId: sitting.id, db }) : null;
}

/** Whether the sitting has a convocation to download (without reading its bytes). */
export async function hasPublicConvocation({ municipalityId, sittingId, db = getPrisma() }: { municipalityId: string; sittingId: string; db?: Db }): Promise<boolean> {
  if (!isUuid(sittingId)) return false;
  const count = await db.issuedExtract.count({ where: { municipalityId, sittingId, kind: ExtractKind.CONVOCATION, sitting: { isPublic: true, convocationDate: { not: null } } } });
  return count > 0;
}
