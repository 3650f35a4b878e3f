import "server-only";
import { ExtractKind, getPrisma } from "@/lib/db/prisma";
import { readEnv } from "@/lib/env";
import { getPublishedMinutes } from "@/lib/minutes/get-public-minutes";
import { getDocumentSigner } from "@/lib/signing/get-document-signer";
import { getPublicSitting } from "@/lib/sittings/get-public-sitting";
import { buildSignedPdf, sourceDigest } from "./build-deliberation-extract";
import { renderMinutes } from "./render-minutes";
import { storedExtractSelect, storeIssuedExtract, type StoredExtract } from "./store-issued-extract";

/**
 * The signed PDF of a sitting's published procès-verbal, rendered from the
 * record frozen at its publication: issued once per version (its digest),
 * then served as stored. Null when the sitting has no published PV.
 */
export async function getMinutesExtract({ municipality, date }: { municipality: { id: string }; date: string }): Promise<StoredExtract | null> {
  const sitting = await getPublicSitting({ municipalityId: municipality.id, date });
  if (!sitting) return null;
  return getMinutesExtractOfSitting({ municipalityId: municipality.id, sittingId: sitting.id, slug: date });
}

export async function getMinutesExtractOfSitting({ municipalityId, sittingId, slug }: { municipalityId: string; sittingId: string; slug: string }): Promise<StoredExtract | null> {
  const prisma = getPrisma();
  const minutes = await getPublishedMinutes(prisma, { municipalityId, sittingId });
  if (!minutes) return null;
  const digest = sourceDigest({ kind: "minutes", id: minutes.id, record: minutes.record, adoption: minutes.adoption, publishedAt: minutes.publishedAt });
  const stored = await prisma.issuedExtract.findFirst({
    where: { municipalityId, kind: ExtractKind.MINUTES, sittingId, sourceDigest: digest },
    select: storedExtractSelect,
  });
  if (stored) return stored;
  const built = await buildSignedPdf({
    render: (seal) => renderMinutes({ document: minutes, seal }),
    signer: await getDocumentSigner(),
    baseUrl: readEnv().PUBLIC_BASE_URL,
    reason: "Procès-verbal de la séance, adopté par le conseil municipal",
    location: minutes.record.municipality.communeName,
  });
  return storeIssuedExtract({
    municipalityId,
    kind: ExtractKind.MINUTES,
    subject: { sittingId },
    sourceDigest: digest,
    fileName: `seance-${slug}-proces-verbal${minutes.version > 1 ? `-v${minutes.version}` : ""}.pdf`,
    built,
  });
}
