import "server-only";
import { randomUUID } from "node:crypto";
import { appendAuditEvent, type AuditInput } from "@/lib/audit/append-audit-event";
import { installationActor, type Admin } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/prisma";
import { DEFAULT_TIME_ZONE } from "@/lib/domain/calendar";
import { AppError } from "@/lib/errors";
import { newMunicipalitySchema, type NewMunicipality } from "@/lib/validations/municipality";

// A new municipality, created by the installation itself (no one signs in to
// a portal that does not have its town yet): an archive import with
// --create-municipality. Its settings pass the same schema as the
// administrator's form, its SIREN, SIRET and department the same checks as
// an ACTES identifier's; the database gives it the national derogation
// windows (trigger), and the creation is audited.

/** Parses what the caller proposes: AppError("VALIDATION") naming every field that is wrong. */
export function parseNewMunicipality(input: unknown): NewMunicipality {
  const parsed = newMunicipalitySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => `${issue.path.join(".") || "collectivité"} : ${issue.message}`).join(" ; ");
  throw new AppError("VALIDATION", `La collectivité ne peut être créée : ${details}`);
}

/**
 * Inserts the municipality inside the caller's transaction and returns the
 * installation, acting as its administrator, for what follows, with the
 * audit event that records the creation, for the caller to append: a long
 * import appends it at its end, with its own, so that the audit chain's lock
 * is not held for the whole file. A slug or a SIREN already in the portal is
 * refused.
 */
export async function insertMunicipalityInTransaction(tx: Tx, input: NewMunicipality, id: string = randomUUID()): Promise<{ id: string; actor: Admin; audit: AuditInput }> {
  const taken = await tx.municipality.findFirst({ where: { OR: [{ slug: input.slug }, { siren: input.siren }] }, select: { slug: true, siren: true, name: true } });
  if (taken) {
    throw new AppError(
      "CONFLICT",
      taken.siren === input.siren
        ? `La collectivité ${taken.name} (« ${taken.slug} ») a déjà le SIREN ${input.siren}.`
        : `L'identifiant « ${input.slug} » est déjà celui de ${taken.name}.`,
    );
  }
  const data = {
    slug: input.slug,
    name: input.name,
    communeName: input.communeName,
    siren: input.siren,
    siret: input.siret,
    departmentCode: input.departmentCode,
    address: input.address,
    email: input.email || null,
    phone: input.phone || null,
    website: input.website || null,
    administrativeCourt: input.administrativeCourt,
    membersInOffice: input.membersInOffice,
    appealNotice: input.appealNotice,
    annexNotice: input.annexNotice || null,
    timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
    population: input.population ?? null,
  };
  await tx.municipality.create({ data: { id, ...data }, select: { id: true } });
  const actor = installationActor(id);
  return { id, actor, audit: { municipalityId: id, userId: actor.id, action: "municipality.create", entity: "municipality", entityId: id, after: data } };
}

/** Creates the municipality and audits it at once, inside the caller's transaction. */
export async function createMunicipalityInTransaction(tx: Tx, input: NewMunicipality): Promise<{ id: string; actor: Admin }> {
  const { audit, ...created } = await insertMunicipalityInTransaction(tx, input);
  await appendAuditEvent(tx, audit);
  return created;
}
