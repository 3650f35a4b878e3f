// Whether a councillor holds office on a day: from the start of the mandate to
// its end, both included (days "YYYY-MM-DD"; no end: still in office). The
// sitting form offers those in office on the sitting's day as convener,
// president and secretary, and the server refuses anyone else.

export type Mandate = { mandateStart: string; mandateEnd: string | null };

export function isInOffice(mandate: Mandate, day: string): boolean {
  return mandate.mandateStart <= day && (mandate.mandateEnd === null || mandate.mandateEnd >= day);
}
