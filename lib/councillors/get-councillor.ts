import "server-only";
import { BACK_OFFICE_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { COUNCILLOR_SELECT } from "./councillor-fields";
import { isUuid } from "@/lib/validations/common";

export async function getCouncillor(options: { db: Db; actor: SessionUser | null; id: string }) {
  const actor = authorize(options.actor, BACK_OFFICE_ROLES);
  const councillor = isUuid(options.id)
    ? await options.db.councillor.findFirst({ where: { id: options.id, municipalityId: actor.municipalityId }, select: COUNCILLOR_SELECT })
    : null;
  if (!councillor) throw new AppError("NOT_FOUND", "Cet élu n'existe pas.");
  return councillor;
}
