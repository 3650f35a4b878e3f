import "server-only";
import { BACK_OFFICE_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { SITTING_SELECT } from "./sitting-fields";
import { isUuid } from "@/lib/validations/common";

const NAME = { select: { civility: true, firstName: true, lastName: true } } as const;

/** One sitting for the back office, drafts included. */
export async function getSitting(options: { db: Db; actor: SessionUser | null; id: string }) {
  const actor = authorize(options.actor, BACK_OFFICE_ROLES);
  const sitting = isUuid(options.id)
    ? await options.db.sitting.findFirst({
        where: { id: options.id, municipalityId: actor.municipalityId },
        select: {
          ...SITTING_SELECT,
          cancelledAt: true,
          cancellationReason: true,
          publicSlug: true,
          archiveImportId: true,
          president: NAME,
          secretary: NAME,
          deliberations: {
            orderBy: [{ orderInSitting: "asc" }, { version: "asc" }],
            select: { id: true, number: true, version: true, orderInSitting: true, subject: true, status: true, outcome: true, isDemo: true },
          },
        },
      })
    : null;
  if (!sitting) throw new AppError("NOT_FOUND", "Cette séance n'existe pas.");
  return sitting;
}
