// The headings of the register's extract, once, as the reference extract
// (DL.2022-91) prints them: the public page of an act and its signed extract
// both take them from here, so that they never word a block differently.

/** The document's title, before "de la Ville d'…" (the register writes it in capitals, without accents). */
export const REGISTER_TITLE = "EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL";

/** The headings of the attendance lists. */
export const ATTENDANCE_HEADINGS = {
  present: "Etaient Présents :",
  represented: "Excusés avec pouvoir donné conformément aux dispositions de l'article L 2121-20 du Code Général des Collectivités Territoriales :",
  excused: "Excusés sans pouvoir :",
  absent: "Absents :",
} as const;

/** The label before the secretary of the sitting's name. */
export const SECRETARY_LABEL = "Secrétaire";

/** The whole title: "EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL DE LA VILLE D'AIX-EN-PROVENCE". */
export function registerTitle(ofMunicipality: string): string {
  return `${REGISTER_TITLE} ${ofMunicipality.toLocaleUpperCase("fr-FR")}`;
}
