import { findDerogation } from "./derogations";
import type { DerogationWindow } from "./derogations";
import { DomainError } from "./errors";
import { countOf } from "./plural";
import type { AttendanceEntry, DomainIssue } from "./types";

export type QuorumRule = "ORDINARY" | "DEROGATION" | "RECONVENED";

export type QuorumCheck = { required: number; reached: boolean; rule: QuorumRule; message: string };

function fractionLabel({ numerator, denominator }: DerogationWindow["quorumFraction"]): string {
  if (numerator === 1 && denominator === 3) return "un tiers";
  if (numerator === 1 && denominator === 2) return "la moitié";
  return `${numerator}/${denominator}`;
}

function assertCount(value: number, label: string, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new DomainError("INVALID_COUNT", `${label} (${String(value)}) doit être un nombre entier supérieur ou égal à ${minimum}.`);
  }
}

type Requirement = { rule: QuorumRule; required: number; basis: string };

function ordinaryRequirement(membersInOffice: number): Requirement {
  return {
    rule: "ORDINARY",
    required: Math.floor(membersInOffice / 2) + 1,
    basis: `plus de la moitié des ${membersInOffice} membres en exercice`,
  };
}

function derogationRequirement(membersInOffice: number, { quorumFraction, legalBasis }: DerogationWindow): Requirement {
  const { numerator, denominator } = quorumFraction;
  return {
    rule: "DEROGATION",
    // present ≥ n × a/b  ⇔  present ≥ ⌈n × a / b⌉ (integers)
    required: Math.ceil((membersInOffice * numerator) / denominator),
    basis: `au moins ${fractionLabel(quorumFraction)} des ${membersInOffice} membres en exercice ; régime dérogatoire : ${legalBasis}`,
  };
}

/**
 * L2121-17: more than half of the members in office physically present (proxies do not
 * count); under a COVID derogation, at least the window's fraction (one third); at a
 * sitting reconvened after a lack of quorum, no quorum.
 */
export function checkQuorum({
  membersInOffice,
  present,
  date,
  reconvened = false,
  windows,
}: {
  membersInOffice: number;
  present: number;
  /** the sitting's day ("YYYY-MM-DD") on the municipality's calendar */
  date: string;
  reconvened?: boolean;
  /** the municipality's derogation windows */
  windows: readonly DerogationWindow[];
}): QuorumCheck {
  assertCount(membersInOffice, "Le nombre de membres en exercice", 1);
  assertCount(present, "Le nombre de présents", 0);
  if (present > membersInOffice) {
    throw new DomainError(
      "INVALID_COUNT",
      `Le nombre de présents (${present}) dépasse le nombre de membres en exercice (${membersInOffice}).`,
    );
  }
  const presentLabel = countOf(present, "présent");
  if (reconvened) {
    return {
      required: 0,
      reached: true,
      rule: "RECONVENED",
      message: `Séance reconvoquée après défaut de quorum : le conseil délibère sans condition de quorum (${presentLabel}).`,
    };
  }
  const derogation = findDerogation(date, windows);
  const { rule, required, basis } = derogation
    ? derogationRequirement(membersInOffice, derogation)
    : ordinaryRequirement(membersInOffice);
  const reached = present >= required;
  const counts = `${presentLabel} pour ${required} requis (${basis})`;
  return {
    required,
    reached,
    rule,
    message: reached
      ? `Quorum atteint : ${counts}.`
      : `Quorum non atteint : ${counts}. Le conseil doit être reconvoqué à trois jours au moins d'intervalle ; il délibérera alors sans condition de quorum.`,
  };
}

/** How many proxies one present councillor may carry on that day: 1 (L2121-20), or the derogation's. */
export function maxProxiesPerHolder(date: string, windows: readonly DerogationWindow[]): number {
  return findDerogation(date, windows)?.maxProxiesPerHolder ?? 1;
}

/**
 * Proxies as L2121-20 allows them: a represented member names a holder, the holder is
 * another member, present at this deliberation, carrying no more proxies than allowed.
 */
export function checkProxies({
  attendance,
  date,
  windows,
}: {
  attendance: AttendanceEntry[];
  /** the sitting's day ("YYYY-MM-DD") on the municipality's calendar */
  date: string;
  /** the municipality's derogation windows */
  windows: readonly DerogationWindow[];
}): DomainIssue[] {
  const limit = maxProxiesPerHolder(date, windows);
  const issues: DomainIssue[] = [];
  const attendanceById = new Map<string, AttendanceEntry>();
  for (const entry of attendance) {
    if (attendanceById.has(entry.councillorId)) {
      issues.push({
        code: "DUPLICATE_ATTENDANCE",
        message: `${entry.name} figure plusieurs fois sur la liste de présence.`,
        councillorId: entry.councillorId,
      });
      continue;
    }
    attendanceById.set(entry.councillorId, entry);
  }

  const proxiesByHolder = new Map<string, { holder: AttendanceEntry; count: number }>();
  for (const giver of attendanceById.values()) {
    const { councillorId, name, status, proxyHolderId } = giver;
    if (status !== "REPRESENTED") {
      if (proxyHolderId !== null) {
        issues.push({
          code: "PROXY_WITHOUT_REPRESENTATION",
          message: `Un mandataire est indiqué pour ${name}, dont le statut n'est pas « représenté ».`,
          councillorId,
        });
      }
      continue;
    }
    if (proxyHolderId === null) {
      issues.push({
        code: "PROXY_HOLDER_MISSING",
        message: `${name} a donné pouvoir, mais aucun mandataire n'est indiqué.`,
        councillorId,
      });
      continue;
    }
    if (proxyHolderId === councillorId) {
      issues.push({ code: "PROXY_TO_SELF", message: `${name} ne peut pas être son propre mandataire.`, councillorId });
      continue;
    }
    const holder = attendanceById.get(proxyHolderId);
    if (!holder) {
      issues.push({
        code: "PROXY_HOLDER_UNKNOWN",
        message: `Le mandataire de ${name} (identifiant « ${proxyHolderId} ») ne figure pas sur la liste de présence.`,
        councillorId,
      });
      continue;
    }
    if (holder.status !== "PRESENT") {
      issues.push({
        code: "PROXY_HOLDER_NOT_PRESENT",
        message: `${holder.name}, mandataire de ${name}, ne figure pas parmi les présents et ne peut donc pas porter de pouvoir.`,
        councillorId,
      });
      continue;
    }
    const carried = proxiesByHolder.get(proxyHolderId) ?? { holder, count: 0 };
    proxiesByHolder.set(proxyHolderId, { holder, count: carried.count + 1 });
  }

  for (const { holder, count } of proxiesByHolder.values()) {
    if (count <= limit) continue;
    issues.push({
      code: "PROXY_LIMIT_EXCEEDED",
      message: `${holder.name} porte déjà ${countOf(count, "pouvoir")} (maximum ${limit} à cette date).`,
      councillorId: holder.councillorId,
    });
  }
  return issues;
}
