// The clerk's text on each item of the PV is kept under the item's key: an
// agenda item by its id, a deliberation examined without an agenda item
// (sittings recorded before the agenda existed) by its number, which its
// rectifications keep.

export type MinutesItemRef = { agendaItemId: string } | { deliberationNumber: string };

export function minutesItemKey(ref: MinutesItemRef): string {
  return "agendaItemId" in ref ? `agenda:${ref.agendaItemId}` : `deliberation:${ref.deliberationNumber}`;
}

/** The stored map of discussions, keeping only non-empty texts under well-formed keys. */
export function readItemDiscussions(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const discussions: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) {
    if (/^(agenda|deliberation):\S+$/.test(key) && typeof text === "string" && text.trim() !== "") discussions[key] = text;
  }
  return discussions;
}
