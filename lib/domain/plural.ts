/** French agreement: 0 and 1 take the singular. The word alone: "délivré" / "délivrés". */
export function agree(count: number, singular: string, plural = `${singular}s`): string {
  return count > 1 ? plural : singular;
}

/** The count and its noun: "0 présent", "1 pouvoir", "2 pouvoirs". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${agree(count, singular, plural)}`;
}
