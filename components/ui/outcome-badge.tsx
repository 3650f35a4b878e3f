import type { Outcome } from "@/lib/db/prisma";
import { describeOutcome, type StatedTally } from "@/lib/domain";

const TONE: Record<Outcome, string> = {
  ADOPTED: "bg-success-soft text-success",
  REJECTED: "bg-danger-soft text-danger",
  WITHDRAWN: "bg-surface text-muted",
};

/** The result of a deliberation in words ("Adopté à l'unanimité"), never by colour alone. */
export function OutcomeBadge({ outcome, tally }: { outcome: Outcome | null; tally: StatedTally | null }) {
  if (!outcome) return null;
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${TONE[outcome]}`}>
      {describeOutcome({ outcome, tally })}
    </span>
  );
}
