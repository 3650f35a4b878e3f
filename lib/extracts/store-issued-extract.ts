import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { getPrisma, Prisma, type ExtractKind } from "@/lib/db/prisma";
import type { BuiltExtract } from "./build-deliberation-extract";

export type StoredExtract = { content: Uint8Array; sha256: string; fileName: string; issuedAt: Date; verificationCode: string };

export const storedExtractSelect = { content: true, sha256: true, fileName: true, issuedAt: true, verificationCode: true } as const;

/**
 * Stores a freshly signed extract with its audit row. When another request
 * stored one for the same source first (unique key), that one is returned and
 * this one is dropped: one extract per source, whoever asked first.
 */
export async function storeIssuedExtract({
  municipalityId,
  kind,
  subject,
  sourceDigest,
  fileName,
  built,
  userId = null,
}: {
  municipalityId: string;
  kind: ExtractKind;
  subject: { deliberationId: string } | { sittingId: string };
  sourceDigest: string;
  fileName: string;
  built: BuiltExtract;
  userId?: string | null;
}): Promise<StoredExtract> {
  const prisma = getPrisma();
  try {
    return await prisma.$transaction(async (tx) => {
      const stored = await tx.issuedExtract.create({
        data: {
          municipalityId,
          kind,
          ...subject,
          sourceDigest,
          fileName,
          verificationCode: built.verificationCode,
          sha256: built.sha256,
          size: built.bytes.length,
          content: new Uint8Array(built.bytes),
          signerName: built.signerName,
          certificateFingerprint: built.certificateFingerprint,
          issuedAt: built.issuedAt,
        },
        select: { id: true, ...storedExtractSelect },
      });
      await appendAuditEvent(tx, {
        municipalityId,
        userId,
        action: "extract.issue",
        entity: "issued_extract",
        entityId: stored.id,
        after: { kind, ...subject, fileName, sha256: built.sha256, verificationCode: built.verificationCode, signerName: built.signerName },
      });
      return { content: stored.content, sha256: stored.sha256, fileName: stored.fileName, issuedAt: stored.issuedAt, verificationCode: stored.verificationCode };
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
    const where = "deliberationId" in subject ? { deliberationId: subject.deliberationId } : { sittingId: subject.sittingId };
    return prisma.issuedExtract.findFirstOrThrow({ where: { municipalityId, sourceDigest, ...where }, select: storedExtractSelect });
  }
}
