import { DomainError } from "./errors";
import { dateColumn, isoDay, localDay } from "./calendar";
import { formatDateFr } from "./format";

export type ExecutoryStepKey = "SIGNED" | "POSTED" | "TRANSMITTED" | "PUBLISHED";

export type ExecutoryStep = { key: ExecutoryStepKey; label: string; date: Date | null; done: boolean };

export type ExecutoryStatus = { executory: boolean; since: Date | null; steps: ExecutoryStep[]; label: string };

export type ExecutoryDates = {
  signedAt?: Date | null;
  postedAt?: Date | null;
  transmittedAt?: Date | null;
  /** the prefecture's acknowledgement of receipt (accusé de réception) */
  receivedAt?: Date | null;
  publishedAt?: Date | null;
  /** acts listed in L2131-2 (deliberations among them) must reach the prefect */
  requiresTransmission?: boolean;
  /** the municipality's time zone: the day publication (an instant) falls on */
  zone: string;
};

function checked(date: Date | null | undefined, what: string): Date | null {
  if (date === null || date === undefined) return null;
  if (Number.isNaN(date.getTime())) throw new DomainError("INVALID_DATE", `La date « ${what} » n'est pas valide.`);
  return date;
}

function earliest(dates: (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((first, date) => (date && (!first || date < first) ? date : first), null);
}

function latest(dates: Date[]): Date {
  return dates.reduce((last, date) => (date > last ? date : last));
}

/**
 * L2131-1: an act is executory once made public (published online or posted) and, when
 * L2131-2 lists it, received by the prefect; from the later of those dates.
 */
export function deriveExecutoryStatus({
  signedAt,
  postedAt,
  transmittedAt,
  receivedAt,
  publishedAt,
  requiresTransmission = true,
  zone,
}: ExecutoryDates): ExecutoryStatus {
  const signed = checked(signedAt, "signature");
  const posted = checked(postedAt, "affichage");
  const transmitted = checked(transmittedAt, "transmission");
  const received = checked(receivedAt, "réception en préfecture");
  // Every step is a day (DATE columns at midnight UTC): publication, an instant, on the municipality's calendar.
  const publishedInstant = checked(publishedAt, "mise en ligne");
  const published = publishedInstant && dateColumn(localDay(publishedInstant, zone));

  const step = (key: ExecutoryStepKey, label: string, date: Date | null): ExecutoryStep => ({
    key,
    label,
    date,
    done: date !== null,
  });
  const steps: ExecutoryStep[] = [step("SIGNED", "Acte signé", signed), step("POSTED", "Compte rendu affiché", posted)];
  // An acknowledgement of receipt proves the transmission even when its own date was not recorded.
  if (requiresTransmission) {
    steps.push(step("TRANSMITTED", "Acte transmis pour exercice du contrôle de légalité", transmitted ?? received));
  }
  steps.push(step("PUBLISHED", "Publié en ligne", published));

  const madePublic = earliest([published, posted]);
  const missing: string[] = [];
  if (!madePublic) missing.push("ni publié en ligne ni affiché");
  if (requiresTransmission && !received) {
    missing.push(transmitted ? "accusé de réception de la préfecture en attente" : "non transmis au contrôle de légalité");
  }
  if (!madePublic || missing.length > 0) {
    return { executory: false, since: null, steps, label: `Non exécutoire : ${missing.join(" ; ")}.` };
  }
  const since = latest(requiresTransmission && received ? [madePublic, received] : [madePublic]);
  return { executory: true, since, steps, label: `Exécutoire depuis le ${formatDateFr(isoDay(since))}` };
}

/**
 * Said instead of the executory certification of an act the council rejected:
 * nothing was decided, so nothing was transmitted to the prefect nor can be executory.
 */
export const REJECTED_NOT_TRANSMITTED =
  "Le conseil municipal a rejeté ce projet de délibération : il n'a pas été transmis au contrôle de légalité et n'a pas de caractère exécutoire.";

/** The same, for a rejected act whose transmission was nevertheless recorded (its receipt is shown). */
export const REJECTED_NOT_EXECUTORY =
  "Le conseil municipal a rejeté ce projet de délibération : il n'a pas de caractère exécutoire à certifier.";
