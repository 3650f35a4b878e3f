import { assertNever } from "./assert-never";
import { DomainError } from "./errors";
import { formatDateFr } from "./format";

// The procès-verbal's rules (L2121-15 as amended by ordonnance 2021-1310):
// drawn up after the sitting, adopted at the opening of the next sitting,
// published electronically within the week after its adoption. Days are
// "YYYY-MM-DD" on the municipality's calendar.

export type MinutesStatus = "DRAFT" | "SUBMITTED" | "ADOPTED" | "PUBLISHED";

/** The day the 2021 reform applies from: a sitting held earlier is judged by the rules of its date. */
export const MINUTES_REFORM_DAY = "2022-07-01";

/** The published PV is put online within this many days after its adoption. */
export const MINUTES_PUBLICATION_DAYS = 7;

export const MINUTES_STATUS_LABELS: Record<MinutesStatus, string> = {
  DRAFT: "En cours de rédaction",
  SUBMITTED: "Soumis à l'approbation du conseil",
  ADOPTED: "Adopté, à publier",
  PUBLISHED: "Publié",
};

const NEXT: Record<MinutesStatus, readonly MinutesStatus[]> = {
  DRAFT: ["SUBMITTED"],
  SUBMITTED: ["DRAFT", "ADOPTED"],
  ADOPTED: ["PUBLISHED"],
  PUBLISHED: [],
};

/** Whether the workflow allows going from `from` to `to` (the database enforces the same, RG031). */
export function canMoveMinutes(from: MinutesStatus, to: MinutesStatus): boolean {
  return NEXT[from].includes(to);
}

/** The text of what may still change: everything before publication, nothing after. */
export function isMinutesEditable(status: MinutesStatus): boolean {
  return status !== "PUBLISHED";
}

/** "Approbation du procès-verbal de la séance du 7 avril 2022": the agenda item of the approving sitting. */
export function minutesApprovalTitle(sittingStartsAt: Date | string, zone: string): string {
  return `Approbation du procès-verbal de la séance du ${formatDateFr(sittingStartsAt, zone)}`;
}

/** `day` plus `days` calendar days ("2022-04-30" + 7 = "2022-05-07"). */
export function addCalendarDays(day: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new DomainError("INVALID_DATE", `Date invalide : ${day}.`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return date.toISOString().slice(0, 10);
}

export type AdoptionVote = { votesFor: number; votesAgainst: number; abstentions: number };

/** The adoption vote: whole counts, someone voted, and more for than against (absolute majority of the votes cast). */
export function checkAdoptionVote({ votesFor, votesAgainst, abstentions }: AdoptionVote): string | null {
  for (const value of [votesFor, votesAgainst, abstentions]) {
    if (!Number.isInteger(value) || value < 0) return "Les nombres de voix sont des nombres entiers positifs ou nuls.";
  }
  if (votesFor + votesAgainst + abstentions === 0) return "Saisissez le résultat du vote d'approbation : aucune voix n'est comptée.";
  if (votesFor <= votesAgainst) {
    return "Le procès-verbal n'est adopté qu'à la majorité des suffrages exprimés : avec autant ou plus de voix contre que pour, il n'est pas adopté ; corrigez-le et soumettez-le à nouveau.";
  }
  return null;
}

/** "adopté à l'unanimité", "adopté par 20 voix pour, 3 contre et 2 abstentions". */
export function describeAdoptionVote({ votesFor, votesAgainst, abstentions }: AdoptionVote): string {
  if (votesAgainst === 0 && abstentions === 0) return "adopté à l'unanimité";
  const parts = [`${votesFor} voix pour`, `${votesAgainst} contre`];
  if (abstentions > 0) parts.push(`${abstentions} abstention${abstentions > 1 ? "s" : ""}`);
  return `adopté par ${parts.slice(0, -1).join(", ")} et ${parts.at(-1)}`;
}

export type MinutesFacts = {
  status: MinutesStatus;
  /** The day of the sitting the PV is of. */
  sittingDay: string;
  /** The day of the sitting it is submitted to (or, not yet submitted, of the next sitting when one is planned). */
  approvingSittingDay: string | null;
  adoptedOn: string | null;
  publishedOn: string | null;
};

export type MinutesDeadlineStep = "SUBMIT" | "ADOPT" | "PUBLISH";

export type MinutesDeadline = {
  step: MinutesDeadlineStep;
  /** The legal date, when the law gives one the record lets us compute. */
  dueOn: string | null;
  overdue: boolean;
  label: string;
};

/**
 * What the PV still owes the law, as of `today`: submission and adoption at the
 * next sitting, then publication within the week after adoption. A sitting
 * held before 1 July 2022 owes no online publication (the earlier rules had
 * none); a published PV owes nothing.
 */
export function minutesDeadline(facts: MinutesFacts, today: string): MinutesDeadline | null {
  const due = (step: MinutesDeadlineStep, dueOn: string | null, label: string): MinutesDeadline => ({
    step,
    dueOn,
    overdue: dueOn !== null && dueOn < today,
    label,
  });
  const sittingOn = formatDateFr(facts.sittingDay);
  switch (facts.status) {
    case "DRAFT":
      return due(
        "SUBMIT",
        facts.approvingSittingDay,
        facts.approvingSittingDay
          ? `Procès-verbal de la séance du ${sittingOn} à soumettre à la séance du ${formatDateFr(facts.approvingSittingDay)}`
          : `Procès-verbal de la séance du ${sittingOn} à soumettre à la prochaine séance`,
      );
    case "SUBMITTED":
      return due("ADOPT", facts.approvingSittingDay, `Procès-verbal de la séance du ${sittingOn} à adopter en séance`);
    case "ADOPTED": {
      if (facts.sittingDay < MINUTES_REFORM_DAY) return null;
      const dueOn = facts.adoptedOn ? addCalendarDays(facts.adoptedOn, MINUTES_PUBLICATION_DAYS) : null;
      return due("PUBLISH", dueOn, `Procès-verbal de la séance du ${sittingOn} à publier dans la semaine de son adoption`);
    }
    case "PUBLISHED":
      return null;
    default:
      return assertNever(facts.status);
  }
}

/** What the public sitting page says of its PV: "Projet soumis à la séance du …", "Adopté le …, publié le …". */
export function describeMinutesState(facts: Omit<MinutesFacts, "sittingDay">): string {
  switch (facts.status) {
    case "DRAFT":
      return "Procès-verbal en cours de rédaction.";
    case "SUBMITTED":
      return facts.approvingSittingDay
        ? `Projet de procès-verbal soumis à la séance du ${formatDateFr(facts.approvingSittingDay)}.`
        : "Projet de procès-verbal soumis au conseil.";
    case "ADOPTED":
      return facts.adoptedOn ? `Procès-verbal adopté le ${formatDateFr(facts.adoptedOn)}, en attente de publication.` : "Procès-verbal adopté, en attente de publication.";
    case "PUBLISHED":
      return facts.adoptedOn && facts.publishedOn
        ? `Procès-verbal adopté le ${formatDateFr(facts.adoptedOn)}, publié le ${formatDateFr(facts.publishedOn)}.`
        : "Procès-verbal publié.";
    default:
      return assertNever(facts.status);
  }
}
