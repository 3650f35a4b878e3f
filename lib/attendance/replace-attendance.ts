import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import type { Editor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/prisma";
import type { AttendanceEntry } from "@/lib/domain/types";

// A deliberation's attendance, written by the deliberation's own list
// (lib/deliberations/record-attendance) and by the sitting's roll call
// (lib/sittings/record-sitting-roll-call): both call this writer, which
// depends on neither.

export type AttendanceRow = { councillorId: string; status: AttendanceEntry["status"]; proxyHolderId: string | null; note: string | null };

export type AttendanceMark = { councillorId: string; status: AttendanceEntry["status"]; proxyHolderId?: string | null; note?: string | null };

/** A deliberation's attendance as the database holds it. */
export async function storedAttendance(tx: Tx, deliberationId: string): Promise<AttendanceRow[]> {
  return tx.attendance.findMany({ where: { deliberationId }, select: { councillorId: true, status: true, proxyHolderId: true, note: true } });
}

/**
 * Replaces a draft's attendance by `entries` and audits the change, before and
 * after. The entries are the caller's, already checked (councillors in office,
 * proxy rules); the caller holds the deliberation's lock.
 */
export async function replaceAttendance(tx: Tx, actor: Editor, input: { deliberationId: string; entries: readonly AttendanceMark[] }): Promise<void> {
  const { deliberationId } = input;
  const before = await storedAttendance(tx, deliberationId);
  const after: AttendanceRow[] = input.entries.map((entry) => ({
    councillorId: entry.councillorId,
    status: entry.status,
    proxyHolderId: entry.proxyHolderId || null,
    note: entry.note?.trim() || null,
  }));
  await tx.attendance.deleteMany({ where: { deliberationId } });
  await tx.attendance.createMany({ data: after.map((entry) => ({ municipalityId: actor.municipalityId, deliberationId, ...entry })) });
  await appendAuditEvent(tx, {
    municipalityId: actor.municipalityId,
    userId: actor.id,
    action: "deliberation.attendance",
    entity: "deliberation",
    entityId: deliberationId,
    before: before.length ? before : null,
    after,
  });
}
