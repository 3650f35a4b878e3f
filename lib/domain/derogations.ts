import { isCalendarDate, localDay } from "./calendar";
import { DomainError } from "./errors";
import { formatDateFr } from "./format";

export type DerogationWindow = {
  /** first day, "YYYY-MM-DD", inclusive */
  from: string;
  /** last day, "YYYY-MM-DD", inclusive */
  to: string;
  /** share of the members in office who must be present */
  quorumFraction: { numerator: number; denominator: number };
  maxProxiesPerHolder: number;
  legalBasis: string;
};

/*
 * The derogations are data, not law baked into the code: each municipality
 * keeps its windows in the database (table `derogation_window`, seeded with the
 * national COVID-19 windows of 2020–2022: quorum of one third of the members in
 * office present, two proxies per holder; edited at /admin/collectivite), and
 * every rule taking a date here takes the municipality's `windows` with it.
 *
 * Not modelled: from 3 April to 10 July 2020 the ordonnance n° 2020-391 also counted
 * represented members towards the quorum; here the quorum counts members present only.
 */

/**
 * The derogation in force on `day` (the sitting's "YYYY-MM-DD" on the municipality's
 * calendar, `localDay`), or null when the ordinary rules apply.
 */
export function findDerogation(day: string, windows: readonly DerogationWindow[]): DerogationWindow | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new DomainError("INVALID_DATE", `« ${day} » n'est pas un jour (AAAA-MM-JJ).`);
  localDay(day, "UTC"); // refuses an impossible day ("2022-02-30")
  // "YYYY-MM-DD" strings order like the days they name.
  return windows.find((window) => window.from <= day && day <= window.to) ?? null;
}

export type DerogationWindowIssue = {
  /** index of the window in the list given */
  index: number;
  field: "from" | "to" | "quorumFraction" | "maxProxiesPerHolder" | "legalBasis";
  message: string;
};

/** Whether `text` is a calendar day written "YYYY-MM-DD". */
function isDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** What is wrong with a municipality's windows (the database refuses the same), in French, by window and field. */
export function checkDerogationWindows(windows: readonly DerogationWindow[]): DerogationWindowIssue[] {
  const issues: DerogationWindowIssue[] = [];
  windows.forEach((window, index) => {
    const { from, to, quorumFraction, maxProxiesPerHolder, legalBasis } = window;
    const fromValid = isDay(from);
    const toValid = isDay(to);
    if (!fromValid) issues.push({ index, field: "from", message: "Indiquez le premier jour de la période (jj/mm/aaaa)." });
    if (!toValid) issues.push({ index, field: "to", message: "Indiquez le dernier jour de la période (jj/mm/aaaa)." });
    if (fromValid && toValid && to < from) issues.push({ index, field: "to", message: "Le dernier jour précède le premier jour de la période." });
    const { numerator, denominator } = quorumFraction;
    if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 1 || denominator <= numerator) {
      issues.push({ index, field: "quorumFraction", message: "Le quorum est une fraction des membres en exercice, entre zéro et un (par exemple 1/3)." });
    }
    if (!Number.isInteger(maxProxiesPerHolder) || maxProxiesPerHolder < 1 || maxProxiesPerHolder > 9) {
      issues.push({ index, field: "maxProxiesPerHolder", message: "Le nombre de pouvoirs par mandataire est un entier de 1 à 9." });
    }
    if (legalBasis.trim() === "") issues.push({ index, field: "legalBasis", message: "Citez le texte qui fonde la dérogation." });
    if (!fromValid || !toValid) return;
    const overlapping = windows.findIndex(
      (other, otherIndex) => otherIndex !== index && isDay(other.from) && isDay(other.to) && other.from <= to && from <= other.to,
    );
    if (overlapping !== -1) {
      const other = windows[overlapping]!;
      issues.push({ index, field: "from", message: `Cette période chevauche celle du ${formatDateFr(other.from)} au ${formatDateFr(other.to)} : une date ne relève que d'une période.` });
    }
  });
  return issues;
}

