import type { NewMunicipalityInput } from "@/lib/validations/municipality";
import type { ScdlRow } from "./row";

// What the portal knows of a municipality it creates from an SCDL file
// (--create-municipality): the file gives its name, SIRET and, through the
// SIREN or PREF_ID, its department; everything else is a default, chosen so
// that no act of the file is refused for it, and listed in the report so
// that the administrator corrects it at /admin/collectivite.

/** A commune's SIREN is 21 + its INSEE code (department, then commune) + a key; a department's, 22 + its number. */
export function departmentOfSiren(siren: string): string | null {
  if (!/^2[12]\d{7}$/.test(siren)) return null;
  const two = siren.slice(2, 4);
  if (two === "97") return `97${siren[4]}`;
  // Corsica: 2A or 2B, which the SIREN's digits do not tell.
  if (two === "20" || two === "00") return null;
  return `0${two}`;
}

/** PREF013 → 013, SPREF0131 → 013, SGAR013 → 013. */
export function departmentOfPrefecture(authority: string | null): string | null {
  const match = authority ? /^(?:PREF|SPREF|SGAR)(\d{2}[\dAB])/.exec(authority) : null;
  return match ? match[1]! : null;
}

const OVERSEAS_ZONES: Readonly<Record<string, string>> = {
  "971": "America/Guadeloupe",
  "972": "America/Martinique",
  "973": "America/Cayenne",
  "974": "Indian/Reunion",
  "976": "Indian/Mayotte",
};

export function timeZoneOfDepartment(departmentCode: string): string {
  return OVERSEAS_ZONES[departmentCode] ?? "Europe/Paris";
}

/** "Ville de Poitiers" → "Poitiers", "Commune d'Aix" → "Aix"; a name without such a prefix is kept. */
export function communeNameOf(name: string): string {
  const stripped = name.replace(/^(?:ville|commune|mairie|municipalit[ée])\s+(?:de\s+(?:la\s+)?|du\s+|des\s+|d['’]\s*)/i, "").trim();
  return stripped === "" ? name : stripped;
}

/** "Le Plessis-Trévise" → "le-plessis-trevise". */
export function slugOf(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100)
    .replace(/-+$/, "");
}

/** The largest council of a commune but Paris, Lyon and Marseille (CGCT L2121-2): no count of the file is refused for it. */
export const DEFAULT_MEMBERS_IN_OFFICE = 69;

export type MunicipalityProposal = { ok: true; input: NewMunicipalityInput; defaults: string[] } | { ok: false; reason: string };

/** The municipality an SCDL file's first row describes, with the defaults it needs, said in French. */
export function proposeMunicipality(row: ScdlRow, slug: string | null): MunicipalityProposal {
  const name = row.municipalityName;
  if (!name) return { ok: false, reason: "La première ligne n'a pas de COLL_NOM : la collectivité à créer n'a pas de nom." };
  const departmentCode = departmentOfSiren(row.siret.siren) ?? departmentOfPrefecture(row.act.receipt?.authority ?? null);
  if (!departmentCode) {
    return { ok: false, reason: `Le département de ${name} ne se lit ni dans son SIREN (${row.siret.siren}) ni dans PREF_ID de la première ligne : ajoutez son PREF_ID (PREF013).` };
  }
  const communeName = communeNameOf(name);
  const members = row.act.sitting.membersInOffice;
  const timeZone = timeZoneOfDepartment(departmentCode);
  const input: NewMunicipalityInput = {
    slug: slug ?? slugOf(communeName),
    name,
    communeName,
    siren: row.siret.siren,
    siret: row.siret.siret,
    departmentCode,
    address: "Adresse à compléter",
    email: "",
    phone: "",
    website: "",
    administrativeCourt: "Tribunal administratif à compléter",
    membersInOffice: String(members ?? DEFAULT_MEMBERS_IN_OFFICE),
    appealNotice:
      "La présente délibération peut faire l'objet d'un recours pour excès de pouvoir devant le tribunal administratif dans un délai de deux mois à compter de sa publication.",
    annexNotice: "",
    population: "",
    timeZone,
  };
  const defaults = [
    `nom « ${name} » et SIRET ${row.siret.siret} : ceux de la première ligne (ligne ${row.act.source.line})`,
    `nom de la commune « ${communeName} »`,
    `département ${departmentCode} (lu dans ${departmentOfSiren(row.siret.siren) ? "le SIREN" : "PREF_ID"}), fuseau horaire ${timeZone}`,
    members
      ? `${members} membres en exercice (VOTE_EFFECTIF de la première ligne)`
      : `${DEFAULT_MEMBERS_IN_OFFICE} membres en exercice (le plus grand conseil municipal hors Paris, Lyon et Marseille, faute de VOTE_EFFECTIF)`,
    "adresse, tribunal administratif et mention des voies de recours génériques, population inconnue : à compléter dans les réglages de la collectivité (/admin/collectivite)",
  ];
  return { ok: true, input, defaults };
}
