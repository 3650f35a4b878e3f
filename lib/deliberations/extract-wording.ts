import type { SittingKind } from "@/lib/db/prisma";
import { assertNever } from "@/lib/domain/assert-never";
import { formatCouncillorName, formatDateFr, formatTimeFr, isoDay, roleLabel } from "@/lib/domain";
import type { CouncillorRef } from "@/lib/councillors/councillor-ref";

// The fixed wording of the register's extract, built from the record.

const STARTS_WITH_VOWEL_OR_MUTE_H = /^[aeiouyàâäéèêëîïôöùûüœæh]/i;
// Words starting with an aspirated h take no elision ("la Halle").
const ASPIRATED_H = /^(halle|hall|hangar|hameau|haut|hauteur)\b/i;
const FEMININE_PLACE = /^(salle|maison|mairie|médiathèque|bibliothèque|halle|chapelle|cité|villa|bastide|résidence)\b/i;
const MASCULINE_PLACE = /^(centre|palais|théâtre|gymnase|complexe|forum|pavillon|salon|château|conservatoire|musée|cinéma|parc|domaine)\b/i;
const ARTICLE = /^(?:(?:le|la|les)\s|l['’])/i;

function elides(word: string): boolean {
  return STARTS_WITH_VOWEL_OR_MUTE_H.test(word) && !ASPIRATED_H.test(word);
}

/** "dans l'Amphithéâtre de la Verrière, …", "dans la Salle des États", "dans le Centre …". */
export function inPlace(place: string): string {
  const text = place.trim();
  if (ARTICLE.test(text)) return `dans ${text}`;
  if (FEMININE_PLACE.test(text)) return `dans la ${text}`;
  if (MASCULINE_PLACE.test(text)) return `dans le ${text}`;
  if (elides(text)) return `dans l'${text}`;
  return `à ${text}`;
}

/** "d'Aix-en-Provence", "de Marseille", "du Havre", "des Pennes-Mirabeau". */
export function ofName(name: string): string {
  const text = name.trim();
  const article = /^(le|les)\s+(.*)$/i.exec(text);
  if (article?.[1] && article[2]) return `${article[1].toLowerCase() === "le" ? "du" : "des"} ${article[2]}`;
  return elides(text) ? `d'${text}` : `de ${text}`;
}

/** "de la Ville d'Aix-en-Provence" from the municipality's name ("Ville d'Aix-en-Provence"). */
export function ofMunicipality(name: string): string {
  const text = name.trim();
  if (/^(ville|commune|mairie)\b/i.test(text)) return `de la ${text}`;
  return ofName(text);
}

export function sittingKindLabel(kind: SittingKind): string {
  switch (kind) {
    case "ORDINARY":
      return "Ordinaire";
    case "EXTRAORDINARY":
      return "Extraordinaire";
    default:
      return assertNever(kind);
  }
}

/** The role printed after a name: the councillor's own wording first ("1er adjoint"). */
export function councillorRole(councillor: CouncillorRef): string {
  return councillor.roleLabel ?? roleLabel(councillor.role, councillor.civility);
}

export function fullName(councillor: CouncillorRef): string {
  return formatCouncillorName(councillor);
}

/** "Sophie JOISSAINS, Maire" */
export function nameWithRole(councillor: CouncillorRef): string {
  return `${formatCouncillorName(councillor, { withCivility: false })}, ${councillorRole(councillor)}`;
}

/**
 * "Le 7 avril 2022 à 14h00, le Conseil Municipal de la Commune d'Aix-en-Provence s'est réuni en
 * session Ordinaire dans l'Amphithéâtre …, sur la convocation qui lui a été adressée par Madame
 * Sophie JOISSAINS, Maire, le 1er avril 2022, conformément aux articles L 2121-10 et L 2121-12 du
 * Code Général des Collectivités Territoriales."
 */
export function convocationParagraph({
  communeName,
  startsAt,
  kind,
  place,
  convenedBy,
  convocationDate,
  zone,
}: {
  communeName: string;
  zone: string;
  startsAt: Date;
  kind: SittingKind;
  place: string;
  convenedBy: CouncillorRef;
  convocationDate: Date;
}): string {
  return (
    `Le ${formatDateFr(startsAt, zone)} à ${formatTimeFr(startsAt, zone)}, le Conseil Municipal de la Commune ${ofName(communeName)} ` +
    `s'est réuni en session ${sittingKindLabel(kind)} ${inPlace(place)}, ` +
    `sur la convocation qui lui a été adressée par ${fullName(convenedBy)}, ${councillorRole(convenedBy)}, ` +
    `le ${formatDateFr(isoDay(convocationDate))}, conformément aux articles L 2121-10 et L 2121-12 du Code Général des Collectivités Territoriales.`
  );
}
