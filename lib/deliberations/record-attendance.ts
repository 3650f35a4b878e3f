import "server-only";
import { replaceAttendance } from "@/lib/attendance/replace-attendance";
import { authorizeEditor, type Editor, type SessionUser } from "@/lib/auth/roles";
import { councillorsInOffice } from "@/lib/councillors/councillors-in-office";
import type { Db, Tx } from "@/lib/db/prisma";
import { localDay } from "@/lib/domain/calendar";
import { formatCouncillorName } from "@/lib/domain/format";
import { timeZoneOf } from "@/lib/municipality/time-zone";
import { ATTENDANCE_REFUSAL, checkAttendance } from "@/lib/domain/attendance-form";
import { loadDerogationWindows } from "@/lib/municipality/load-derogation-windows";
import { attendanceSchema, type AttendanceData } from "@/lib/validations/deliberation";
import { refuseIfIssues } from "@/lib/errors";
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
  const windows = await loadDerogationWindows(tx, actor.municipalityId);
  const { issues } = checkAttendance({
    rows: entries,
    councillors: councillors.map((councillor) => ({ id: councillor.id, name: formatCouncillorName(councillor) })),
    date: localDay(deliberation.sitting.startsAt, await timeZoneOf(tx, actor.municipalityId)),
    windows,
    membersInOffice: deliberation.sitting.membersInOffice,
    reconvened: deliberation.sitting.reconvened,
  });
  refuseIfIssues(issues, ATTENDANCE_REFUSAL);

  await replaceAttendance(tx, actor, { deliberationId: deliberation.id, entries });
  return { id: deliberation.id };
}
