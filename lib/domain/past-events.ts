import { formatDateFr } from "./format";

// What the clerk records after it happened (the prefecture's receipt, the
// signature, a posting, a vote) cannot be dated after today: a receipt of
// 15 January 2027 entered on 1 December 2026 would make the public page say
// "Exécutoire depuis le 15 janvier 2027". Days are "YYYY-MM-DD", `today` read
// on the municipality's clock.

export const PAST_EVENT_LABELS = {
  receivedAt: "La date de réception en préfecture",
  signedAt: "La date de signature",
  postedAt: "La date d'affichage du compte rendu",
  listPostedAt: "La date d'affichage de la liste des délibérations",
} as const;
export type PastEvent = keyof typeof PAST_EVENT_LABELS;

/** Whether `day` is after `today` (both "YYYY-MM-DD"). */
export function isFutureDay(day: string, today: string): boolean {
  return day > today;
}

/** The message for a past event dated after today. */
export function futureDayMessage(event: PastEvent, today: string): string {
  return `${PAST_EVENT_LABELS[event]} ne peut être postérieure à aujourd'hui (${formatDateFr(today)}) : saisissez le jour où c'est arrivé.`;
}

/** The field errors of the days given that fall after `today`; an empty or missing day is not checked. */
export function futureDayErrors(days: Partial<Record<PastEvent, string | null>>, today: string): Partial<Record<PastEvent, string[]>> {
  const errors: Partial<Record<PastEvent, string[]>> = {};
  for (const event of Object.keys(PAST_EVENT_LABELS) as PastEvent[]) {
    const day = days[event];
    if (day && isFutureDay(day, today)) errors[event] = [futureDayMessage(event, today)];
  }
  return errors;
}

/** Why a vote cannot be recorded yet: its sitting (on `sittingDay`) has not been held; null once it has. */
export function sittingNotHeldMessage(sittingDay: string, today: string): string | null {
  if (!isFutureDay(sittingDay, today)) return null;
  return `La séance du ${formatDateFr(sittingDay)} n'a pas encore eu lieu : le vote s'enregistre le jour de la séance ou après.`;
}
