import { describeRollCallChange, formatCouncillorName, summarizeRollCall, type AttendanceStatus, type Civility } from "@/lib/domain";

// Who arrived, left or gave a proxy during a sitting, told from its acts' roll
// calls: the public sitting page and the procès-verbal say it in the same words.

type Named = { id: string; civility: Civility; firstName: string; lastName: string };

/** An act as its record names its roll call. */
export type ActRollCall = {
  id: string;
  number: string;
  attendances: readonly { councillor: Named; status: AttendanceStatus; proxyHolder: Named | null; note: string | null }[];
};

/** The changes after the first act with a roll call, as sentences naming each councillor as the act names them. */
export function describeRollCallMovements(acts: readonly ActRollCall[]): string[] {
  const called = acts.filter((act) => act.attendances.length > 0);
  if (called.length < 2) return [];
  const { changes } = summarizeRollCall({
    deliberations: called.map((act) => ({
      id: act.id,
      marks: act.attendances.map((entry) => ({ councillorId: entry.councillor.id, status: entry.status, proxyHolderId: entry.proxyHolder?.id ?? null, note: entry.note })),
    })),
    councillorIds: [...new Set(called.flatMap((act) => act.attendances.map((entry) => entry.councillor.id)))],
    remarksAlone: false,
  });
  const byId = new Map(called.map((act) => [act.id, act]));
  return changes.map((change) => {
    const act = byId.get(change.deliberationId)!;
    const named = new Map(act.attendances.map((entry) => [entry.councillor.id, entry.councillor]));
    const councillor = named.get(change.councillorId)!;
    const holder = change.proxyHolderId ? named.get(change.proxyHolderId) : undefined;
    return describeRollCallChange({
      name: formatCouncillorName(councillor),
      civility: councillor.civility,
      status: change.status,
      holderName: holder ? formatCouncillorName(holder) : null,
      note: change.note,
      deliberationNumber: act.number,
    });
  });
}
