// An archived act (migration 20261202070000_archive) may leave facts
// unknown that an act entered here always has: its sitting's officers and
// place, its report, its matter, its vote's figures, its receipt's ACTES
// identifier. The code that works on acts entered here (the back office's
// forms, the workflow, the extract, the PV) routes archived acts away first,
// or refuses them here: a null that reaches these functions is refused in
// French, naming the fact.
import { AppError } from "@/lib/errors";

function unknownFact(fact: string): AppError {
  return new AppError("INVALID_STATE", `Cette séance ou cet acte provient d'une archive, qui n'en donne pas tout (${fact}) : il ne se travaille pas ici.`);
}

/** The row with the named fields known (not null), or an UnknownFactError. */
export function requireKnown<T extends object, K extends keyof T>(row: T, keys: readonly K[]): T & { [P in K]: NonNullable<T[P]> } {
  for (const key of keys) {
    if (row[key] === null || row[key] === undefined) throw unknownFact(String(key));
  }
  return row as T & { [P in K]: NonNullable<T[P]> };
}

/** The figures of a vote entered here: all of them. */
export const TALLY_KEYS = ["presentAndRepresented", "present", "represented", "abstentions", "nonParticipation", "expressed", "votesFor", "votesAgainst"] as const;
