import { addDays, daysBetween, lastSendingDay, ordinaryClearDays } from "./convocation";
import { formatDateFr } from "./format";
import { countOf } from "./plural";

// What the clerk must do around a sitting, and by when, by the rules in force
// on the sitting's day. Since 1 July 2022 (ordonnance 2021-1310): the list of
// the deliberations examined is posted and put online within a week
// (L2121-25), the procès-verbal is adopted at the opening of the next sitting
// and published within the week after its adoption (L2121-15). Before: the
// compte rendu was posted within eight days ("dans la huitaine"), and the law
// set no date for the minutes. Acts voted must be transmitted (when L2131-2
// lists them) and published to be executory: the law sets no delay for a
// deliberation, so those rows carry none. Days are "YYYY-MM-DD".

/** The first sitting day judged by the rules of 2022. */
export const RULES_OF_2022_FROM = "2022-07-01";

export function underRulesOf2022(sittingDay: string): boolean {
  return sittingDay >= RULES_OF_2022_FROM;
}

export type DeadlineKind =
  | "convocation"
  | "list-posting"
  | "minutes-submission"
  | "minutes-adoption"
  | "minutes-publication"
  | "act-transmission"
  | "act-publication";

export type Deadline = {
  kind: DeadlineKind;
  /** What is to be done, in French. */
  label: string;
  /** The legal date (the last day allowed), or null when the law sets none. */
  dueDay: string | null;
  /** The article that sets it. */
  source: string;
};

/** The convocation still to send for a sitting to come: due the last day that keeps the ordinary delay. */
export function convocationDeadline(input: { sittingDay: string; population: number | null; convened: boolean; today: string }): Deadline | null {
  if (input.convened || input.sittingDay < input.today) return null;
  const clearDays = ordinaryClearDays(input.population);
  return {
    kind: "convocation",
    label: `Envoyer la convocation (${countOf(clearDays, "jour franc", "jours francs")} avant la séance)`,
    dueDay: lastSendingDay(input.sittingDay, clearDays),
    source: clearDays === 5 ? "article L2121-12 du CGCT" : "article L2121-11 du CGCT",
  };
}

/** How the sitting's deliberations are made known, by the rules of the sitting's day. */
export function listPostingRule(sittingDay: string): { document: string; dueDay: string; source: string } {
  return underRulesOf2022(sittingDay)
    ? { document: "la liste des délibérations", dueDay: addDays(sittingDay, 7), source: "article L2121-25 du CGCT (dans un délai d'une semaine)" }
    : { document: "le compte rendu de la séance", dueDay: addDays(sittingDay, 8), source: "article L2121-25 du CGCT, rédaction antérieure au 1er juillet 2022 (dans la huitaine)" };
}

/** The posting still to do for a sitting held (on or before `today`) that examined deliberations. */
export function listPostingDeadline(input: { sittingDay: string; posted: boolean; examinedDeliberations: number; today: string }): Deadline | null {
  if (input.posted || input.examinedDeliberations === 0 || input.sittingDay > input.today) return null;
  const rule = listPostingRule(input.sittingDay);
  return { kind: "list-posting", label: `Afficher et mettre en ligne ${rule.document}`, dueDay: rule.dueDay, source: rule.source };
}

/** A procès-verbal's state, as the minutes' records say it (NONE: not written yet). */
export type MinutesState = {
  status: "NONE" | "DRAFT" | "SUBMITTED" | "ADOPTED" | "PUBLISHED";
  /** The day it was adopted, once ADOPTED or PUBLISHED. */
  adoptedDay: string | null;
  /** The day of the sitting it is submitted to, once SUBMITTED (its adoption is due then). */
  approvingSittingDay?: string | null;
};

/**
 * The next step of a held sitting's procès-verbal, under the rules of 2022: submitted to and adopted at
 * the next sitting (`nextSittingDay`, null when none is planned: no date yet), then published within
 * the week after adoption. Older sittings: none (the law then set no date).
 */
export function minutesDeadline(input: { sittingDay: string; nextSittingDay: string | null; minutes: MinutesState; today: string }): Deadline | null {
  if (!underRulesOf2022(input.sittingDay) || input.sittingDay > input.today) return null;
  const source = "article L2121-15 du CGCT";
  switch (input.minutes.status) {
    case "NONE":
    case "DRAFT":
      return { kind: "minutes-submission", label: "Rédiger le procès-verbal et le soumettre à la séance suivante", dueDay: input.nextSittingDay, source };
    case "SUBMITTED":
      return {
        kind: "minutes-adoption",
        label: "Faire adopter le procès-verbal à l'ouverture de la séance à laquelle il est soumis",
        dueDay: input.minutes.approvingSittingDay ?? input.nextSittingDay,
        source,
      };
    case "ADOPTED":
      return {
        kind: "minutes-publication",
        label: "Publier le procès-verbal signé (dans la semaine qui suit son adoption)",
        dueDay: input.minutes.adoptedDay ? addDays(input.minutes.adoptedDay, 7) : null,
        source,
      };
    case "PUBLISHED":
      return null;
  }
}

/** What a voted act still lacks to be executory: its transmission, then its publication (no legal date). */
export function actDeadline(input: { status: "DRAFT" | "VOTED" | "WITHDRAWN" | "TRANSMITTED" | "PUBLISHED"; needsTransmission: boolean }): Deadline | null {
  switch (input.status) {
    case "VOTED":
      return input.needsTransmission
        ? { kind: "act-transmission", label: "Transmettre l'acte au contrôle de légalité", dueDay: null, source: "article L2131-1 du CGCT (exécutoire après transmission)" }
        : { kind: "act-publication", label: "Publier l'acte", dueDay: null, source: "article L2131-1 du CGCT (exécutoire après publication)" };
    case "TRANSMITTED":
      return { kind: "act-publication", label: "Publier l'acte", dueDay: null, source: "article L2131-1 du CGCT (exécutoire après publication)" };
    case "DRAFT":
    case "WITHDRAWN":
    case "PUBLISHED":
      return null;
  }
}

export type DeadlineUrgency = "overdue" | "today" | "soon" | "later" | "undated";

/** How pressing a legal date is on `today`: "soon" within a week. */
export function deadlineUrgency(dueDay: string | null, today: string): DeadlineUrgency {
  if (dueDay === null) return "undated";
  const left = daysBetween(today, dueDay);
  if (left < 0) return "overdue";
  if (left === 0) return "today";
  return left <= 7 ? "soon" : "later";
}

/** The legal date as the clerk reads it: "en retard de 3 jours (date légale : 12 mars 2026)". */
export function describeDueDay(dueDay: string | null, today: string): string {
  if (dueDay === null) return "aucun délai légal";
  const left = daysBetween(today, dueDay);
  const legal = `date légale : ${formatDateFr(dueDay)}`;
  if (left < 0) return `en retard de ${countOf(-left, "jour")} (${legal})`;
  if (left === 0) return `aujourd'hui (${legal})`;
  return `dans ${countOf(left, "jour")} (${legal})`;
}

/** Most urgent first: the earliest legal date, then the undated ones; a stable order among equals. */
export function sortByUrgency<Row extends { dueDay: string | null }>(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => {
    if (a.dueDay === b.dueDay) return 0;
    if (a.dueDay === null) return 1;
    if (b.dueDay === null) return -1;
    return a.dueDay < b.dueDay ? -1 : 1;
  });
}
