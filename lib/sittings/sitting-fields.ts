import "server-only";
import type { Tx } from "@/lib/db/prisma";
import { formatCouncillorName } from "@/lib/domain/format";
import { AppError } from "@/lib/errors";
import type { SittingInput } from "@/lib/validations/sitting";
import { dateColumn, instantAt, isoDay, localDateAndTime, localDay } from "@/lib/domain/calendar";
import { isInOffice } from "@/lib/domain/mandate";
import { futureDayErrors } from "@/lib/domain/past-events";

/** The columns of a sitting; its day and hour are read on the municipality's clock (`zone`). */
export function sittingData(input: SittingInput, zone: string) {
  return {
    startsAt: instantAt(input.date, input.time, zone),
    kind: input.kind,
    isPublic: input.isPublic,
    place: input.place.trim(),
    convocationDate: input.convocationDate ? dateColumn(input.convocationDate) : null,
    convenedById: input.convenedById,
    presidentId: input.presidentId,
    secretaryId: input.secretaryId,
    reconvened: input.reconvened,
    // Left out on creation, the database takes the municipality's setting.
    membersInOffice: input.membersInOffice ? Number(input.membersInOffice) : undefined,
    listPostedAt: input.listPostedAt ? dateColumn(input.listPostedAt) : null,
  };
}

type SittingRow = ReturnType<typeof sittingData>;

export function sittingSnapshot(sitting: SittingRow, zone: string) {
  return {
    ...localDateAndTime(sitting.startsAt, zone),
    kind: sitting.kind,
    isPublic: sitting.isPublic,
    place: sitting.place,
    convocationDate: sitting.convocationDate ? isoDay(sitting.convocationDate) : null,
    convenedById: sitting.convenedById,
    presidentId: sitting.presidentId,
    secretaryId: sitting.secretaryId,
    reconvened: sitting.reconvened,
    membersInOffice: sitting.membersInOffice ?? null,
    listPostedAt: sitting.listPostedAt ? isoDay(sitting.listPostedAt) : null,
  };
}

/** The form's values for a stored sitting. */
export function sittingFormValues(sitting: SittingRow, zone: string): SittingInput {
  const { date, time } = localDateAndTime(sitting.startsAt, zone);
  return {
    date,
    time,
    place: sitting.place,
    kind: sitting.kind,
    isPublic: sitting.isPublic,
    convocationDate: isoDay(sitting.convocationDate),
    convenedById: sitting.convenedById,
    presidentId: sitting.presidentId,
    secretaryId: sitting.secretaryId,
    reconvened: sitting.reconvened,
    membersInOffice: sitting.membersInOffice === undefined ? "" : String(sitting.membersInOffice),
    listPostedAt: sitting.listPostedAt ? isoDay(sitting.listPostedAt) : "",
  };
}

/** The convener, president and secretary must be councillors of the municipality in office on the day. */
export async function assertSittingOfficers(tx: Tx, municipalityId: string, input: SittingInput): Promise<void> {
  const roles = [
    ["convenedById", input.convenedById],
    ["presidentId", input.presidentId],
    ["secretaryId", input.secretaryId],
  ] as const;
  const councillors = await tx.councillor.findMany({
    where: { municipalityId, id: { in: roles.map(([, id]) => id) } },
    select: { id: true, civility: true, firstName: true, lastName: true, mandateStart: true, mandateEnd: true },
  });
  const errors: Record<string, string[]> = {};
  for (const [field, id] of roles) {
    const councillor = councillors.find((candidate) => candidate.id === id);
    if (!councillor) errors[field] = ["Cet élu n'existe pas dans la collectivité."];
    else if (!isInOffice({ mandateStart: isoDay(councillor.mandateStart), mandateEnd: councillor.mandateEnd ? isoDay(councillor.mandateEnd) : null }, input.date)) {
      errors[field] = [`${formatCouncillorName(councillor)} n'est pas en fonction le jour de la séance.`];
    }
  }
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "Le formulaire contient des erreurs : corrigez les champs signalés.", errors);
}

/** The list of deliberations is posted after the sitting: never on a day still to come (on the municipality's clock). */
export function assertListPostedInThePast(listPostedAt: string, zone: string, now = new Date()): void {
  const errors = futureDayErrors({ listPostedAt }, localDay(now, zone));
  if (errors.listPostedAt) throw new AppError("VALIDATION", errors.listPostedAt[0]!, errors);
}

export const SITTING_SELECT = {
  id: true,
  urgent: true,
  urgencyReason: true,
  startsAt: true,
  kind: true,
  isPublic: true,
  place: true,
  convocationDate: true,
  convenedById: true,
  presidentId: true,
  secretaryId: true,
  reconvened: true,
  membersInOffice: true,
  listPostedAt: true,
  isDemo: true,
} as const;
