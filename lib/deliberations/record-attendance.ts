import "server-only";
import { replaceAttendance } from "@/lib/attendance/replace-attendance";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import { councillorsInOffice } from "@/lib/councillors/councillors-in-office";
import type { Db, Tx } from "@/lib/db/prisma";
import { formatCouncillorName } from "@/lib/domain/format";
import { checkProxies } from "@/lib/domain/quorum";
import type { AttendanceEntry } from "@/lib/domain/types";
import { AppError } from "@/lib/errors";
import { attendanceSchema, type AttendanceData } from "@/lib/validations/deliberation";
import { parseInput } from "@/lib/validations/parse";
import { assertEditable, lockDeliberation } from "./deliberation-workflow";

/**
 * Records who was present, represented (and by whom), excused or absent when
 * this deliberation was voted. Every councillor in office appears once; the
 * proxy rules of L2121-20 (and the derogation windows) are checked with the
 * domain library, each refusal reported on the councillor's row.
 */
export async function recordAttendance(options: { db: Db; actor: SessionUser | null; id: string; input: unknown }): Promise<{ id: string }> {
  const actor = authorizeEditor(options.actor);
  const { entries } = parseInput(attendanceSchema, options.input);
  return options.db.$transaction((tx) => recordAttendanceInTransaction(tx, actor, { deliberationId: options.id, entries }));
}

/** The core of `recordAttendance`, inside the caller's transaction. */
export async function recordAttendanceInTransaction(tx: Tx, actor: Editor, input: { deliberationId: string; entries: AttendanceData["entries"] }): Promise<{ id: string }> {
  const { entries } = input;
  const deliberation = await lockDeliberation(tx, actor, input.deliberationId);
  assertEditable(deliberation);
  const councillors = await councillorsInOffice(tx, actor.municipalityId, deliberation.sitting);
  const nameOf = new Map(councillors.map((councillor) => [councillor.id, formatCouncillorName(councillor)]));
  const errors: Record<string, string[]> = {};
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (!nameOf.has(entry.councillorId)) errors[`entries.${index}.status`] = ["Cet élu n'est pas en fonction le jour de la séance."];
    else if (seen.has(entry.councillorId)) errors[`entries.${index}.status`] = [`${nameOf.get(entry.councillorId)} figure deux fois.`];
    seen.add(entry.councillorId);
  });
  const missing = councillors.filter((councillor) => !seen.has(councillor.id)).map((councillor) => nameOf.get(councillor.id));
  if (missing.length) errors._form = [`Il manque à la liste : ${missing.join(", ")}.`];
  const attendance: AttendanceEntry[] = entries.map((entry) => ({
    councillorId: entry.councillorId,
    name: nameOf.get(entry.councillorId) ?? entry.councillorId,
    status: entry.status,
    proxyHolderId: entry.proxyHolderId || null,
  }));
  for (const issue of checkProxies({ attendance, date: deliberation.sitting.startsAt })) {
    // On the giver's row; an issue about a holder goes on the rows of those who gave them a proxy.
    const giver = entries.findIndex((entry) => entry.councillorId === issue.councillorId && entry.status === "REPRESENTED");
    const rows = giver >= 0 ? [giver] : entries.flatMap((entry, index) => (issue.councillorId && entry.proxyHolderId === issue.councillorId ? [index] : []));
    for (const key of rows.length ? rows.map((index) => `entries.${index}.proxyHolderId`) : ["_form"]) (errors[key] ??= []).push(issue.message);
  }
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "La liste de présence contient des erreurs : corrigez les lignes signalées.", errors);

  await replaceAttendance(tx, actor, { deliberationId: deliberation.id, entries });
  return { id: deliberation.id };
}
