import "server-only";
import { ADMIN_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db, Prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

/** The columns an administrator edits on the settings page. */
export const MUNICIPALITY_SETTINGS_SELECT = {
  id: true,
  name: true,
  communeName: true,
  address: true,
  email: true,
  phone: true,
  website: true,
  administrativeCourt: true,
  membersInOffice: true,
  appealNotice: true,
  annexNotice: true,
  timeZone: true,
  population: true,
} as const;

/** The edited columns, as stored (the audit trail keeps them before and after an edit). */
export type MunicipalitySettingsRecord = Omit<Prisma.MunicipalityGetPayload<{ select: typeof MUNICIPALITY_SETTINGS_SELECT }>, "id">;

/** The settings of the administrator's own municipality, with the identifiers shown read-only. */
export async function getMunicipalitySettings(options: { db: Db; actor: SessionUser | null }) {
  const actor = authorize(options.actor, ADMIN_ROLES);
  const municipality = await options.db.municipality.findUnique({
    where: { id: actor.municipalityId },
    select: { ...MUNICIPALITY_SETTINGS_SELECT, siren: true, siret: true, departmentCode: true },
  });
  if (!municipality) throw new AppError("NOT_FOUND", "La collectivité de votre compte n'existe pas.");
  return municipality;
}
