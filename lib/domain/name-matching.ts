import { isInOffice } from "./mandate";
import type { Civility, CouncillorRole } from "./types";

// Names as old minutes write them ("Monsieur Claude DUPONT", "Maître LAURENT",
// "MARTY Josiane", "J.-P. Martin", "Mme le Maire") against the councillors of
// the municipality. A name matches when one councillor alone fits it; when
// several do, or only a near spelling does, the clerk is given the
// candidates and nothing is chosen for them.

/** A councillor as the matcher sees them; mandate days narrow the choice to those in office on the sitting's day. */
export type MatchableCouncillor = {
  id: string;
  firstName: string;
  lastName: string;
  civility?: Civility | null;
  role?: CouncillorRole | null;
  mandateStart?: string | null;
  mandateEnd?: string | null;
};

/**
 * How a written name was matched, from the surest to the loosest:
 * "exact" (first name and surname, in either order), "surname" (the surname
 * alone), "initials" ("J.-P. MARTIN", "Ch. DUPONT", "Jean MARTIN" for
 * Jean-Pierre), "mayor" ("le Maire"), "approximate" (one letter off),
 * "same-surname" (the surname with another first name).
 */
export type NameMatchHow = "exact" | "surname" | "initials" | "mayor" | "approximate" | "same-surname";

/** One councillor found: `councillorId`; several, or a loose fit: no id, the candidates for the clerk to choose from. */
export type NameMatch = { councillorId: string | null; candidateIds: string[]; how: NameMatchHow | null };

/** Civilities and titles a name may carry, by how they read once folded ("mme", "maitre"). */
const MALE = new Set(["monsieur", "m", "mr", "messieurs", "mm", "mrs", "ms"]);
const FEMALE = new Set(["madame", "mme", "mademoiselle", "mlle", "melle", "mle", "mesdames", "mmes", "mesdemoiselles", "mlles"]);
const PLURAL = new Set(["messieurs", "mm", "ms", "mesdames", "mmes", "mesdemoiselles", "mlles", "mrs"]);
const TITLES = new Set(["maitre", "me", "docteur", "dr", "professeur", "pr"]);

/** Whether a word is a civility or a title ("Mme", "MM.", "Maître", "Dr"), whatever its case and final dot. */
export function isCivilityWord(word: string): boolean {
  const folded = foldText(word).replace(/\.$/, "");
  return MALE.has(folded) || FEMALE.has(folded) || TITLES.has(folded);
}

/** A letter without its accent, lower case: "É" → "e". One character for one, so positions in a folded text are the original's. */
export function foldText(text: string): string {
  let folded = "";
  for (const character of text) {
    const base = character.normalize("NFD").charAt(0).toLowerCase();
    folded += base.length === character.length ? base : character.toLowerCase();
  }
  return folded;
}

export type StrippedName = {
  /** The name as written, without its civility and titles. */
  name: string;
  /** MONSIEUR or MADAME when the civility says so; null for none, "Mmes et MM." or a title alone. */
  civility: Civility | null;
  /** "Messieurs", "Mesdames", "MM.": the civility stands for the names that follow it. */
  plural: boolean;
};

/** "Monsieur le Docteur Jean LEGENDRE" → "Jean LEGENDRE", MONSIEUR. */
export function stripCivility(written: string): StrippedName {
  let rest = written.trim();
  let civility: Civility | null = null;
  let plural = false;
  let mixed = false;
  for (;;) {
    // "le Docteur": an article goes with a title only.
    const word = /^(l[ea]\s+)?(\p{L}+)(?:\.|(?=\s)|$)\s*(?:(?:et|&)\s+)?/iu.exec(rest);
    const folded = word ? foldText(word[2] as string) : "";
    const gender = word?.[1] ? null : MALE.has(folded) ? "MONSIEUR" : FEMALE.has(folded) ? "MADAME" : null;
    if (!word || (!gender && !TITLES.has(folded))) break;
    if (gender) {
      mixed ||= civility !== null && civility !== gender;
      civility = gender;
      plural ||= PLURAL.has(folded);
    }
    rest = rest.slice(word[0].length);
  }
  return { name: rest.trim(), civility: mixed ? null : civility, plural };
}

/** The words of a name, folded and upper case, apostrophes, dots and dashes as spaces: "d'Estienne J.-P." → ["D", "ESTIENNE", "J", "P"]. */
export function nameWords(name: string): string[] {
  return foldText(name)
    .toUpperCase()
    .replace(/[^\p{L}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((word) => word.length > 0);
}

/** One key for the ways of writing one name: "Jean-Pierre  MARTIN" and "JEAN PIERRE Martin" agree; word order counts. */
export function nameKey(name: string): string {
  return nameWords(stripCivility(name).name).join("");
}

/** "le Maire", "Madame la Maire", "M. le Maire": the mayor, not a name. */
export function isMayorReference(written: string): boolean {
  return /^(?:l[ea]\s+)?maire$/.test(foldText(stripCivility(written).name).replace(/\s+/g, " "));
}

const NO_MATCH: NameMatch = { councillorId: null, candidateIds: [], how: null };

type Prepared = { councillor: MatchableCouncillor; first: string[]; last: string[] };

const joined = (words: readonly string[]) => words.join("");

/** The letters distance between two keys, for one-letter slips ("LEBOND" for "LEBLOND"). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Whether abbreviated given names fit a councillor's: "J" or "JEAN" for Jean-Pierre, "JP" or "J P" for Jean-Pierre, "CH" for Christian. */
function givenNamesFit(written: readonly string[], first: readonly string[]): boolean {
  const prefixes = (words: readonly string[]) => words.length <= first.length && words.every((word, index) => (first[index] as string).startsWith(word));
  const letters = written.flatMap((word) => (word.length <= 3 ? word.split("") : [word]));
  return prefixes(written) || prefixes(letters);
}

/** The written words around a surname: the rest before or after it, or null when the surname is not at either end. */
function besidesSurname(words: readonly string[], last: readonly string[]): string[] | null {
  const key = joined(last);
  for (let cut = 1; cut < words.length; cut += 1) {
    if (joined(words.slice(cut)) === key) return words.slice(0, cut);
    if (joined(words.slice(0, words.length - cut)) === key) return words.slice(words.length - cut);
  }
  return null;
}

function containsSurname(words: readonly string[], last: readonly string[]): boolean {
  for (let start = 0; start + last.length <= words.length; start += 1) {
    if (joined(words.slice(start, start + last.length)) === joined(last)) return true;
  }
  return false;
}

type Level = { how: NameMatchHow; fits: (candidate: Prepared) => boolean; sure: boolean };

function levels(words: readonly string[]): Level[] {
  const key = joined(words);
  const near = (other: string) => key.length >= 5 && editDistance(key, other) <= (key.length >= 10 ? 2 : 1);
  return [
    { how: "exact", sure: true, fits: ({ first, last }) => key === joined([...first, ...last]) || key === joined([...last, ...first]) },
    { how: "surname", sure: true, fits: ({ last }) => key === joined(last) },
    {
      how: "initials",
      sure: true,
      fits: ({ first, last }) => {
        const given = besidesSurname(words, last);
        return given !== null && givenNamesFit(given, first);
      },
    },
    { how: "approximate", sure: false, fits: ({ first, last }) => near(joined([...first, ...last])) || near(joined([...last, ...first])) || near(joined(last)) },
    { how: "same-surname", sure: false, fits: ({ last }) => containsSurname(words, last) },
  ];
}

/**
 * Finds who a written name designates among the councillors (those in office
 * on `day` when it is given and they carry their mandate). The civility, when
 * written and known for the councillor, must agree.
 */
export function matchName(written: string, councillors: readonly MatchableCouncillor[], options: { day?: string | null } = {}): NameMatch {
  const { name, civility } = stripCivility(written);
  const { day } = options;
  const inOffice = councillors.filter(
    (councillor) => !day || !councillor.mandateStart || isInOffice({ mandateStart: councillor.mandateStart, mandateEnd: councillor.mandateEnd ?? null }, day),
  );
  const agrees = (councillor: MatchableCouncillor) => !civility || !councillor.civility || councillor.civility === civility;
  const decide = (found: readonly MatchableCouncillor[], how: NameMatchHow, sure: boolean): NameMatch => ({
    councillorId: sure && found.length === 1 ? (found[0] as MatchableCouncillor).id : null,
    candidateIds: found.map((councillor) => councillor.id),
    how,
  });
  if (isMayorReference(written)) {
    const mayors = inOffice.filter((councillor) => councillor.role === "MAYOR" && agrees(councillor));
    return mayors.length ? decide(mayors, "mayor", true) : NO_MATCH;
  }
  const words = nameWords(name);
  const prepare = (pool: readonly MatchableCouncillor[]) =>
    pool.map((councillor) => ({ councillor, first: nameWords(councillor.firstName), last: nameWords(councillor.lastName) }));
  const search = (pool: readonly Prepared[], trusted: boolean): NameMatch | null => {
    for (const level of levels(words)) {
      const found = pool.filter(level.fits).map(({ councillor }) => councillor);
      if (found.length) return decide(found, level.how, level.sure && trusted);
    }
    return null;
  };
  if (!words.length) return NO_MATCH;
  // A civility that fits no one may be the document's slip: the names that fit without it are only offered.
  return search(prepare(inOffice.filter(agrees)), true) ?? (civility ? search(prepare(inOffice), false) : null) ?? NO_MATCH;
}
