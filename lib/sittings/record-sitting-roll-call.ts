import "server-only";
import { replaceAttendance } from "@/lib/attendance/replace-attendance";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/prisma";
import { atDeliberation, changedMarks, checkRollCallChanges, checkSittingRollCall, expandRollCall, fixedAttendanceMessage, type MarkSource, type RollCallMark, type SittingRollCall } from "@/lib/domain/roll-call";
import { AppError } from "@/lib/errors";
import { rollCallFieldKey, sittingRollCallSchema } from "@/lib/validations/deliberation";
import { parseInput } from "@/lib/validations/parse";
import { loadSittingRollCall } from "./get-sitting-roll-call";

type Errors = Record<string, string[]>;

function addError(errors: Errors, source: MarkSource | "_form", field: string, message: string) {
  const key = source === "_form" ? "_form" : rollCallFieldKey(source, field);
  const list = (errors[key] ??= []);
  if (!list.includes(message)) list.push(message);
}

/**
 * Records the sitting's roll call: the call at the opening and the arrivals and
 * departures from a given deliberation on. Every draft of the sitting gets the
 * attendance that follows from it (each audited); a deliberation already voted
 * keeps its own, and a change that would alter it is refused. Proxy rules are
 * checked at every deliberation, each refusal reported on the rows that cause it.
 */
export async function recordSittingRollCall(options: { db: Db; actor: SessionUser | null; sittingId: string; input: unknown }): Promise<{ id: string; updated: number }> {
  const actor = authorizeEditor(options.actor);
  const input = parseInput(sittingRollCallSchema, options.input);
  const clean = <Mark extends { proxyHolderId: string; note: string }>(mark: Mark) => ({ ...mark, proxyHolderId: mark.proxyHolderId || null, note: mark.note || null });
  const rollCall: SittingRollCall = { opening: input.opening.map(clean), changes: input.changes.map(clean) };
  if (!/^[0-9a-f-]{36}$/i.test(options.sittingId)) throw new AppError("NOT_FOUND", "Cette séance n'existe pas.");
  return options.db.$transaction((tx) => recordSittingRollCallInTransaction(tx, actor, { sittingId: options.sittingId, rollCall }));
}

/** The core of `recordSittingRollCall`, inside the caller's transaction: each draft's attendance goes through the attendance writer. */
export async function recordSittingRollCallInTransaction(tx: Tx, actor: Editor, { sittingId, rollCall }: { sittingId: string; rollCall: SittingRollCall }): Promise<{ id: string; updated: number }> {
  // Two clerks on one sitting are served in turn; a deliberation's own actions lock it too.
  await tx.$queryRaw`SELECT id FROM deliberation WHERE sitting_id = ${sittingId}::uuid AND municipality_id = ${actor.municipalityId}::uuid ORDER BY id FOR UPDATE`;
  const { sitting, councillors, membersInOffice, deliberations } = await loadSittingRollCall(tx, actor.municipalityId, sittingId);
  if (!deliberations.length) throw new AppError("INVALID_STATE", "Ajoutez d'abord les délibérations de la séance : l'appel s'enregistre pour chacune.");
  const names = new Map(councillors.map((councillor) => [councillor.id, councillor.name]));
  const errors: Errors = {};

  const called = new Set<string>();
  rollCall.opening.forEach((mark, index) => {
    if (!names.has(mark.councillorId)) addError(errors, { kind: "opening", index }, "status", "Cet élu n'est pas en fonction le jour de la séance.");
    else if (called.has(mark.councillorId)) addError(errors, { kind: "opening", index }, "status", `${names.get(mark.councillorId)} figure deux fois.`);
    called.add(mark.councillorId);
  });
  const missing = councillors.filter((councillor) => !called.has(councillor.id)).map((councillor) => councillor.name);
  if (missing.length) addError(errors, "_form", "", `Il manque à la liste d'appel : ${missing.join(", ")}.`);
  for (const issue of checkRollCallChanges({ rollCall, deliberations, names })) addError(errors, { kind: "change", index: issue.index }, "deliberationId", issue.message);
  if (Object.keys(errors).length) refuse(errors);

  const expanded = expandRollCall({ rollCall, deliberationIds: deliberations.map((deliberation) => deliberation.id) });
  const checks = checkSittingRollCall({ expanded, names, date: sitting.startsAt, membersInOffice, reconvened: sitting.reconvened });
  const toWrite: { id: string; marks: RollCallMark[] }[] = [];
  deliberations.forEach((deliberation, at) => {
    // Voted or withdrawn without a roll call on record: nothing to check nor to keep consistent.
    if (!deliberation.editable && !deliberation.marks.length) return;
    const { marks } = expanded[at]!;
    for (const issue of checks[at]!.issues) {
      for (const source of issue.sources) addError(errors, source, "proxyHolderId", atDeliberation(deliberation.label, issue.message));
    }
    const differing = changedMarks(marks, deliberation.marks);
    if (!differing.length) return;
    if (!deliberation.editable) {
      for (const mark of differing) {
        addError(errors, mark.source, "status", fixedAttendanceMessage(deliberation.label, deliberation.status));
      }
      return;
    }
    toWrite.push({ id: deliberation.id, marks: marks.map(({ source: _source, ...mark }) => mark) });
  });
  if (Object.keys(errors).length) refuse(errors);

  for (const { id, marks } of toWrite) await replaceAttendance(tx, actor, { deliberationId: id, entries: marks });
  return { id: sitting.id, updated: toWrite.length };
}

function refuse(errors: Errors): never {
  throw new AppError("VALIDATION", "L'appel contient des erreurs : corrigez les lignes signalées.", errors);
}
