import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { getPrisma, Prisma, type ExtractKind, type Tx } from "@/lib/db/prisma";
import type { BuiltExtract } from "./build-deliberation-extract";

export type StoredExtract = { content: Uint8Array; sha256: string; fileName: string; issuedAt: Date; verificationCode: string };

export const storedExtractSelect = { content: true, sha256: true, fileName: true, issuedAt: true, verificationCode: true } as const;

/** Who an extract is issued for: a municipality's, at the request of a signed-in user or of the public (null). */
export type ExtractIssuer = { municipalityId: string; userId: string | null };

export type IssuedExtractInput = {
  kind: ExtractKind;
  /** A deliberation, a sitting, or a year of the register (its tables). */
  subject: { deliberationId: string } | { sittingId: string } | { registerYear: number };
  sourceDigest: string;
  fileName: string;
  built: BuiltExtract;
};

/**
 * Stores a freshly signed extract with its audit row. When another request
 * stored one for the same source first (unique key), that one is returned and
 * this one is dropped: one extract per source, whoever asked first.
 */
export async function storeIssuedExtract({
  municipalityId,
  userId = null,
  ...input
}: IssuedExtractInput & { municipalityId: string; userId?: string | null }): Promise<StoredExtract> {
  const prisma = getPrisma();
  try {
    return await prisma.$transaction((tx) => storeIssuedExtractInTransaction(tx, { municipalityId, userId }, input));
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
    const { subject, sourceDigest } = input;
    const where =
      "deliberationId" in subject
        ? { deliberationId: subject.deliberationId }
        : "sittingId" in subject
          ? { sittingId: subject.sittingId }
          : { registerYear: subject.registerYear };
    return prisma.issuedExtract.findFirstOrThrow({ where: { municipalityId, kind: input.kind, sourceDigest, ...where }, select: storedExtractSelect });
  }
}

/**
 * The core of `storeIssuedExtract`, inside the caller's transaction. A second
 * extract of the same source breaks the unique key, which aborts the caller's
 * transaction: only the wrapper, whose transaction holds nothing else, falls
 * back to the extract stored first.
 */
export async function storeIssuedExtractInTransaction(tx: Tx, issuer: ExtractIssuer, { kind, subject, sourceDigest, fileName, built }: IssuedExtractInput): Promise<StoredExtract> {
  const { municipalityId, userId } = issuer;
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
}
