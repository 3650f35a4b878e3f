import { foldText, isCivilityWord } from "@/lib/domain/name-matching";

// Reading names in running text: "Monsieur Pierre-Paul CALENDINI", "MARTY
// Josiane", "J.-P. LAURENT", "Mmes et MM. Claire HUGUES", "M. le Maire". A
// name is a run of capitalised words (particles such as "de", "van" or "dit"
// inside it), after its civilities; a lower-case word, a role ("Maire",
// "Adjoint"), a label ("Pouvoirs") or punctuation ends it.

export type Token = {
  kind: "word" | "number" | "punct" | "newline";
  text: string;
  /** Lower case, no accents, final dot dropped: what the lexicons compare. */
  folded: string;
  start: number;
  end: number;
};

const TOKEN = /(\n)|(\p{L}(?:[\p{L}'’]|[.\-–]+(?=\p{L}))*\.?)|(\d+(?:[.,/:h-]\d+)*(?:er|e|ème|eme)?)|([^\s\p{L}\d])/gu;

/** The words, figures and marks of a text, with where each stands. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  for (let match = TOKEN.exec(text); match && match.index < to; match = TOKEN.exec(text)) {
    const [whole, newline, word, number] = match;
    const start = match.index;
    if (newline) tokens.push({ kind: "newline", text: "\n", folded: "\n", start, end: start + 1 });
    else if (word) {
      // A final dot belongs to an abbreviation or an initial ("M.", "Mme.", "J.-P."), not to a word ending a sentence ("BELZ.").
      const lastRun = /(\p{L}+)\.$/u.exec(word);
      const keepsDot = !lastRun || (lastRun[1] as string).length <= 3;
      const text = keepsDot ? word : word.slice(0, -1);
      tokens.push({ kind: "word", text, folded: foldText(text).replace(/\.$/, ""), start, end: start + text.length });
      if (!keepsDot) tokens.push({ kind: "punct", text: ".", folded: ".", start: start + text.length, end: start + word.length });
    } else if (number) tokens.push({ kind: "number", text: number, folded: number, start, end: start + number.length });
    else tokens.push({ kind: "punct", text: whole, folded: whole, start, end: start + whole.length });
  }
  return tokens;
}

/** Roles and functions printed next to a name: "Maire", "Maires Adjoints", "Conseillère Municipale Déléguée", "doyen d'âge". */
const ROLE_WORDS = new Set([
  "maire", "maires", "maire-adjoint", "maire-adjointe", "maires-adjoints", "adjoint", "adjointe", "adjoints", "adjointes", "conseiller", "conseillere",
  "conseillers", "conseilleres", "municipal", "municipale", "municipaux", "municipales", "delegue", "deleguee", "delegues", "deleguees", "president",
  "presidente", "doyen", "doyenne", "secretaire", "rapporteur", "rapporteure", "vice-president", "vice-presidente", "premier", "premiere", "1er",
  "1ere", "elu", "elue", "elus", "elues", "administratif", "administrative",
]);

/** Words that are never names, in any case: labels and tallies ("POUVOIRS", "VOTE", "NEANT"). */
const NEVER_NAMES = new Set([
  "et", "ou", "a", "au", "aux", "pour", "contre", "neant", "aucun", "aucune", "objet", "vote", "votes", "abstention", "abstentions", "presents", "present",
  "presente", "presentes", "absents", "absent", "absente", "absentes", "excuses", "excuse", "excusee", "excusees", "representes", "represente",
  "representee", "representees", "pouvoir", "pouvoirs", "procuration", "procurations", "date", "nombre", "nbre", "membres", "seance", "quorum",
  "votants", "suffrages", "exprimes", "effectif", "etaient", "etait", "secretariat", "convocation", "affichage", "unanimite", "majorite", "adopte",
  "adoptee", "approuve", "approuvee", "rejete", "rejetee", "deliberation", "deliberations", "nomenclature", "rapport", "extrait", "registre",
]);

/** Capitalised words that are no names when written in lower case after their capital: the start of sentences, institutions ("Le", "Conseil"). */
const NOT_NAMES = new Set([
  "le", "la", "les", "l", "un", "une", "il", "elle", "ils", "elles", "ce", "cette", "de", "des", "du", "en", "par", "conseil", "commune", "mairie",
  "ville", "communaute", "syndicat", "departement", "prefecture", "etat", "republique", "session", "ordre", "jour", "sont", "est", "apres", "vu",
  "considerant", "approbation", "question", "point", "compte", "rendu", "proces-verbal", "proces", "verbal", "lecture", "assistaient", "assistait",
  "public", "auditeurs", "page", "annexe", "sous", "sur", "dans", "avec", "sans", "ont", "ayant", "qui", "titulaire", "titulaires", "suppleant",
  "suppleants", "ordinaire", "extraordinaire", "publique", "monsieur", "madame", "mesdames", "messieurs", "mmes", "mm",
]);

/** Lower-case particles that sit inside a name: "Marine de la Tour", "Jan van Dijk", "LOUIS dit GUERIN". */
const PARTICLES = new Set(["de", "du", "des", "d", "van", "von", "der", "den", "di", "da", "dit", "del", "della", "la", "le", "les", "y", "ben", "bin", "el", "al", "ter", "ten", "zu", "dos", "das", "e"]);

export function isRoleWord(token: Token | undefined): boolean {
  return token?.kind === "word" && (ROLE_WORDS.has(token.folded) || /^(?:\d+(?:er|e|eme|ere)|adjoint\p{L}*|conseill\p{L}*)$/u.test(token.folded));
}

function startsUpper(text: string): boolean {
  return /^(?:\p{Lu}|[dl][’']\p{Lu})/u.test(text);
}

/** A word that may be part of a name: capitalised, not a civility, a role, a label or a lone letter without its dot. */
export function isNameWord(token: Token | undefined): boolean {
  if (token?.kind !== "word" || !startsUpper(token.text)) return false;
  if (isCivilityWord(token.text) || isRoleWord(token)) return false;
  if (NEVER_NAMES.has(token.folded)) return false;
  // An upper-case particle ("LE ROUX", "DI MEO") is part of the name; the sentence's "Le" is not.
  if (NOT_NAMES.has(token.folded) && token.text !== token.text.toUpperCase()) return false;
  return token.text.replace(/[^\p{L}]/gu, "").length > 1 || token.text.endsWith(".");
}

function isParticle(token: Token | undefined): boolean {
  return token?.kind === "word" && PARTICLES.has(token.folded) && !token.text.endsWith(".");
}

export type ScannedName = {
  /** The name as written, its civilities aside, spaces made single. */
  name: string;
  /** The civilities written before it, as written ("Monsieur", "Mmes et MM."). */
  civility: string;
  /** "le Maire": the mayor, named by office. */
  mayor: boolean;
  /** Where the name (or its civility) begins and ends in the text. */
  start: number;
  end: number;
  /** The index of the first token after it. */
  next: number;
};

/** Whether the dash at `index` stands between two spaces and two parts of a surname ("SICARD - DESNUELLE"): inside a name in a list separated by commas. */
function spacedDash(text: string, tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const upper = (word: Token | undefined) => word?.kind === "word" && word.text.length > 1 && word.text === word.text.toUpperCase();
  return (
    token?.kind === "punct" && /^[-–]$/.test(token.text) && /\s/.test(text.charAt(token.start - 1)) && /\s/.test(text.charAt(token.end)) && upper(tokens[index - 1]) && upper(tokens[index + 1])
  );
}

/**
 * Reads a name starting at token `index`: civilities ("Madame", "Mmes et
 * MM.", "le Docteur"), then the name's words.
 */
export type ReadNameOptions = {
  /** A dash between spaces may join two parts of a surname (in a list separated by commas). */
  spacedDashes?: boolean;
  /** A name may go on over a line break (a list separated by commas, running text). */
  wraps?: boolean;
};

export function readName(text: string, tokens: readonly Token[], index: number, options: ReadNameOptions = {}): ScannedName | null {
  let at = index;
  const civilityStart = tokens[at]?.start ?? 0;
  let civilityEnd = civilityStart;
  for (;;) {
    const token = tokens[at];
    const afterDot = tokens[at + 1]?.text === "." ? at + 2 : at + 1;
    if (token?.kind === "word" && isCivilityWord(token.text) && !(token.folded === "m" && !isNameWord(tokens[afterDot]) && !isArticle(tokens[afterDot]))) {
      civilityEnd = tokens[afterDot - 1]?.end ?? token.end;
      at = afterDot;
      const link = tokens[at];
      if (link?.kind === "word" && (link.folded === "et" || link.text === "&") && tokens[at + 1]?.kind === "word" && isCivilityWord(tokens[at + 1]?.text ?? "")) at += 1;
      continue;
    }
    // "le Docteur", "la Présidente": an article before a title.
    if (isArticle(token) && tokens[at + 1]?.kind === "word" && isCivilityWord(tokens[at + 1]?.text ?? "") && tokens[at + 1]?.folded !== "m") {
      at += 1;
      continue;
    }
    break;
  }
  const civility = text.slice(civilityStart, civilityEnd).replace(/\s+/g, " ").trim();
  if (isArticle(tokens[at]) && tokens[at + 1]?.folded === "maire") {
    const end = tokens[at + 1]?.end as number;
    return { name: text.slice(tokens[at]?.start, end), civility, mayor: true, start: civilityStart, end, next: at + 2 };
  }
  if (!isNameWord(tokens[at])) return null;
  const first = at;
  let last = at;
  at += 1;
  for (;;) {
    if (isNameWord(tokens[at])) last = at;
    else if (isParticle(tokens[at]) && (isNameWord(tokens[at + 1]) || (isParticle(tokens[at + 1]) && isNameWord(tokens[at + 2])))) last = at;
    else if (options.spacedDashes && spacedDash(text, tokens, at) && isNameWord(tokens[at + 1])) last = at;
    else if (options.wraps && tokens[at]?.kind === "newline" && isNameWord(tokens[at + 1])) last = at;
    else break;
    at += 1;
  }
  const start = (tokens[first] as Token).start;
  const end = (tokens[last] as Token).end;
  return { name: text.slice(start, end).replace(/\s+/g, " "), civility, mayor: false, start: civility ? civilityStart : start, end, next: last + 1 };
}

function isArticle(token: Token | undefined): boolean {
  return token?.kind === "word" && (token.folded === "le" || token.folded === "la");
}

/** The name read at the first token at or after character `position`. */
export function nameAt(text: string, position: number): ScannedName | null {
  const tokens = tokenize(text, position, Math.min(text.length, position + 300));
  return readName(text, tokens, 0, { wraps: true });
}

/** The name that ends right before character `position` ("… Madame Jocelyne LAMBARD est désignée"): its civilities with it. */
export function nameBefore(text: string, position: number): ScannedName | null {
  const from = Math.max(0, position - 300);
  const tokens = tokenize(text, from, position);
  // The longest name ending on the last token: try each start, nearest first, keep the furthest back that still reads.
  let best: ScannedName | null = null;
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    const token = tokens[index] as Token;
    if ((token.kind === "newline" && !isNameWord(tokens[index - 1])) || (token.kind === "punct" && token.text !== "." && token.text !== "'")) break;
    const found = readName(text, tokens, index, { wraps: true });
    if (found && found.next === tokens.length) best = found;
    else if (best && !isCivilityWord(token.text) && !isArticle(token) && !(token.text === "." && isCivilityWord(tokens[index - 1]?.text ?? ""))) break;
  }
  return best;
}
