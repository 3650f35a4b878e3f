import "server-only";
import type { Tx } from "@/lib/db/prisma";
import { parseDeliberationNumber } from "@/lib/domain/numbering";
import { localYear } from "@/lib/domain/calendar";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { AppError } from "@/lib/errors";
import type { DeliberationInput } from "@/lib/validations/deliberation";

/** The content columns of a deliberation's form (the number's year and sequence derived from it). */
export function deliberationData(input: DeliberationInput) {
  const number = parseDeliberationNumber(input.number)!;
  return {
    number: input.number.trim(),
    year: number.year,
    sequence: number.sequence,
    orderInSitting: Number(input.orderInSitting),
    subject: input.subject.trim(),
    reportSubject: input.reportSubject?.trim() || null,
    rapporteurId: input.rapporteurId || null,
    service: input.service?.trim() || null,
    matterCode: input.matterCode.trim(),
    policyHeading: input.policyHeading?.trim() || null,
    report: input.report.trim(),
    proposals: input.proposals.trim(),
    cosignatoryId: input.cosignatoryId || null,
    cosignatoryTitle: input.cosignatoryTitle?.trim() || null,
  };
}

export type DeliberationData = ReturnType<typeof deliberationData>;

/** The number belongs to the sitting's year and to no other deliberation; the councillors named are the municipality's. */
export async function assertDeliberationData(
  tx: Tx,
  options: { municipalityId: string; sittingStartsAt: Date; data: DeliberationData; excludeNumberOf?: string },
): Promise<void> {
  const { data, municipalityId } = options;
  const errors: Record<string, string[]> = {};
  const sittingYear = localYear(options.sittingStartsAt, await timeZoneOf(tx, municipalityId));
  if (data.year !== sittingYear) errors.number = [`Le numéro doit être de l'année de la séance (${sittingYear}).`];
  else if (data.number !== options.excludeNumberOf) {
    const taken = await tx.deliberation.findFirst({ where: { municipalityId, number: data.number }, select: { subject: true } });
    if (taken) errors.number = [`Le numéro ${data.number} est déjà pris (« ${taken.subject} »).`];
  }
  const named = [data.rapporteurId, data.cosignatoryId].filter((id): id is string => id !== null);
  if (named.length) {
    const found = await tx.councillor.findMany({ where: { municipalityId, id: { in: named } }, select: { id: true } });
    const known = new Set(found.map((councillor) => councillor.id));
    if (data.rapporteurId && !known.has(data.rapporteurId)) errors.rapporteurId = ["Cet élu n'existe pas dans la collectivité."];
    if (data.cosignatoryId && !known.has(data.cosignatoryId)) errors.cosignatoryId = ["Cet élu n'existe pas dans la collectivité."];
  }
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "Le formulaire contient des erreurs : corrigez les champs signalés.", errors);
}

/** The audit trail keeps the content in full, before and after. */
export function deliberationSnapshot(data: DeliberationData) {
  return { ...data };
}
