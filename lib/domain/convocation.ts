import { dateColumn, isoDay } from "./calendar";
import { countOf } from "./plural";
import { formatDateFr } from "./format";

// The convocation's delay (CGCT L2121-11 and L2121-12): counted in clear days,
// neither the day it is sent nor the sitting's day counting; 5 clear days from
// 3,500 inhabitants, 3 below; in an emergency the mayor may shorten it, never
// below 1 clear day. From 3,500 inhabitants a summary note (note explicative de
// synthèse) on each item goes with it. An unknown population gets the rules of
// 3,500 and more: the stricter ones. Days are "YYYY-MM-DD" on the municipality's
// clock.

/** The population from which the longer delay and the summary notes apply (L2121-11, L2121-12). */
export const POPULATION_THRESHOLD = 3500;
/** Clear days from 3,500 inhabitants (L2121-12). */
export const CLEAR_DAYS_FROM_THRESHOLD = 5;
/** Clear days below 3,500 inhabitants (L2121-11). */
export const CLEAR_DAYS_BELOW_THRESHOLD = 3;
/** The shortest delay, in an emergency (L2121-11, L2121-12). */
export const URGENT_CLEAR_DAYS = 1;

const DAY = 86_400_000;

/** `day` moved by `days` calendar days (negative: earlier), across month and year ends. */
export function addDays(day: string, days: number): string {
  return isoDay(new Date(dateColumn(day).getTime() + days * DAY));
}

/** How many calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateColumn(to).getTime() - dateColumn(from).getTime()) / DAY);
}

/** The clear days between a sending and the sitting: the whole days strictly between them (neither counts). */
export function clearDaysBetween(sentDay: string, sittingDay: string): number {
  return Math.max(0, daysBetween(sentDay, sittingDay) - 1);
}

/** Whether the municipality counts as 3,500 inhabitants or more (an unknown population does). */
export function atOrAboveThreshold(population: number | null): boolean {
  return population === null || population >= POPULATION_THRESHOLD;
}

/** Whether each agenda item needs a summary note with the convocation (L2121-12). */
export function summaryNotesRequired(population: number | null): boolean {
  return atOrAboveThreshold(population);
}

/** The ordinary delay, in clear days, for a municipality of `population`. */
export function ordinaryClearDays(population: number | null): number {
  return atOrAboveThreshold(population) ? CLEAR_DAYS_FROM_THRESHOLD : CLEAR_DAYS_BELOW_THRESHOLD;
}

/** The delay that applies: the ordinary one, or one clear day when the urgency is marked. */
export function requiredClearDays({ population, urgent }: { population: number | null; urgent: boolean }): number {
  return urgent ? URGENT_CLEAR_DAYS : ordinaryClearDays(population);
}

/** The last day a convocation can be sent for a sitting on `sittingDay` with `clearDays` clear days. */
export function lastSendingDay(sittingDay: string, clearDays: number): string {
  return addDays(sittingDay, -(clearDays + 1));
}

export type ConvocationDelay = {
  clearDays: number;
  /** The ordinary delay of the municipality (5 or 3). */
  ordinary: number;
  /**
   * ok: the ordinary delay is kept; urgent: shorter, but at least one clear day and the urgency is marked;
   * needs-urgency: shorter than the ordinary delay, at least one clear day, the urgency not marked;
   * too-short: less than one clear day, or on or after the sitting's day.
   */
  status: "ok" | "urgent" | "needs-urgency" | "too-short";
  /** The last day the ordinary delay allows. */
  lastOrdinaryDay: string;
  /** The last day an urgent convocation allows. */
  lastUrgentDay: string;
};

/** The delay a sending on `sentDay` gives a sitting on `sittingDay`, and what the law says of it. */
export function checkConvocationDelay(input: { sentDay: string; sittingDay: string; population: number | null; urgent: boolean }): ConvocationDelay {
  const ordinary = ordinaryClearDays(input.population);
  const clearDays = clearDaysBetween(input.sentDay, input.sittingDay);
  const lastOrdinaryDay = lastSendingDay(input.sittingDay, ordinary);
  const lastUrgentDay = lastSendingDay(input.sittingDay, URGENT_CLEAR_DAYS);
  const onTime = input.sentDay < input.sittingDay;
  const status = !onTime || clearDays < URGENT_CLEAR_DAYS ? "too-short" : clearDays >= ordinary ? "ok" : input.urgent ? "urgent" : "needs-urgency";
  return { clearDays, ordinary, status, lastOrdinaryDay, lastUrgentDay };
}

/** What to tell the clerk of a delay, in French: null when the ordinary delay is kept. */
export function convocationDelayMessage(delay: ConvocationDelay): string | null {
  const given = `${countOf(delay.clearDays, "jour franc", "jours francs")} avant la séance`;
  switch (delay.status) {
    case "ok":
      return null;
    case "urgent":
      return `Délai abrégé pour urgence : ${given}, au lieu de ${delay.ordinary}. Le maire en rendra compte à l'ouverture de la séance, et le conseil se prononcera sur l'urgence (articles L2121-11 et L2121-12 du CGCT).`;
    case "needs-urgency":
      return `Délai trop court : ${given}, la loi en demande ${delay.ordinary} (envoi au plus tard le ${formatDateFr(delay.lastOrdinaryDay)}). Seule l'urgence, motivée, permet d'abréger le délai, jusqu'à un jour franc.`;
    case "too-short":
      return `Délai insuffisant même en cas d'urgence : il faut au moins un jour franc entre l'envoi et la séance (envoi au plus tard le ${formatDateFr(delay.lastUrgentDay)}). Reportez la séance.`;
  }
}

/** Whether a sending with this delay may be recorded. */
export function convocationDelayAccepted(delay: ConvocationDelay): boolean {
  return delay.status === "ok" || delay.status === "urgent";
}

/** The items submitted to deliberation that lack the summary note the population requires (their positions); none below 3,500. */
export function missingSummaryNotes(items: readonly { position: number; kind: string; summaryNote: string | null }[], population: number | null): number[] {
  if (!summaryNotesRequired(population)) return [];
  return items.filter((item) => item.kind === "DELIBERATION" && !item.summaryNote?.trim()).map((item) => item.position);
}
