import type { DerogationWindow } from "./derogations";
import { addIssue, type FormIssues } from "./form-issues";
import { countOf } from "./plural";
import { checkProxies, checkQuorum, type QuorumCheck } from "./quorum";
import type { AttendanceEntry, AttendanceStatus } from "./types";

// The list of presence of one deliberation, as its form sends it: every
// councillor in office once, and the proxy rules. The browser runs this check
// as the clerk types, the use case before writing; both get the same messages
// keyed by row ("entries.3.proxyHolderId").

/** The summary of a refused list of presence; each issue is said on its row. */
export const ATTENDANCE_REFUSAL = "La liste de présence contient des erreurs : corrigez les lignes signalées.";

/** A row as the form holds it: no holder is "" or null. */
export type AttendanceFormRow = { councillorId: string; status: AttendanceStatus; proxyHolderId: string | null };

export type AttendanceCounts = { present: number; represented: number; excused: number; absent: number };

export type AttendanceCheck = AttendanceCounts & { quorum: QuorumCheck; issues: FormIssues; proxyIssueCount: number };

/** How many councillors have each status. */
export function countAttendance(rows: readonly { status: AttendanceStatus }[]): AttendanceCounts {
  const count = (status: AttendanceStatus) => rows.filter((row) => row.status === status).length;
  return { present: count("PRESENT"), represented: count("REPRESENTED"), excused: count("EXCUSED"), absent: count("ABSENT") };
}

/** "3 présents, 1 représenté, 1 excusé, 0 absent", agreed with each count. */
export function describeAttendanceCounts({ present, represented, excused, absent }: AttendanceCounts): string {
  return [countOf(present, "présent"), countOf(represented, "représenté"), countOf(excused, "excusé"), countOf(absent, "absent")].join(", ");
}

/**
 * Who the call names against who is in office: a councillor not in office or
 * called twice, on their row; those missing, once for the form ("Il manque à
 * la liste : …", `missingWhat` saying which list).
 */
export function checkRoster({
  rows,
  councillors,
  keyOf,
  missingWhat,
  issues,
}: {
  rows: readonly { councillorId: string }[];
  councillors: readonly { id: string; name: string }[];
  keyOf: (index: number) => string;
  missingWhat: string;
  issues: FormIssues;
}): void {
  const names = new Map(councillors.map((councillor) => [councillor.id, councillor.name]));
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const name = names.get(row.councillorId);
    if (name === undefined) addIssue(issues, keyOf(index), "Cet élu n'est pas en fonction le jour de la séance.");
    else if (seen.has(row.councillorId)) addIssue(issues, keyOf(index), `${name} figure deux fois.`);
    seen.add(row.councillorId);
  });
  const missing = councillors.filter((councillor) => !seen.has(councillor.id)).map((councillor) => councillor.name);
  if (missing.length) addIssue(issues, "_form", `Il manque à ${missingWhat} : ${missing.join(", ")}.`);
}

/**
 * One deliberation's list of presence: the roster, the proxy rules (each issue on
 * the giver's row, or for a holder on the rows of those who gave them a proxy),
 * the counts and the quorum the list gives.
 */
export function checkAttendance({
  rows,
  councillors,
  date,
  windows,
  membersInOffice,
  reconvened = false,
}: {
  rows: readonly AttendanceFormRow[];
  /** the councillors in office on the sitting's day */
  councillors: readonly { id: string; name: string }[];
  /** the sitting's day ("YYYY-MM-DD") on the municipality's calendar */
  date: string;
  windows: readonly DerogationWindow[];
  membersInOffice: number;
  reconvened?: boolean;
}): AttendanceCheck {
  const issues: FormIssues = {};
  checkRoster({ rows, councillors, keyOf: (index) => `entries.${index}.status`, missingWhat: "la liste", issues });
  const names = new Map(councillors.map((councillor) => [councillor.id, councillor.name]));
  const attendance: AttendanceEntry[] = rows.map((row) => ({
    councillorId: row.councillorId,
    name: names.get(row.councillorId) ?? row.councillorId,
    status: row.status,
    proxyHolderId: row.proxyHolderId || null,
  }));
  // A councillor called twice is said on the row by the roster already.
  const proxyIssues = checkProxies({ attendance, date, windows }).filter((issue) => issue.code !== "DUPLICATE_ATTENDANCE");
  for (const issue of proxyIssues) {
    const giver = rows.findIndex((row) => row.councillorId === issue.councillorId && row.status === "REPRESENTED");
    const holderOf = rows.flatMap((row, index) => (issue.councillorId && row.proxyHolderId === issue.councillorId ? [index] : []));
    const targets = giver >= 0 ? [giver] : holderOf;
    for (const key of targets.length ? targets.map((index) => `entries.${index}.proxyHolderId`) : ["_form"]) addIssue(issues, key, issue.message);
  }
  const counts = countAttendance(rows);
  const quorum = checkQuorum({ membersInOffice, present: Math.min(counts.present, membersInOffice), date, reconvened, windows });
  return { ...counts, quorum, issues, proxyIssueCount: proxyIssues.length };
}
