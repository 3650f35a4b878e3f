import { DomainError } from "./errors";
import { formatDateFr } from "./format";
import { isCalendarDate, isoDate, localDay } from "./calendar";
import type { DomainIssue } from "./types";

export const ACTES_NATURES = ["DE", "AR", "AI", "CC", "BF", "AU"] as const;

export type ActesNature = (typeof ACTES_NATURES)[number];

export const ACTES_NATURE_LABELS: Readonly<Record<ActesNature, string>> = {
  DE: "Délibérations",
  AR: "Arrêtés réglementaires",
  AI: "Arrêtés individuels",
  CC: "Contrats et conventions",
  BF: "Documents budgétaires et financiers",
  AU: "Autres",
};

/**
 * An ACTES transmission identifier, e.g. 013-211300017-20220407-lmc1210471-DE-1-1.
 * `actId` is the act's identifier proper (up to the nature code); `suffix` is the
 * message part with its leading dash ("-1-1"), so `actId + (suffix ?? "")` is the whole.
 */
export type ActesId = {
  department: string;
  siren: string;
  /** "YYYY-MM-DD" */
  date: string;
  internalNumber: string;
  nature: ActesNature;
  suffix: string | null;
  actId: string;
};

export type ActesIdParse = { ok: true; value: ActesId } | { ok: false; reason: string };

// The longest valid identifier is about 60 characters; anything far longer is not worth reading.
const MAX_LENGTH = 80;
const SUFFIX_GROUP = /^\d{1,9}$/;
const INTERNAL_NUMBER = /^[A-Za-z0-9_]+$/;

function isActesNature(value: string): value is ActesNature {
  return (ACTES_NATURES as readonly string[]).includes(value);
}

/** Why a department code is not one (001…095, 02A, 02B, 971…976), or null. */
export function departmentProblem(department: string): string | null {
  if (department === "02A" || department === "02B") return null;
  if (!/^\d{3}$/.test(department)) {
    return `Le département « ${department} » doit s'écrire sur trois caractères (001 à 095, 02A, 02B, 971 à 976).`;
  }
  const number = Number(department);
  if (number === 20) return "Le département « 020 » n'existe pas : la Corse s'écrit 02A ou 02B.";
  if ((number >= 1 && number <= 95) || (number >= 971 && number <= 976)) return null;
  return `Le département « ${department} » n'existe pas.`;
}

/** The SIREN check key: Luhn over the 9 digits. */
export function isValidSiren(siren: string): boolean {
  if (!/^\d{9}$/.test(siren)) return false;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) {
    const digit = Number(siren[8 - index]);
    const weighted = index % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum % 10 === 0;
}

/** Why a SIREN is not one (9 digits, Luhn key), or null. */
export function sirenProblem(siren: string): string | null {
  if (!/^\d{9}$/.test(siren)) return `Le SIREN « ${siren} » doit compter 9 chiffres.`;
  if (!isValidSiren(siren)) return `Le SIREN « ${siren} » n'est pas valide (clé de contrôle erronée).`;
  return null;
}

function splitCompactDate(compactDate: string): [number, number, number] {
  return [Number(compactDate.slice(0, 4)), Number(compactDate.slice(4, 6)), Number(compactDate.slice(6))];
}

function dateProblem(compactDate: string): string | null {
  if (!/^\d{8}$/.test(compactDate)) return `La date « ${compactDate} » doit s'écrire AAAAMMJJ.`;
  if (!isCalendarDate(...splitCompactDate(compactDate))) {
    return `La date « ${compactDate} » n'est pas une date valide.`;
  }
  return null;
}

function internalNumberProblem(internalNumber: string): string | null {
  if (internalNumber.length === 0) return "Le numéro interne de l'acte est vide.";
  if (internalNumber.length > 15) return `Le numéro interne « ${internalNumber} » dépasse 15 caractères.`;
  if (!INTERNAL_NUMBER.test(internalNumber)) {
    return `Le numéro interne « ${internalNumber} » ne doit contenir que des lettres non accentuées, des chiffres et « _ ».`;
  }
  return null;
}

/** Reads an ACTES identifier strictly: surrounding spaces are trimmed, nothing else is forgiven. */
export function parseActesId(value: string): ActesIdParse {
  const text = value.trim();
  if (text.length === 0) return { ok: false, reason: "L'identifiant ACTES est vide." };
  if (text.length > MAX_LENGTH) {
    return { ok: false, reason: `L'identifiant ACTES est trop long (${text.length} caractères, ${MAX_LENGTH} au plus).` };
  }
  if (/\s/.test(text)) return { ok: false, reason: `L'identifiant ACTES « ${text} » ne doit pas contenir d'espace.` };
  const segments = text.split("-");
  if (segments.length !== 5 && segments.length !== 7) {
    return {
      ok: false,
      reason: `L'identifiant ACTES « ${text} » doit compter cinq parties séparées par des tirets (département-SIREN-date-numéro-nature), suivies éventuellement de deux numéros de message (-1-1) ; il en compte ${segments.length}.`,
    };
  }
  const [department = "", siren = "", compactDate = "", internalNumber = "", nature = "", ...messageNumbers] = segments;
  const problem =
    departmentProblem(department) ?? sirenProblem(siren) ?? dateProblem(compactDate) ?? internalNumberProblem(internalNumber);
  if (problem) return { ok: false, reason: problem };
  if (!isActesNature(nature)) {
    return { ok: false, reason: `La nature « ${nature} » est inconnue (attendu : ${ACTES_NATURES.join(", ")}).` };
  }
  const suffix = messageNumbers.length > 0 ? `-${messageNumbers.join("-")}` : null;
  if (!messageNumbers.every((group) => SUFFIX_GROUP.test(group))) {
    return { ok: false, reason: `Le suffixe « ${suffix} » doit être formé de deux nombres (par exemple -1-1).` };
  }
  const date = isoDate(...splitCompactDate(compactDate));
  return {
    ok: true,
    value: {
      department,
      siren,
      date,
      internalNumber,
      nature,
      suffix,
      actId: [department, siren, compactDate, internalNumber, nature].join("-"),
    },
  };
}

/** "13" and "013" name the same department; "2A" is "02A". */
function normalizeDepartment(code: string): string {
  const trimmed = code.trim().toUpperCase();
  return trimmed.length < 3 ? trimmed.padStart(3, "0") : trimmed;
}

/**
 * A well-formed identifier checked against the record: the municipality's department and SIREN, the sitting's date
 * (its day "YYYY-MM-DD", or its instant with the municipality's `timeZone`).
 */
export function checkActesId(
  id: ActesId,
  expected: { departmentCode: string; siren: string; sittingDate: Date | string; nature?: ActesNature; timeZone?: string },
): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const department = normalizeDepartment(expected.departmentCode);
  if (id.department !== department) {
    issues.push({
      code: "ACTES_DEPARTMENT_MISMATCH",
      message: `Le département de l'identifiant (${id.department}) n'est pas celui de la collectivité (${department}).`,
    });
  }
  if (id.siren !== expected.siren.trim()) {
    issues.push({
      code: "ACTES_SIREN_MISMATCH",
      message: `Le SIREN de l'identifiant (${id.siren}) n'est pas celui de la collectivité (${expected.siren.trim()}).`,
    });
  }
  if (expected.sittingDate instanceof Date && expected.timeZone === undefined) throw new Error("checking an ACTES date against an instant needs the municipality's time zone");
  const sittingDay = localDay(expected.sittingDate, expected.timeZone ?? "UTC");
  if (id.date !== sittingDay) {
    issues.push({
      code: "ACTES_DATE_MISMATCH",
      message: `La date de l'identifiant (${formatDateFr(id.date)}) n'est pas celle de la séance (${formatDateFr(sittingDay)}).`,
    });
  }
  if (expected.nature !== undefined && id.nature !== expected.nature) {
    issues.push({
      code: "ACTES_NATURE_MISMATCH",
      message: `La nature de l'identifiant (${id.nature}, ${ACTES_NATURE_LABELS[id.nature].toLowerCase()}) n'est pas celle attendue (${expected.nature}, ${ACTES_NATURE_LABELS[expected.nature].toLowerCase()}).`,
    });
  }
  return issues;
}

/** Parses or throws a DomainError("INVALID_ACTES_ID") carrying the French reason. */
export function requireActesId(value: string): ActesId {
  const parsed = parseActesId(value);
  if (!parsed.ok) throw new DomainError("INVALID_ACTES_ID", parsed.reason);
  return parsed.value;
}
