import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { authorizeAdmin, type Admin, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { municipalitySettingsSchema, type MunicipalitySettings } from "@/lib/validations/municipality";
import { parseInput } from "@/lib/validations/parse";
import { MUNICIPALITY_SETTINGS_SELECT, type MunicipalitySettingsRecord } from "./get-municipality-settings";

/** The columns the form writes: an optional field left empty is stored as none. */
export function municipalitySettingsData(input: MunicipalitySettings, current: { timeZone: string; population: number | null }): MunicipalitySettingsRecord {
  return {
    name: input.name,
    communeName: input.communeName,
    address: input.address,
    email: input.email || null,
    phone: input.phone || null,
    website: input.website || null,
    administrativeCourt: input.administrativeCourt,
    membersInOffice: input.membersInOffice,
    appealNotice: input.appealNotice,
    annexNotice: input.annexNotice || null,
    timeZone: input.timeZone ?? current.timeZone,
    population: input.population === undefined ? current.population : input.population,
  };
}

/** Edits the settings of the administrator's own municipality (never another's); SIREN, SIRET and department code stay as they are. */
export async function updateMunicipalitySettings(options: { db: Db; actor: SessionUser | null; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeAdmin(options.actor);
  const input = parseInput(municipalitySettingsSchema, options.input);
  return options.db.$transaction((tx) => updateMunicipalitySettingsInTransaction(tx, actor, { settings: input }));
}

/** The core of `updateMunicipalitySettings`, inside the caller's transaction. */
export async function updateMunicipalitySettingsInTransaction(tx: Tx, actor: Admin, { settings: input }: { settings: MunicipalitySettings }): Promise<{ id: string }> {
  const current = await tx.municipality.findUnique({ where: { id: actor.municipalityId }, select: MUNICIPALITY_SETTINGS_SELECT });
  if (!current) throw new AppError("NOT_FOUND", "La collectivité de votre compte n'existe pas.");
  const { id, ...before } = current;
  const data = municipalitySettingsData(input, current);
  await tx.municipality.update({ where: { id }, data });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "municipality.update",
    entity: "municipality",
    entityId: id,
    before,
    after: data,
  });
  return { id };
}
