import "server-only";
import { ExtractKind, getPrisma } from "@/lib/db/prisma";
import { readEnv } from "@/lib/env";
import { getDocumentSigner } from "@/lib/signing/get-document-signer";
import { getPublicSitting } from "@/lib/sittings/get-public-sitting";
import { buildSignedPdf, sourceDigest } from "./build-deliberation-extract";
import { renderSittingList, type SittingListSource } from "./render-sitting-list";
import { storedExtractSelect, storeIssuedExtract, type StoredExtract } from "./store-issued-extract";
import { requireKnown } from "@/lib/publication/known-facts";

/**
 * The signed list of a sitting's published deliberations. The list grows when
 * another deliberation of the sitting is published: the digest of its content
 * then differs and a new list is issued; otherwise the stored one is served.
 */
export async function getSittingListExtract({
  municipality,
  date,
}: {
  municipality: { id: string };
  date: string;
}): Promise<StoredExtract | null> {
  const found = await getPublicSitting({ municipalityId: municipality.id, date });
  // Certified here for a sitting held here; an archived sitting's list was posted at the time.
  if (!found || found.archived) return null;
  const sitting = requireKnown(found, ["president", "place"]);
  const source: SittingListSource = {
    startsAt: sitting.startsAt,
    isPublic: sitting.isPublic,
    isDemo: sitting.isDemo,
    kind: sitting.kind,
    place: sitting.place,
    president: sitting.president,
    listPostedAt: sitting.listPostedAt,
    deliberations: sitting.deliberations,
  };
  // The municipality as the sitting's acts state it, not as its settings say today.
  const stated = sitting.municipality;
  const digest = sourceDigest({ municipality: { name: stated.name }, source });
  const stored = await getPrisma().issuedExtract.findFirst({
    where: { municipalityId: municipality.id, kind: ExtractKind.SITTING_LIST, sittingId: sitting.id, sourceDigest: digest },
    select: storedExtractSelect,
  });
  if (stored) return stored;

  const built = await buildSignedPdf({
    render: (seal) => renderSittingList({ municipality: stated, sitting: source, seal }),
    signer: await getDocumentSigner(),
    baseUrl: readEnv().PUBLIC_BASE_URL,
    reason: "Liste des délibérations certifiée conforme au registre",
    location: stated.communeName,
  });
  return storeIssuedExtract({
    municipalityId: municipality.id,
    kind: ExtractKind.SITTING_LIST,
    subject: { sittingId: sitting.id },
    sourceDigest: digest,
    fileName: `seance-${date}-liste-des-deliberations.pdf`,
    built,
  });
}
