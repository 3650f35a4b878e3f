/** French agreement: 0 and 1 take the singular. The word alone: "délivré" / "délivrés". */
export function agree(count: number, singular: string, plural = `${singular}s`): string {
  return count > 1 ? plural : singular;
}

/** The count and its noun: "0 présent", "1 pouvoir", "2 pouvoirs". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${agree(count, singular, plural)}`;
}

/**
 * A count as the subject of its verb: "Aucune matière ne correspond", "1 matière correspond",
 * "3 matières correspondent" (no "0 matière correspond"; "n'" before a vowel).
 */
export function countWithVerb(
  count: number,
  noun: { none: string; singular: string; plural?: string },
  verb: { singular: string; plural: string },
): string {
  if (count === 0) return `${noun.none} ${/^[aeiouyéèêh]/i.test(verb.singular) ? "n'" : "ne "}${verb.singular}`;
  return `${countOf(count, noun.singular, noun.plural)} ${agree(count, verb.singular, verb.plural)}`;
}
