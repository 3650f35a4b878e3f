import { NOMENCLATURE, parseMatterCode, type MatterFamily } from "@/lib/domain/nomenclature";
import type { ValueParse } from "./values";

// DELIB_MATIERE_CODE and DELIB_MATIERE_NOM, as real files write them. The
// code decides ("7.10", levels 3 to 5 accepted: "7.10.2"); the name is read
// against the ACTES nomenclature (lib/domain/nomenclature.ts) ignoring case,
// accents and punctuation, as Validata does for its level 1: the schema's
// "finances locales/divers", the ACTES platforms' "Finances locales/Divers",
// "Prise de participation (SEM, etc...)", or a shortened label
// ("Finances locales/Interventions economiques"). A name that designates
// another matter than the code is refused (a spreadsheet that turned 7.10
// into 7.1 is caught that way); a name the nomenclature does not know is a
// local theme, which the schema allows, and the code alone decides. Without
// a code, a name that designates one level-2 matter gives its code; a local
// theme gives none (an archived act may have no matter code).

/** "Domaines de compétences par thèmes" → "domaines de competences par themes": the words, without case, accents or punctuation. */
export function matterWords(label: string): string {
  return label
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("fr-FR")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Whether one label's words begin the other's (a shortened label, or a longer wording of the same matter). */
function sameOrShortened(written: string, known: string): boolean {
  return written === known || known.startsWith(`${written} `) || written.startsWith(`${known} `);
}

type NamedMatter = { family: MatterFamily | null; level2Code: string | null };

/**
 * The family a name starts with, and the words after its label. With a "/",
 * the level 1 is what comes before it; without, the labels may simply follow
 * each other ("Institutions et vie politique Election executif Fixation du
 * nombre des adjoints", Tours Métropole's files).
 */
function splitFamily(name: string): { family: MatterFamily | null; rest: string } {
  const slash = name.indexOf("/");
  if (slash >= 0) {
    const level1 = matterWords(name.slice(0, slash));
    return { family: FAMILY_WORDS.find((known) => known.words === level1)?.family ?? null, rest: matterWords(name.slice(slash + 1)) };
  }
  const words = matterWords(name);
  for (const known of FAMILY_WORDS) {
    if (words === known.words || words.startsWith(`${known.words} `)) return { family: known.family, rest: words.slice(known.words.length).trim() };
  }
  return { family: null, rest: "" };
}

/** The nomenclature's labels as words, computed once. */
const FAMILY_WORDS = NOMENCLATURE.map((family) => ({
  family,
  words: matterWords(family.label),
  matters: family.matters.map((matter) => ({ code: matter.code, words: matterWords(matter.label) })),
}));

/** What a DELIB_MATIERE_NOM designates in the nomenclature: its family and, when it names one unambiguously, its level-2 matter. */
export function matterOfName(name: string): NamedMatter {
  const { family, rest: level2 } = splitFamily(name);
  if (!family || level2 === "") return { family, level2Code: null };
  const matters = FAMILY_WORDS.find((known) => known.family === family)!.matters;
  const exact = matters.filter((matter) => matter.words === level2);
  const candidates = exact.length > 0 ? exact : matters.filter((matter) => sameOrShortened(level2, matter.words));
  return { family, level2Code: candidates.length === 1 ? candidates[0]!.code : null };
}

// A file repeats a few dozen (code, name) pairs over its rows: each is read once.
const readMatters = new Map<string, ValueParse<string | null>>();
const MAX_REMEMBERED = 10_000;

/** The act's ACTES matter code from the row's code and name; null when the file gives neither, or only a local theme. */
export function parseMatter(codeRaw: string, nameRaw: string): ValueParse<string | null> {
  const key = `${codeRaw}\u0000${nameRaw}`;
  const known = readMatters.get(key);
  if (known) return known;
  const parsed = readMatter(codeRaw, nameRaw);
  if (readMatters.size < MAX_REMEMBERED) readMatters.set(key, parsed);
  return parsed;
}

function readMatter(codeRaw: string, nameRaw: string): ValueParse<string | null> {
  // A French spreadsheet may write 7.10 as "7,10".
  const code = codeRaw.trim().replace(/^(\d{1,2}),(\d{1,2})$/, "$1.$2");
  const name = nameRaw.trim();
  const named = name === "" ? null : matterOfName(name);
  if (code === "") {
    if (!named?.family) return { ok: true, value: null };
    if (named.level2Code) return { ok: true, value: named.level2Code };
    return {
      ok: false,
      reason: `Le nom de matière « ${name} » désigne la matière ${named.family.code} ${named.family.label} sans préciser sa sous-matière : donnez DELIB_MATIERE_CODE (par exemple ${named.family.code}.1).`,
    };
  }
  const parsed = parseMatterCode(code);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  if (named?.family && named.family.code !== parsed.level1.code) {
    return {
      ok: false,
      reason: `Le code ${parsed.code} est de la matière ${parsed.level1.code} ${parsed.level1.label}, mais le nom « ${name} » désigne la matière ${named.family.code} ${named.family.label}.`,
    };
  }
  if (named?.level2Code && named.level2Code !== parsed.level2.code) {
    return {
      ok: false,
      reason: `Le code ${parsed.code} est la sous-matière ${parsed.level2.code} ${parsed.level2.label}, mais le nom « ${name} » désigne la ${named.level2Code} : le tableur a-t-il changé le code (7.10 devenu 7.1) ?`,
    };
  }
  return { ok: true, value: parsed.code };
}
