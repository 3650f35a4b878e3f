import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { ADMIN_ROLES, authorize } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import { describeCertificate } from "./describe-certificate";
import { getDocumentSigner } from "./get-document-signer";

export type SigningCertificateStatus =
  | {
      ok: true;
      source: "pkcs12" | "development";
      chain: ReturnType<typeof describeCertificate>[];
      daysLeft: number;
      issuedWithIt: number;
    }
  | { ok: false; message: string };

/** The certificate that signs extracts, for an administrator: who, until when, how many extracts it signed. */
export async function getSigningCertificateStatus({ user }: { user: SessionUser | null }): Promise<SigningCertificateStatus> {
  const admin = authorize(user, ADMIN_ROLES);
  let signer;
  try {
    signer = await getDocumentSigner();
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const chain = signer.certificateChain.map((der) => describeCertificate(der));
  const leaf = chain[0];
  if (!leaf) return { ok: false, message: "La chaîne de certificats est vide." };
  const issuedWithIt = await getPrisma().issuedExtract.count({
    where: { municipalityId: admin.municipalityId, certificateFingerprint: leaf.fingerprint256 },
  });
  const daysLeft = Math.floor((leaf.validTo.getTime() - Date.now()) / 86_400_000);
  return { ok: true, source: signer.source, chain, daysLeft, issuedWithIt };
}
