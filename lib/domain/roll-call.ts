import { DomainError } from "./errors";
import { checkProxies, checkQuorum, type QuorumCheck } from "./quorum";
import type { DerogationWindow } from "./derogations";
import type { AttendanceEntry, AttendanceStatus, Civility } from "./types";

// A sitting's roll call as the clerk takes it: one call at the opening, then
// the arrivals and departures as the agenda goes on. Each deliberation's own
// attendance (what the extract prints) follows from it, and back.

/** One councillor's presence: the proxy holder when represented, and a remark ("arrivé à 19 h 10"). */
export type RollCallMark = { councillorId: string; status: AttendanceStatus; proxyHolderId: string | null; note: string | null };

/** From deliberation `deliberationId` on, in the sitting's order, the councillor is marked so. */
export type RollCallChange = RollCallMark & { deliberationId: string };

export type SittingRollCall = { opening: RollCallMark[]; changes: RollCallChange[] };

/** Where a deliberation's mark comes from: a row of the opening call, or a change. */
export type MarkSource = { kind: "opening" | "change"; index: number };

export type ExpandedMark = RollCallMark & { source: MarkSource };

/** An issue with one change row, by its index; `message` is French. */
export type RollCallChangeIssue = { index: number; message: string };

export type DeliberationRollCallCheck = {
  deliberationId: string;
  present: number;
  represented: number;
  excused: number;
  absent: number;
  quorum: QuorumCheck;
  /** Proxy rules broken at this deliberation, each with the rows the clerk can correct. */
  issues: { message: string; sources: MarkSource[] }[];
};

const STATUS_WORDS: Record<AttendanceStatus, string> = {
  PRESENT: "présent",
  REPRESENTED: "représenté",
  EXCUSED: "excusé",
  ABSENT: "absent",
};

function sameMark(a: Pick<RollCallMark, "status" | "proxyHolderId">, b: Pick<RollCallMark, "status" | "proxyHolderId">): boolean {
  return a.status === b.status && a.proxyHolderId === b.proxyHolderId;
}

/**
 * The changes the clerk cannot mean: a deliberation not of the sitting, a change at
 * the first deliberation (that is the opening call), a councillor not on the call,
 * two changes for one councillor at one deliberation, a change that changes nothing.
 */
export function checkRollCallChanges({
  rollCall,
  deliberations,
  names,
}: {
  rollCall: SittingRollCall;
  /** The sitting's deliberations in order, with how the clerk knows them ("n° 3 (DL.2022-93)"). */
  deliberations: readonly { id: string; label: string }[];
  names: ReadonlyMap<string, string>;
}): RollCallChangeIssue[] {
  const position = new Map(deliberations.map((deliberation, index) => [deliberation.id, index]));
  const onCall = new Set(rollCall.opening.map((mark) => mark.councillorId));
  const issues: RollCallChangeIssue[] = [];
  const seen = new Set<string>();
  const valid: { index: number; change: RollCallChange }[] = [];
  rollCall.changes.forEach((change, index) => {
    const at = position.get(change.deliberationId);
    const name = names.get(change.councillorId) ?? "Cet élu";
    if (at === undefined) issues.push({ index, message: "Choisissez la délibération à partir de laquelle ce changement vaut." });
    else if (at === 0) issues.push({ index, message: "Pour la première délibération, modifiez l'appel d'ouverture." });
    else if (!onCall.has(change.councillorId)) issues.push({ index, message: "Cet élu ne figure pas sur la liste d'appel." });
    else if (seen.has(`${change.councillorId}@${change.deliberationId}`)) {
      issues.push({ index, message: `${name} a déjà un changement à partir de ${deliberations[at]!.label}.` });
    } else {
      seen.add(`${change.councillorId}@${change.deliberationId}`);
      valid.push({ index, change });
    }
  });
  if (issues.length) return issues;

  const ids = deliberations.map((deliberation) => deliberation.id);
  const expanded = expandRollCall({ rollCall, deliberationIds: ids });
  for (const { index, change } of valid) {
    if (change.note) continue;
    const at = position.get(change.deliberationId)!;
    const before = expanded[at - 1]!.marks.find((mark) => mark.councillorId === change.councillorId)!;
    if (sameMark(before, change)) {
      const name = names.get(change.councillorId) ?? "Cet élu";
      issues.push({ index, message: `Ce changement ne change rien : ${name} a déjà cette présence avant ${deliberations[at]!.label}.` });
    }
  }
  return issues;
}

/**
 * Each deliberation's marks, in the order of `deliberationIds`: a change holds from its
 * deliberation until the councillor's next change. A remark belongs to the deliberation
 * where it was made: the opening's to the first one, a change's to its own.
 */
export function expandRollCall({
  rollCall,
  deliberationIds,
}: {
  rollCall: SittingRollCall;
  deliberationIds: readonly string[];
}): { deliberationId: string; marks: ExpandedMark[] }[] {
  const position = new Map(deliberationIds.map((id, index) => [id, index]));
  const changesAt = deliberationIds.map(() => [] as { change: RollCallChange; index: number }[]);
  rollCall.changes.forEach((change, index) => {
    const at = position.get(change.deliberationId);
    if (at === undefined) throw new DomainError("UNKNOWN_DELIBERATION", "Un changement vise une délibération qui n'est pas de cette séance.");
    changesAt[at]!.push({ change, index });
  });

  const current = new Map<string, ExpandedMark>(
    rollCall.opening.map((mark, index) => [mark.councillorId, { ...mark, source: { kind: "opening", index } }]),
  );
  return deliberationIds.map((deliberationId, at) => {
    // Remarks do not carry over to the next deliberation.
    if (at > 0) for (const [id, mark] of current) current.set(id, { ...mark, note: null });
    for (const { change, index } of changesAt[at]!) {
      current.set(change.councillorId, {
        councillorId: change.councillorId,
        status: change.status,
        proxyHolderId: change.proxyHolderId,
        note: change.note,
        source: { kind: "change", index },
      });
    }
    return { deliberationId, marks: [...current.values()] };
  });
}

/**
 * The opening call and the changes that give each deliberation the marks it has: the
 * inverse of expandRollCall. A deliberation without marks (its roll call not taken yet)
 * keeps the previous one's; a councillor missing from the first marks is `fallback`.
 * A remark alone is a change too, unless `remarksAlone` is false (the minutes list
 * who came and went, not a remark repeated on every deliberation).
 */
export function summarizeRollCall({
  deliberations,
  councillorIds,
  fallback = "PRESENT",
  remarksAlone = true,
}: {
  deliberations: readonly { id: string; marks: readonly RollCallMark[] }[];
  councillorIds: readonly string[];
  fallback?: AttendanceStatus;
  remarksAlone?: boolean;
}): SittingRollCall {
  const first = deliberations.findIndex((deliberation) => deliberation.marks.length > 0);
  const firstMarks = new Map((first >= 0 ? deliberations[first]!.marks : []).map((mark) => [mark.councillorId, mark]));
  const opening: RollCallMark[] = councillorIds.map((councillorId) => {
    const mark = firstMarks.get(councillorId);
    return mark ? { ...mark } : { councillorId, status: fallback, proxyHolderId: null, note: null };
  });
  const carried = new Map(opening.map((mark) => [mark.councillorId, mark]));
  const changes: RollCallChange[] = [];
  for (const deliberation of deliberations.slice(first + 1)) {
    const marks = new Map(deliberation.marks.map((mark) => [mark.councillorId, mark]));
    for (const councillorId of councillorIds) {
      const mark = marks.get(councillorId);
      if (!mark) continue;
      if (sameMark(mark, carried.get(councillorId)!) && !(remarksAlone && mark.note)) continue;
      const change = { ...mark, deliberationId: deliberation.id };
      changes.push(change);
      carried.set(councillorId, change);
    }
  }
  return { opening, changes };
}

/**
 * The marks that differ from what a deliberation has on record (status, holder or
 * remark), or all of them when it has a different list: what saving would rewrite.
 */
export function changedMarks(expanded: readonly ExpandedMark[], stored: readonly RollCallMark[]): ExpandedMark[] {
  const before = new Map(stored.map((mark) => [mark.councillorId, mark]));
  const changed = expanded.filter((mark) => {
    const previous = before.get(mark.councillorId);
    return !previous || !sameMark(previous, mark) || previous.note !== mark.note;
  });
  return changed.length || stored.length === expanded.length ? changed : [...expanded];
}

/**
 * A change in the course of the sitting as the minutes say it, agreed with the civility:
 * "Madame Anne MARTIN est présente à partir de la délibération DL.2019-250 (arrivée à 19 h 10)."
 */
export function describeRollCallChange(change: {
  name: string;
  civility: Civility;
  status: AttendanceStatus;
  holderName: string | null;
  note: string | null;
  deliberationNumber: string;
}): string {
  const agreed = (word: string) => (change.civility === "MADAME" ? `${word}e` : word);
  const state = change.status === "REPRESENTED" && change.holderName ? `${agreed("représenté")} par ${change.holderName}` : agreed(STATUS_WORDS[change.status]);
  const note = change.note ? ` (${change.note})` : "";
  return `${change.name} est ${state} à partir de la délibération ${change.deliberationNumber}${note}.`;
}

/** Counts, quorum and proxy rules at each deliberation, every issue traced to the rows that cause it. */
export function checkSittingRollCall({
  expanded,
  names,
  date,
  membersInOffice,
  reconvened = false,
  windows,
}: {
  expanded: readonly { deliberationId: string; marks: readonly ExpandedMark[] }[];
  names: ReadonlyMap<string, string>;
  /** the sitting's day ("YYYY-MM-DD") on the municipality's calendar */
  date: string;
  membersInOffice: number;
  reconvened?: boolean;
  /** the municipality's derogation windows */
  windows: readonly DerogationWindow[];
}): DeliberationRollCallCheck[] {
  return expanded.map(({ deliberationId, marks }) => {
    const byId = new Map(marks.map((mark) => [mark.councillorId, mark]));
    const attendance: AttendanceEntry[] = marks.map((mark) => ({
      councillorId: mark.councillorId,
      name: names.get(mark.councillorId) ?? mark.councillorId,
      status: mark.status,
      proxyHolderId: mark.proxyHolderId,
    }));
    const count = (status: AttendanceStatus) => marks.filter((mark) => mark.status === status).length;
    const present = count("PRESENT");
    const issues = checkProxies({ attendance, date, windows }).map((issue) => {
      // checkProxies names a councillor in every issue.
      const named = byId.get(issue.councillorId!);
      const holder = named?.proxyHolderId ? byId.get(named.proxyHolderId) : undefined;
      // A giver's issue is on the giver's row and on the change that made the holder leave;
      // a holder's (too many proxies) on the rows of those who gave them one.
      const rows =
        named && (named.status === "REPRESENTED" || issue.code === "PROXY_WITHOUT_REPRESENTATION")
          ? [named, ...(holder?.source.kind === "change" ? [holder] : [])]
          : marks.filter((mark) => mark.status === "REPRESENTED" && mark.proxyHolderId === issue.councillorId);
      return { message: issue.message, sources: rows.map((row) => row.source) };
    });
    return {
      deliberationId,
      present,
      represented: count("REPRESENTED"),
      excused: count("EXCUSED"),
      absent: count("ABSENT"),
      quorum: checkQuorum({ membersInOffice, present: Math.min(present, membersInOffice), date, reconvened, windows }),
      issues,
    };
  });
}
