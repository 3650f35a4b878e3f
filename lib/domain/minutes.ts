import { assertNever } from "./assert-never";
import { formatDateFr } from "./format";

// The procès-verbal's rules (L2121-15 as amended by ordonnance 2021-1310):
// drawn up after the sitting, adopted at the opening of the next sitting,
// published electronically within the week after its adoption. Days are
// "YYYY-MM-DD" on the municipality's calendar. Its deadlines (and the day the
// rules of 2022 apply from) are the sitting's others': sitting-deadlines.ts.

export type MinutesStatus = "DRAFT" | "SUBMITTED" | "ADOPTED" | "PUBLISHED";

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
