import "server-only";
import { DeliberationStatus, ExtractKind, getPrisma } from "@/lib/db/prisma";
import { getPublicSittingSlug } from "@/lib/sittings/public-sitting-slug";
import { deliberationPath } from "@/lib/publication/deliberation-path";

// What /verifier answers about a file (by its SHA-256) or a printed code:
// whether the portal issued it, for what, when, and whether something newer
// replaces it (a rectified deliberation, a longer list of the sitting).

export type ExtractVerification = {
  kind: ExtractKind;
  fileName: string;
  issuedAt: Date;
  signerName: string;
  sha256: string;
  verificationCode: string;
  deliberation: { number: string; subject: string; version: number; isDemo: boolean } | null;
  sitting: { startsAt: Date; slug: string } | null;
  /** The register's year, for a year's table. */
  registerYear: number | null;
  /** The newer document to use instead, when there is one. */
  newer: { label: string; href: string; issuedAt: Date | null } | null;
};

export async function verifyIssuedExtract({
  municipalityId,
  lookup,
}: {
  municipalityId: string;
  lookup: { sha256: string } | { verificationCode: string };
}): Promise<ExtractVerification | null> {
  const prisma = getPrisma();
  const extract = await prisma.issuedExtract.findFirst({
    where: { municipalityId, ...lookup },
    select: {
      kind: true,
      fileName: true,
      issuedAt: true,
      signerName: true,
      sha256: true,
      verificationCode: true,
      sittingId: true,
      registerYear: true,
      deliberation: { select: { number: true, subject: true, version: true, isDemo: true, sitting: { select: { id: true, startsAt: true } } } },
      sitting: { select: { id: true, startsAt: true } },
    },
  });
  if (!extract) return null;

  const sittingRecord = extract.sitting ?? extract.deliberation?.sitting ?? null;
  const sitting = sittingRecord
    ? { startsAt: sittingRecord.startsAt, slug: await getPublicSittingSlug({ municipalityId, sittingId: sittingRecord.id, startsAt: sittingRecord.startsAt }) }
    : null;

  let newer: ExtractVerification["newer"] = null;
  if (extract.kind === ExtractKind.DELIBERATION && extract.deliberation) {
    const rectified = await prisma.deliberation.findFirst({
      where: { municipalityId, number: extract.deliberation.number, status: DeliberationStatus.PUBLISHED, version: { gt: extract.deliberation.version } },
      orderBy: { version: "desc" },
      select: { version: true, publishedAt: true },
    });
    if (rectified) {
      newer = {
        label: `Une version rectifiée (n° ${rectified.version}) de la délibération ${extract.deliberation.number} a été publiée : cet extrait est remplacé.`,
        href: `${deliberationPath(extract.deliberation.number)}/extrait.pdf`,
        issuedAt: rectified.publishedAt,
      };
    }
  } else if (extract.kind === ExtractKind.CONVOCATION && extract.sittingId) {
    const later = await prisma.issuedExtract.findFirst({
      where: { municipalityId, kind: ExtractKind.CONVOCATION, sittingId: extract.sittingId, issuedAt: { gt: extract.issuedAt } },
      orderBy: { issuedAt: "desc" },
      select: { issuedAt: true },
    });
    // The newer convocation went to the councillors; the public finds the sitting's page.
    if (later && sitting) {
      newer = { label: "Une convocation plus récente (ordre du jour modifié) a été envoyée depuis.", href: `/seances/${sitting.slug}`, issuedAt: later.issuedAt };
    }
  } else if ((extract.kind === ExtractKind.SITTING_LIST || extract.kind === ExtractKind.CLOSING_SHEET) && extract.sittingId && sitting) {
    const later = await prisma.issuedExtract.findFirst({
      where: { municipalityId, kind: extract.kind, sittingId: extract.sittingId, issuedAt: { gt: extract.issuedAt } },
      orderBy: { issuedAt: "desc" },
      select: { issuedAt: true },
    });
    if (later) {
      newer =
        extract.kind === ExtractKind.SITTING_LIST
          ? {
              label: "Une liste plus récente des délibérations de cette séance a été délivrée depuis.",
              href: `/seances/${sitting.slug}/liste-des-deliberations.pdf`,
              issuedAt: later.issuedAt,
            }
          : {
              label: "Un feuillet de clôture plus récent de cette séance a été délivré depuis.",
              href: `/seances/${sitting.slug}/feuillet-de-cloture.pdf`,
              issuedAt: later.issuedAt,
            };
    }
  } else if (extract.registerYear !== null) {
    const later = await prisma.issuedExtract.findFirst({
      where: { municipalityId, kind: extract.kind, registerYear: extract.registerYear, issuedAt: { gt: extract.issuedAt } },
      orderBy: { issuedAt: "desc" },
      select: { issuedAt: true },
    });
    if (later) {
      const file = extract.kind === ExtractKind.REGISTER_TABLE_BY_DATE ? "table-chronologique.pdf" : "table-par-matiere.pdf";
      newer = { label: "Une table plus récente du registre de cette année a été délivrée depuis.", href: `/registre/${extract.registerYear}/${file}`, issuedAt: later.issuedAt };
    }
  } else if (extract.kind === ExtractKind.MINUTES && extract.sittingId && sitting) {
    // A correction of the PV, published since, replaces this one.
    const corrected = await prisma.minutes.findFirst({
      where: { municipalityId, sittingId: extract.sittingId, status: "PUBLISHED", publishedAt: { gt: extract.issuedAt } },
      orderBy: { version: "desc" },
      select: { version: true, publishedAt: true },
    });
    if (corrected) {
      newer = {
        label: `Une version corrigée (n° ${corrected.version}) du procès-verbal de cette séance a été publiée depuis : ce document est remplacé.`,
        href: `/seances/${sitting.slug}/proces-verbal.pdf`,
        issuedAt: corrected.publishedAt,
      };
    }
  }

  const { deliberation } = extract;
  return {
    kind: extract.kind,
    fileName: extract.fileName,
    issuedAt: extract.issuedAt,
    signerName: extract.signerName,
    sha256: extract.sha256,
    verificationCode: extract.verificationCode,
    deliberation: deliberation ? { number: deliberation.number, subject: deliberation.subject, version: deliberation.version, isDemo: deliberation.isDemo } : null,
    sitting,
    registerYear: extract.registerYear,
    newer,
  };
}
