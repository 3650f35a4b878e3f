import { checkRoster } from "./attendance-form";
import type { DerogationWindow } from "./derogations";
import { addIssue, type FormIssues } from "./form-issues";
import { changedMarks, checkRollCallChanges, checkSittingRollCall, expandRollCall, type DeliberationRollCallCheck, type MarkSource, type RollCallChange, type RollCallMark, type SittingRollCall } from "./roll-call";
import type { WorkflowStatus } from "./workflow";

// The sitting's roll call as its form sends it, checked the same way in the
// browser (live) and by the use case (before writing): issues keyed by the
// form's rows ("opening.3.status", "changes.0.proxyHolderId").

/** A deliberation of the sitting, in the agenda's order, with what it has on record. */
export type RollCallFormDeliberation = {
  id: string;
  orderInSitting: number;
  number: string;
  status: WorkflowStatus;
  /** A draft: its attendance follows the roll call; the others' is fixed. */
  editable: boolean;
  marks: readonly RollCallMark[];
};

export type RollCallFormCheck = {
  issues: FormIssues;
  /** Counts, quorum and proxy rules at each deliberation. */
  checks: DeliberationRollCallCheck[];
  /** Deliberations whose fixed list the roll call would change. */
  blocked: boolean[];
  /** Who is present at each deliberation (the proxy holders one can choose). */
  presentAt: string[][];
  /** The drafts whose list saving rewrites, with their new marks. */
  toWrite: { deliberationId: string; marks: RollCallMark[] }[];
  /** How many rows of the form have an issue. */
  rowsWithIssues: number;
};

/** The summary of a refused roll call; each issue is said on its row. */
export const ROLL_CALL_REFUSAL = "L'appel contient des erreurs : corrigez les lignes signalées.";

/** The form's key of a field of a roll call row ("opening.3.status", "changes.0.proxyHolderId"). */
export function rollCallFieldKey(source: MarkSource, field: string): string {
  return `${source.kind === "opening" ? "opening" : "changes"}.${source.index}.${field}`;
}

/** "la délibération n° 3 (DL.2022-93)", as messages name a deliberation of the sitting. */
export function deliberationLabel(deliberation: { orderInSitting: number; number: string }): string {
  return `la délibération n° ${deliberation.orderInSitting} (${deliberation.number})`;
}

const reference = (deliberation: { orderInSitting: number; number: string }) => `n° ${deliberation.orderInSitting} (${deliberation.number})`;

/** "a, b et c". */
function enumerate(words: readonly string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} et ${words.at(-1)}`;
}

/** A rule broken at one or several deliberations, said once: "Aux délibérations n° 2 (DL.2023-2) et n° 3 (DL.2023-3) : …". */
export function atDeliberations(deliberations: readonly { orderInSitting: number; number: string }[], message: string): string {
  const where = deliberations.length > 1 ? "Aux délibérations" : "À la délibération";
  return `${where} ${enumerate(deliberations.map(reference))} : ${message}`;
}

/** Why the lists of deliberations that are no longer drafts cannot follow the roll call, and what to do. */
export function fixedAttendanceMessage(deliberations: readonly { orderInSitting: number; number: string }[], status: WorkflowStatus): string {
  const several = deliberations.length > 1;
  const which = `${several ? "Les délibérations" : "La délibération"} ${enumerate(deliberations.map(reference))}`;
  if (status === "PUBLISHED") {
    return several
      ? `${which} sont publiées : leur liste de présence ne peut plus changer (émettez une rectification).`
      : `${which} est publiée : sa liste de présence ne peut plus changer (émettez une rectification).`;
  }
  return several
    ? `${which} ne sont plus des projets : leur liste de présence ne peut plus changer (annulez d'abord leur vote ou leur retrait).`
    : `${which} n'est plus un projet : sa liste de présence ne peut plus changer (annulez d'abord son vote ou son retrait).`;
}

/** Messages that name deliberations, gathered per row and per wording before they are said. */
class GroupedIssues {
  private readonly groups = new Map<string, { key: string; say: (deliberations: RollCallFormDeliberation[]) => string; deliberations: Set<RollCallFormDeliberation> }>();

  add(key: string, group: string, deliberation: RollCallFormDeliberation, say: (deliberations: RollCallFormDeliberation[]) => string) {
    const id = `${key}\u0000${group}`;
    const entry = this.groups.get(id) ?? { key, say, deliberations: new Set() };
    entry.deliberations.add(deliberation);
    this.groups.set(id, entry);
  }

  into(issues: FormIssues) {
    for (const { key, say, deliberations } of this.groups.values()) addIssue(issues, key, say([...deliberations]));
  }
}

/**
 * The whole check of the sitting's roll call: the opening call against the
 * councillors in office, the changes the clerk cannot mean, then (with the usable
 * changes) each deliberation's counts, quorum and proxy rules, and the fixed lists
 * it would alter. A change row still being typed (no councillor or deliberation
 * chosen) waits for the form's own validation and is left out.
 */
export function checkRollCallForm({
  rollCall,
  councillors,
  deliberations,
  date,
  membersInOffice,
  reconvened = false,
  windows,
}: {
  rollCall: SittingRollCall;
  /** the councillors in office on the sitting's day */
  councillors: readonly { id: string; name: string }[];
  deliberations: readonly RollCallFormDeliberation[];
  /** the sitting's day ("YYYY-MM-DD") on the municipality's calendar */
  date: string;
  membersInOffice: number;
  reconvened?: boolean;
  windows: readonly DerogationWindow[];
}): RollCallFormCheck {
  const issues: FormIssues = {};
  const names = new Map(councillors.map((councillor) => [councillor.id, councillor.name]));
  checkRoster({ rows: rollCall.opening, councillors, keyOf: (index) => rollCallFieldKey({ kind: "opening", index }, "status"), missingWhat: "la liste d'appel", issues });

  const complete = rollCall.changes.flatMap((change, index) => (change.councillorId && change.deliberationId ? [index] : []));
  const changeIssues = checkRollCallChanges({
    rollCall: { opening: rollCall.opening, changes: complete.map((index) => rollCall.changes[index]!) },
    deliberations: deliberations.map((deliberation) => ({ id: deliberation.id, label: deliberationLabel(deliberation) })),
    names,
  });
  for (const issue of changeIssues) addIssue(issues, rollCallFieldKey({ kind: "change", index: complete[issue.index]! }, "deliberationId"), issue.message);
  const wrong = new Set(changeIssues.map((issue) => complete[issue.index]));
  const usable = complete.filter((index) => !wrong.has(index));
  const usableChanges: RollCallChange[] = usable.map((index) => rollCall.changes[index]!);
  // Sources of the expansion count the usable changes only; the form's rows count them all.
  const rowOf = (source: MarkSource): MarkSource => (source.kind === "change" ? { kind: "change", index: usable[source.index]! } : source);

  const expanded = expandRollCall({ rollCall: { opening: rollCall.opening, changes: usableChanges }, deliberationIds: deliberations.map((deliberation) => deliberation.id) });
  const checks = checkSittingRollCall({ expanded, names, date, membersInOffice, reconvened, windows });
  const grouped = new GroupedIssues();
  const toWrite: RollCallFormCheck["toWrite"] = [];
  const blocked = deliberations.map((deliberation, at) => {
    // Voted or withdrawn without a roll call on record: nothing to check nor to keep consistent.
    if (!deliberation.editable && !deliberation.marks.length) return false;
    for (const issue of checks[at]!.issues) {
      for (const source of issue.sources) {
        grouped.add(rollCallFieldKey(rowOf(source), "proxyHolderId"), `proxy:${issue.message}`, deliberation, (concerned) => atDeliberations(concerned, issue.message));
      }
    }
    const { marks } = expanded[at]!;
    const differing = changedMarks(marks, deliberation.marks);
    if (!differing.length) return false;
    if (deliberation.editable) {
      toWrite.push({ deliberationId: deliberation.id, marks: marks.map(({ source: _source, ...mark }) => mark) });
      return false;
    }
    for (const mark of differing) {
      grouped.add(rollCallFieldKey(rowOf(mark.source), "status"), `fixed:${deliberation.status === "PUBLISHED" ? "published" : "voted"}`, deliberation, (concerned) => fixedAttendanceMessage(concerned, deliberation.status));
    }
    return true;
  });
  grouped.into(issues);
  const rows = new Set(Object.keys(issues).flatMap((key) => (key === "_form" ? [] : [key.split(".").slice(0, 2).join(".")])));
  const presentAt = expanded.map(({ marks }) => marks.filter((mark) => mark.status === "PRESENT").map((mark) => mark.councillorId));
  return { issues, checks, blocked, presentAt, toWrite, rowsWithIssues: rows.size };
}
