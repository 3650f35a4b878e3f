import type { Prisma } from "@/lib/db/prisma";

// A sitting is public from the moment it is convened, or once one of its acts
// is published. "Convened" is defined once here and once in SQL
// (sitting_is_convened, migration 20261202030000_public_cycle), which gives the
// sitting its public address. Until the sendings of the convocation are
// recorded, a sitting counts as convened when it has an agenda and its
// convocation date has come; the convocation's own record replaces both.

/** Sittings convened on `today` (the municipality's calendar day, as a UTC midnight date). */
export function convenedSittingWhere(municipalityId: string, today: Date): Prisma.SittingWhereInput {
  return { municipalityId, convocationDate: { lte: today }, agendaItems: { some: {} } };
}

/** Sittings citizens may see: those given a public address (a published act, or a convocation). */
export function visibleSittingWhere(municipalityId: string): Prisma.SittingWhereInput {
  return { municipalityId, publicSlug: { not: null } };
}
