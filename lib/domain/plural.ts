/** French agreement: 0 and 1 take the singular ("0 présent", "1 pouvoir", "2 pouvoirs"). */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count > 1 ? plural : singular}`;
}
