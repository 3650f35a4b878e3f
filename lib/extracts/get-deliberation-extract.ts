import "server-only";
import { ExtractKind, getPrisma } from "@/lib/db/prisma";
import { getPublishedDeliberation } from "@/lib/deliberations/get-published-deliberation";
import { readEnv } from "@/lib/env";
import { publishedDeliberationSql } from "@/lib/publication/published-deliberation";
import { getDocumentSigner } from "@/lib/signing/get-document-signer";
import { buildSignedDeliberationExtract, extractFileName, sourceDigest } from "./build-deliberation-extract";
import { cachedExtractBytes, rememberExtractBytes } from "./stored-extract-cache";
import { storeIssuedExtract, type StoredExtract } from "./store-issued-extract";

/**
 * The certified extract of a published deliberation (its newest published
 * version): the stored bytes when it was issued already, else built, signed
 * and stored now. A published record never changes, so neither do its bytes;
 * a rectification is a new deliberation row, hence a new extract.
 */
export async function getDeliberationExtract({
  municipality,
  number,
}: {
  municipality: { id: string };
  number: string;
}): Promise<StoredExtract | null> {
  const stored = await findStoredDeliberationExtract({ municipalityId: municipality.id, number });
  if (stored) return stored;

  const deliberation = await getPublishedDeliberation({ municipalityId: municipality.id, number });
  if (!deliberation) return null;
  // Built from the act as frozen at its publication, the municipality as it states it included.
  const built = await buildSignedDeliberationExtract({
    municipality: deliberation.municipality,
    deliberation,
    signer: await getDocumentSigner(),
    baseUrl: readEnv().PUBLIC_BASE_URL,
  });
  const issued = await storeIssuedExtract({
    municipalityId: municipality.id,
    kind: ExtractKind.DELIBERATION,
    subject: { deliberationId: deliberation.id },
    sourceDigest: sourceDigest({ deliberation }),
    fileName: extractFileName(deliberation.number),
    built,
  });
  rememberExtractBytes(issued.sha256, issued.content);
  return issued;
}

/**
 * The stored extract of the newest published version of `number`, if issued:
 * a query without the bytes, which come from memory when this process served
 * them already (a digest always names the same bytes).
 */
async function findStoredDeliberationExtract({ municipalityId, number }: { municipalityId: string; number: string }): Promise<StoredExtract | null> {
  const prisma = getPrisma();
  const [row] = await prisma.$queryRaw<{ sha256: string; file_name: string; issued_at: Date; verification_code: string }[]>`
    SELECT e.sha256, e.file_name, e.issued_at, e.verification_code
    FROM issued_extract e
    JOIN deliberation d ON d.id = e.deliberation_id
    WHERE e.municipality_id = ${municipalityId}::uuid AND e.kind = 'DELIBERATION'
      AND d.number = ${number} AND ${publishedDeliberationSql("d", municipalityId)}
    ORDER BY e.issued_at DESC
    LIMIT 1`;
  if (!row) return null;
  let content = cachedExtractBytes(row.sha256);
  if (!content) {
    const stored = await prisma.issuedExtract.findUniqueOrThrow({ where: { sha256: row.sha256 }, select: { content: true } });
    content = stored.content;
    rememberExtractBytes(row.sha256, content);
  }
  return { content, sha256: row.sha256, fileName: row.file_name, issuedAt: row.issued_at, verificationCode: row.verification_code };
}
