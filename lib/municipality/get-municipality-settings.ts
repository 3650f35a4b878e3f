import "server-only";
import { ADMIN_ROLES, authorize, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/prisma";
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
} as const;

export type MunicipalitySettingsRecord = {
  name: string;
  communeName: string;
  address: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  administrativeCourt: string;
  membersInOffice: number;
  appealNotice: string;
  annexNotice: string | null;
};

/** What the audit trail keeps of the settings, before and after an edit. */
export function municipalitySettingsSnapshot(settings: MunicipalitySettingsRecord) {
  return {
    name: settings.name,
    communeName: settings.communeName,
    address: settings.address,
    email: settings.email,
    phone: settings.phone,
    website: settings.website,
    administrativeCourt: settings.administrativeCourt,
    membersInOffice: settings.membersInOffice,
    appealNotice: settings.appealNotice,
    annexNotice: settings.annexNotice,
  };
}

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
