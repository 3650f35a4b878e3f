import "server-only";
import { DeliberationStatus, type Prisma } from "@/lib/db/prisma";

/**
 * The deliberations citizens may see: published, of this municipality, and, for a
 * rectified act, only its newest published version (the older one stays in the history).
 */
export function publishedDeliberationWhere(municipalityId: string): Prisma.DeliberationWhereInput {
  return {
    municipalityId,
    status: DeliberationStatus.PUBLISHED,
    publishedAt: { not: null },
    OR: [{ nextVersion: { is: null } }, { nextVersion: { is: { status: { not: DeliberationStatus.PUBLISHED } } } }],
  };
}

/** Sittings with at least one published deliberation: the only ones the portal shows. */
export function publicSittingWhere(municipalityId: string): Prisma.SittingWhereInput {
  return { municipalityId, deliberations: { some: publishedDeliberationWhere(municipalityId) } };
}
