import { DomainError } from "./errors";

export type Matter = { code: string; label: string };

export type MatterFamily = Matter & { matters: readonly Matter[] };

function family(code: string, label: string, labels: readonly string[]): MatterFamily {
  return { code, label, matters: labels.map((matterLabel, index) => ({ code: `${code}.${index + 1}`, label: matterLabel })) };
}

/** The ACTES nomenclature, levels 1 and 2, common to every prefecture. */
export const NOMENCLATURE: readonly MatterFamily[] = [
  family("1", "Commande publique", [
    "Marchés publics",
    "Délégations de service public",
    "Conventions de mandat",
    "Autres contrats",
    "Transactions (protocole d'accord transactionnel)",
    "Maîtrise d'oeuvre",
    "Actes spéciaux et divers",
  ]),
  family("2", "Urbanisme", [
    "Documents d'urbanisme",
    "Actes relatifs au droit d'occupation et d'utilisation des sols",
    "Droit de préemption urbain",
  ]),
  family("3", "Domaine et patrimoine", [
    "Acquisitions",
    "Aliénations",
    "Locations",
    "Limites territoriales",
    "Actes de gestion du domaine public",
    "Actes de gestion du domaine privé",
  ]),
  family("4", "Fonction publique", [
    "Personnels titulaires et stagiaires de la F.P.T.",
    "Personnels contractuels",
    "Fonction publique hospitalière",
    "Autres catégories de personnels",
    "Régime indemnitaire",
  ]),
  family("5", "Institutions et vie politique", [
    "Election exécutif",
    "Fonctionnement des assemblées",
    "Désignation des représentants",
    "Délégation de fonctions",
    "Délégation de signature",
    "Exercice des mandats locaux",
    "Intercommunalité",
    "Décision d'ester en justice",
  ]),
  family("6", "Libertés publiques et pouvoirs de police", [
    "Police municipale",
    "Pouvoirs du président du conseil général",
    "Pouvoirs du président du conseil régional",
    "Autres actes réglementaires",
    "Actes pris au nom de l'Etat",
  ]),
  family("7", "Finances locales", [
    "Décisions budgétaires",
    "Fiscalité",
    "Emprunts",
    "Interventions économiques en faveur des entreprises",
    "Subventions",
    "Contributions budgétaires",
    "Avances",
    "Fonds de concours",
    "Prise de participation (SEM, etc.)",
    "Divers",
  ]),
  family("8", "Domaines de compétences par thèmes", [
    "Enseignement",
    "Aide sociale",
    "Voirie",
    "Aménagement du territoire",
    "Politique de la ville, habitat, logement",
    "Emploi, formation professionnelle",
    "Transports",
    "Environnement",
    "Culture",
  ]),
  family("9", "Autres domaines de compétences", [
    "Autres domaines de compétences des communes",
    "Autres domaines de compétences des départements",
    "Autres domaines de compétences des régions",
    "Voeux et motions",
  ]),
];

export type MatterCodeParse =
  | { ok: true; level1: Matter; level2: Matter; code: string }
  | { ok: false; reason: string };

// Levels 3 to 5 are set locally by each prefecture (7.10.2): accepted, labelled by level 2.
const MATTER_CODE = /^(\d{1,2})\.(\d{1,2})((?:\.\d{1,3}){0,3})$/;

export function parseMatterCode(code: string): MatterCodeParse {
  const text = code.trim();
  if (text.length === 0) return { ok: false, reason: "Le code matière est vide." };
  const match = MATTER_CODE.exec(text);
  if (!match) {
    if (/^\d{1,2}$/.test(text)) {
      return { ok: false, reason: `Le code matière « ${text} » doit préciser le niveau 2 (par exemple ${text}.1).` };
    }
    return {
      ok: false,
      reason: `Le code matière « ${text} » doit s'écrire en nombres séparés par des points, comme 7.10 ou 7.10.2.`,
    };
  }
  const level1 = NOMENCLATURE.find((matterFamily) => matterFamily.code === match[1]);
  if (!level1) return { ok: false, reason: `La matière « ${match[1]} » n'existe pas dans la nomenclature ACTES (1 à 9).` };
  const level2 = level1.matters.find((matter) => matter.code === `${match[1]}.${match[2]}`);
  if (!level2) {
    return {
      ok: false,
      reason: `La sous-matière « ${match[1]}.${match[2]} » n'existe pas dans la nomenclature ACTES (${level1.code} ${level1.label} : ${level1.code}.1 à ${level1.code}.${level1.matters.length}).`,
    };
  }
  return {
    ok: true,
    level1: { code: level1.code, label: level1.label },
    level2: { code: level2.code, label: level2.label },
    code: text,
  };
}

function requireMatter(code: string): { level1: Matter; level2: Matter } {
  const parsed = parseMatterCode(code);
  if (!parsed.ok) throw new DomainError("INVALID_MATTER_CODE", parsed.reason);
  return parsed;
}

/** The level-2 label: "Divers" for 7.10 and for the local 7.10.2. Throws on an unknown code. */
export function matterLabel(code: string): string {
  return requireMatter(code).level2.label;
}

/** The level-2 label of a code a record states, or null when it states none (an archived act) or one the nomenclature does not know. */
export function statedMatterLabel(code: string | null): string | null {
  if (code === null) return null;
  const parsed = parseMatterCode(code);
  return parsed.ok ? parsed.level2.label : null;
}

/** "7.10 Divers", the code alone when unknown, "Matière non indiquée" when the record states none: how a list shows an act's matter. */
export function matterCaption(code: string | null): string {
  if (code === null) return "Matière non indiquée";
  const label = statedMatterLabel(code);
  return label === null ? code : `${code} ${label}`;
}

export type MatterOption = { code: string; label: string; level1Code: string; level1Label: string };

/** Every level-2 matter, in nomenclature order, for a picker. */
export function listMatters(): MatterOption[] {
  return NOMENCLATURE.flatMap((matterFamily) =>
    matterFamily.matters.map((matter) => ({
      code: matter.code,
      label: matter.label,
      level1Code: matterFamily.code,
      level1Label: matterFamily.label,
    })),
  );
}

function scdlLabel(label: string): string {
  return label
    .replace(/[,()]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLocaleLowerCase("fr-FR");
}

/** SCDL DELIB_MATIERE_NOM: "finances locales/divers" (lower case, accents kept, no commas or parentheses). */
export function scdlMatterName(code: string): string {
  const { level1, level2 } = requireMatter(code);
  return `${scdlLabel(level1.label)}/${scdlLabel(level2.label)}`;
}

/** SCDL DELIB_MATIERE_CODE: the level-2 code ("7.10" for 7.10.2). */
export function scdlMatterCode(code: string): string {
  return requireMatter(code).level2.code;
}
