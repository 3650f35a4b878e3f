// The SCDL « Délibérations » 2.1.5 columns, in the schema's order, and their
// French headings in the spreadsheet-friendly file: what the export writes
// (scdl-deliberations.ts) and what the SCDL importer reads back
// (lib/import/scdl). No I/O here, so that both can share it.

/** The SCDL columns' headings in the spreadsheet-friendly file, in the same order. */
export const SPREADSHEET_HEADINGS = [
  "Collectivité",
  "SIRET",
  "Numéro",
  "Date",
  "Code matière",
  "Matière",
  "Objet",
  "Année budgétaire",
  "Budget",
  "Préfecture",
  "Date de réception en préfecture",
  "Membres en exercice",
  "Votants",
  "Pour",
  "Contre",
  "Abstentions",
  "Adresse de l'acte",
] as const;

export const SCDL_COLUMNS = [
  "COLL_NOM",
  "COLL_SIRET",
  "DELIB_ID",
  "DELIB_DATE",
  "DELIB_MATIERE_CODE",
  "DELIB_MATIERE_NOM",
  "DELIB_OBJET",
  "BUDGET_ANNEE",
  "BUDGET_NOM",
  "PREF_ID",
  "PREF_DATE",
  "VOTE_EFFECTIF",
  "VOTE_REEL",
  "VOTE_POUR",
  "VOTE_CONTRE",
  "VOTE_ABSTENTION",
  "DELIB_URL",
] as const;

export type ScdlColumn = (typeof SCDL_COLUMNS)[number];
