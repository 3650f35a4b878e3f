import { isCivilityWord } from "@/lib/domain/name-matching";
import { isNameWord, isRoleWord, nameAt, nameBefore, readName, tokenize, type ReadNameOptions, type ScannedName, type Token } from "./text-scan";

// The lists of a sitting's attendance, as minutes print them: a label
// ("Etaient présents :", "Absents excusés :", "Pouvoirs :", "Excusés avec
// pouvoir donné conformément aux dispositions de l'article L 2121-20…:") and
// the names it lists, separated by commas, dashes, bullets or "et", each name
// possibly followed by its role ("Maire"), a note ("(arrivée au point 2)") or
// its proxy ("donne pouvoir à …", "représenté par …", "à …" in a list of
// proxies). Sentences elsewhere in the header ("Madame X a donné pouvoir à
// Madame Y") are read too.

export type AttendanceKind = "present" | "proxy" | "excused" | "absent";

/** A label and the extent of its list, in characters of the text. */
export type Section = { kind: AttendanceKind; label: string; start: number; contentStart: number; contentEnd: number };

export type ListedName = {
  name: string;
  /** The civility written before this name, as written ("Madame", "MM."), "" when none. */
  civility: string;
  mayor: boolean;
  role: string | null;
  notes: string[];
  /** Where the name stands in the text. */
  start: number;
};

export type FoundProxy = { giver: ListedName; holder: ListedName; start: number };

export type SectionContent = { names: ListedName[]; proxies: FoundProxy[]; end: number; leftover: string | null };

const GENDER = String.raw`(?:\((?:e|s|es|e\)s|s\/es|e\/s|s\/e\/es|es\/s)\)|-e-s|-es|-e|\.e\.s|\.es|e|s)*`;
const NOUN = String.raw`(?:pouvoir|procuration|mandat|delegation)s?`;

/** Labels, folded, from the longest forms; the list of proxies first, since its labels also say "excusés" or "absents". */
const LABELS: { kind: AttendanceKind; pattern: string; distinctive: boolean }[] = [
  { kind: "proxy", distinctive: true, pattern: String.raw`(?:absent${GENDER}\s+)?(?:et\s+)?(?:excuse${GENDER}\s+)?(?:avec|ayant\s+donne|qui\s+ont\s+donne|donnant)\s+(?:un\s+)?${NOUN}` },
  { kind: "proxy", distinctive: true, pattern: String.raw`(?:absent${GENDER}\s+|membres?\s+|conseillers?\s+)(?:et\s+)?(?:excuse${GENDER}\s+)?represente${GENDER}` },
  { kind: "proxy", distinctive: false, pattern: String.raw`(?:excuse${GENDER}\s+)?represente${GENDER}` },
  { kind: "proxy", distinctive: false, pattern: String.raw`${NOUN}(?:\s+de\s+vote)?(?:\s+donne${GENDER})?` },
  { kind: "absent", distinctive: true, pattern: String.raw`absent${GENDER}\s+non\s+represente${GENDER}` },
  { kind: "excused", distinctive: true, pattern: String.raw`(?:etai(?:en)?t\s+|sont\s+)(?:absent${GENDER}\s+)?(?:et\s+)?excuse${GENDER}(?:\s+sans\s+${NOUN})?` },
  { kind: "excused", distinctive: true, pattern: String.raw`absent${GENDER}\s+(?:et\s+)?excuse${GENDER}(?:\s+sans\s+${NOUN})?` },
  { kind: "excused", distinctive: false, pattern: String.raw`excuse${GENDER}(?:\s+sans\s+${NOUN})?` },
  { kind: "absent", distinctive: true, pattern: String.raw`(?:etai(?:en)?t\s+|sont\s+)absent${GENDER}(?:\s+non\s+excuse${GENDER})?` },
  { kind: "absent", distinctive: false, pattern: String.raw`absent${GENDER}(?:\s+non\s+excuse${GENDER})?` },
  { kind: "present", distinctive: true, pattern: String.raw`(?:nombre\s+de\s+)?(?:etai(?:en)?t\s+|sont\s+|membres?\s+|conseillers?\s+(?:municipaux\s+)?|elu${GENDER}\s+)present${GENDER}` },
  { kind: "present", distinctive: false, pattern: String.raw`present${GENDER}` },
];

/** Words a label may carry before its colon: "Excusés avec pouvoir donné conformément aux dispositions de l'article L 2121-20 du CGCT :". */
const LABEL_TAIL_WORDS = new Set(
  "avec sans pouvoir pouvoirs procuration procurations donne donnes donnee donnees ayant qui ont conformement aux au dispositions de du des la le les l article articles code general collectivites territoriales cgct c g t mesdames messieurs et conseillers conseilleres municipaux municipales membres en application a vote s e es seance".split(
    " ",
  ),
);

/** Labels that end a list without being one: the secretary, the counts, the agenda. */
const STOP_LABEL = new RegExp(
  String.raw`^(?:secretaire|secretariat|president${GENDER}\s+de\s+seance|presidence|date\s+de\s+(?:la\s+)?convocation|date\s+d'affichage|convocation|nombre\s+de|nbre\s+de|conseillers\s+en\s+exercice|membres\s+en\s+exercice|en\s+exercice|quorum|votants|ordre\s+du\s+jour|effectif|assistai(?:en)?t|auditeurs|majorite\s+absolue|objet|approbation|adoption\s+du|le\s+proces[- ]verbal|la\s+seance|le\s+conseil|monsieur\s+le\s+maire|madame\s+le\s+maire|m\.\s+le\s+maire)\b`,
);

const HEADER_LABEL = new RegExp(
  String.raw`^(?:secretai?r|president|presidence|date\s+(?:de|d')|nombre\s+de|nbre\s+de|effectif|conseillers\s+en\s+exercice|membres\s+en\s+exercice|en\s+exercice|quorum|votants|(?:date\s+de\s+)?convocation|ordre\s+du\s+jour|majorite\s+absolue)`,
);

/** Whether a folded line opens with a label of the header (secretary, president, counts, convocation) rather than a subject. */
export function isHeaderLabel(folded: string): boolean {
  return HEADER_LABEL.test(folded.trimStart()) || new RegExp(`^(?:${LABELS.map(({ pattern }) => pattern).join("|")})\\s*:`).test(folded.trimStart());
}

const LABEL_PATTERN = new RegExp(LABELS.map(({ pattern }) => `(${pattern})`).join("|"), "y");

/** Whether position `at` of the folded text begins a line, a sentence or a bullet: where a label may stand. */
function atListStart(folded: string, at: number): boolean {
  const before = folded.slice(Math.max(0, at - 6), at);
  return at === 0 || /(?:\n|[.;!]|\s[-–]|•|\*|\d[.)])\s*$/.test(before) || /^\s*$/.test(before) && /\n\s*$/.test(folded.slice(0, at));
}

function tailIsLabelWords(tail: string): boolean {
  return tail
    .replace(/[()'’,.-]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => LABEL_TAIL_WORDS.has(word) || /^\d+$/.test(word));
}

/** Every attendance label of the folded text, with where its list begins (after the colon, or after the label when none). */
export function findSections(text: string, folded: string): Section[] {
  const labels: Omit<Section, "contentEnd">[] = [];
  for (let at = 0; at < folded.length; at += 1) {
    if (!/[a-z]/.test(folded.charAt(at)) || /[a-z]/.test(folded.charAt(at - 1))) continue;
    LABEL_PATTERN.lastIndex = at;
    const match = LABEL_PATTERN.exec(folded);
    if (!match || /[a-z(]/.test(folded.charAt(at + match[0].length))) continue;
    const index = match.slice(1).findIndex((group) => group !== undefined);
    const label = LABELS[index] as (typeof LABELS)[number];
    const labelEnd = at + match[0].length;
    // Up to the colon, over the words a label may carry (two lines at most).
    const colon = /^([^:\n]*(?:\n[^:\n]*)?):/.exec(folded.slice(labelEnd, labelEnd + 250));
    const tail = colon && tailIsLabelWords(colon[1] as string) ? colon : null;
    const afterColon = tail ? labelEnd + tail[0].length : null;
    const lineStart = atListStart(folded, at);
    if (afterColon === null && !(lineStart && /^\s*\n/.test(folded.slice(labelEnd, labelEnd + 40)))) continue;
    // Elsewhere in a line, a plain label needs its colon and no lower-case word before it ("VIZIERES Absents :", not "membres du conseil présents :").
    if (!lineStart && !label.distinctive && (afterColon === null || !/(?:\p{Lu}|\s[-–])\s*$/u.test(text.slice(Math.max(0, at - 20), at)))) continue;
    // "… à l'unanimité des membres présents : Le Conseil …": a label after a lower-case word is part of a sentence, but "étaient présents".
    if (!lineStart && !/^(?:etai|sont)/.test(match[0]) && /\s\p{Ll}+\s*$/u.test(text.slice(Math.max(0, at - 20), at))) continue;
    // Nor inside a parenthesis: "(2 + 3 procurations : L. Chapon, …)".
    if (/\([^)\n]*$/.test(folded.slice(Math.max(0, at - 120), at))) continue;
    let contentStart = afterColon ?? labelEnd;
    // "Présents : 29 - Votants : 33" is a count; "présents : 10 : ARNAL René, …" a count and then the list.
    const count = /^\s*\d+\s*(?:\/\s*\d+\s*)?(:?)/.exec(folded.slice(contentStart, contentStart + 12));
    if (count) {
      if (!count[1]) {
        at = labelEnd;
        continue;
      }
      contentStart += count[0].length;
    }
    // "Mesdames et Messieurs les Conseillers Municipaux :" on its own line continues the label.
    const subLabel = /^\s*([^\n:]{3,80}):[ \t]*(?=\n)/.exec(folded.slice(contentStart, contentStart + 100));
    if (subLabel && tailIsLabelWords(subLabel[1] as string)) contentStart += subLabel[0].length;
    labels.push({ kind: label.kind, label: text.slice(at, labelEnd).replace(/\s+/g, " "), start: at, contentStart });
    at = contentStart - 1;
  }
  return labels.map((label, index) => {
    const next = labels[index + 1]?.start ?? folded.length;
    return { ...label, contentEnd: listEnd(folded, label.contentStart, next) };
  });
}

/** Where a list stops: the next label, a blank line once it began, or a line that opens with a label of another kind. */
function listEnd(folded: string, from: number, limit: number): number {
  let last: string | null = null;
  let blankAt: number | null = null;
  let lineStart = from;
  while (lineStart < limit) {
    const newline = folded.indexOf("\n", lineStart);
    const lineEnd = newline === -1 || newline > limit ? limit : newline;
    const line = folded.slice(lineStart, lineEnd).replace(/^[\s•*·-]+/, "");
    if (line.trim()) {
      if (last !== null && STOP_LABEL.test(line)) return blankAt ?? lineStart;
      // A blank line ends the list, unless the line before it asked for more ("…à Monsieur DAGORT,").
      if (blankAt !== null && !/(?:[,;]|\bet)\s*$/.test(last ?? "")) return blankAt;
      last = line;
      blankAt = null;
    } else if (last !== null && blankAt === null) {
      blankAt = lineStart;
    }
    lineStart = lineEnd + 1;
  }
  return limit;
}

// ---------------------------------------------------------------------------
// The names of one list.

const PROXY_VERBS = new Set(["donne", "donnant", "remis", "confie", "delegue"]);
const PROXY_NOUNS = new Set(["pouvoir", "pouvoirs", "procuration", "procurations", "mandat", "delegation"]);
const TO = new Set(["a", "au", "pour"]);

function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token?.kind === "word" && words.includes(token.folded);
}

function listed(found: ScannedName, notes: string[] = [], role: string | null = null): ListedName {
  return { name: found.name, civility: found.civility, mayor: found.mayor, role, notes, start: found.start };
}

/** A parenthesis and what it says, "(arrivée au point 2)", from the "(" at `index`. */
function readNote(text: string, tokens: readonly Token[], index: number): { note: string; next: number } | null {
  if (tokens[index]?.text !== "(") return null;
  let depth = 0;
  for (let at = index; at < tokens.length; at += 1) {
    const text_ = (tokens[at] as Token).text;
    if (text_ === "(") depth += 1;
    if (text_ === ")") depth -= 1;
    if (depth === 0) {
      const note = text.slice((tokens[index] as Token).end, (tokens[at] as Token).start).replace(/\s+/g, " ").trim();
      return { note, next: at + 1 };
    }
  }
  return null;
}

/** A role after a name: "Maire", "Maires Adjoints", "Adjointe au Maire", "Maire de SACLAS", "Conseillère Municipale Déléguée". */
function readRole(text: string, tokens: readonly Token[], index: number): { role: string; next: number } | null {
  let at = index;
  // "les Conseillers Municipaux :", a group's heading inside the list: up to its colon.
  if (isWord(tokens[at], "les") && isRoleWord(tokens[at + 1])) {
    const colon = tokens.slice(at, at + 6).findIndex((token) => token.text === ":" || token.text === "," || token.kind === "newline");
    const last = colon === -1 ? at + 1 : at + colon - 1;
    return { role: text.slice((tokens[at] as Token).start, (tokens[last] as Token).end), next: last + 1 };
  }
  while (isWord(tokens[at], "la", "le") && isRoleWord(tokens[at + 1])) at += 1;
  if (!isRoleWord(tokens[at])) return null;
  const start = (tokens[at] as Token).start;
  let last = at;
  at += 1;
  for (;;) {
    if (isRoleWord(tokens[at])) last = at;
    else if (isWord(tokens[at], "au", "aux", "a", "de", "du", "d", "des", "la", "l") && (isRoleWord(tokens[at + 1]) || isNameWord(tokens[at + 1]))) {
      // "Maire de SACLAS": the commune goes with the role.
      last = at + 1;
      at += 1;
    } else if (tokens[at]?.text === "-" && isRoleWord(tokens[at + 1])) last = at;
    else break;
    at += 1;
  }
  return { role: text.slice(start, (tokens[last] as Token).end).replace(/\s+/g, " "), next: last + 1 };
}

const REPRESENTED = ["represente", "representee", "representes", "representees"];

/** After a giver's name: "donne pouvoir à", "a donné procuration à", "représenté par", ": pouvoir à", "(pouvoir à …)", or "à" in a list of proxies. */
function readProxyTail(text: string, tokens: readonly Token[], index: number, inProxyList: boolean, options: ReadNameOptions): { holder: ListedName; next: number } | null {
  // Line breaks inside "donne pouvoir à\nMadame …" are a page's, not the list's.
  const over = (from: number) => {
    let next = from;
    while (tokens[next]?.kind === "newline") next += 1;
    return next;
  };
  let at = index;
  if (tokens[at]?.text === ",") at = over(at + 1);
  const bracket = tokens[at]?.text === "(" ? "(" : tokens[at]?.text === ":" ? ":" : null;
  if (bracket) at = over(at + 1);
  const holderAt = (from: number) => {
    const holder = readName(text, tokens, over(from), options);
    if (!holder) return null;
    let next = holder.next;
    const notes: string[] = [];
    for (let note = readNote(text, tokens, next); note; note = readNote(text, tokens, next)) {
      notes.push(note.note);
      next = note.next;
    }
    if (bracket === "(" && tokens[next]?.text === ")") next += 1;
    return { holder: listed(holder, notes), next };
  };
  const start = at;
  if (isWord(tokens[at], "qui")) at = over(at + 1);
  if (isWord(tokens[at], "a", "avait", "ayant", "est") && (isWord(tokens[over(at + 1)], ...PROXY_VERBS) || isWord(tokens[over(at + 1)], ...REPRESENTED))) at = over(at + 1);
  let proxy = false;
  if (isWord(tokens[at], ...PROXY_VERBS)) {
    at = over(at + 1);
    if (isWord(tokens[at], "un", "une", "son", "sa", "ses")) at = over(at + 1);
    if (!isWord(tokens[at], ...PROXY_NOUNS)) return null;
    at = over(at + 1);
    proxy = true;
  } else if (isWord(tokens[at], ...PROXY_NOUNS)) {
    at = over(at + 1);
    proxy = true;
  } else if (isWord(tokens[at], ...REPRESENTED) && isWord(tokens[over(at + 1)], "par")) {
    return holderAt(over(at + 1) + 1);
  } else {
    at = start;
  }
  if (proxy) {
    if (isWord(tokens[at], "de") && isWord(tokens[at + 1], "vote")) at = over(at + 2);
    return isWord(tokens[at], ...TO) ? holderAt(at + 1) : null;
  }
  if (bracket || !inProxyList) return null;
  if (isWord(tokens[at], ...TO)) return holderAt(at + 1);
  const arrow = `${tokens[at]?.text ?? ""}${tokens[at + 1]?.text ?? ""}`;
  if (tokens[at]?.text === "→" || tokens[at]?.text === ">") return holderAt(at + 1);
  if (arrow === "->" || arrow === "=>") return holderAt(at + 2);
  return null;
}

const SEPARATORS = new Set([",", ";", ":", "•", "·", "*", "-", "–", "—", "/", ".", "\n", "▪", "◦", "»", "«"]);

function isSeparator(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.kind === "newline" || (token.kind === "punct" && SEPARATORS.has(token.text))) return true;
  return token.kind === "word" && (token.folded === "et" || token.text === "&");
}

/**
 * The names of one list (a section's content), its proxies, and where the
 * list really stopped: a name followed by a verb ("Madame COUCHOT est élue
 * secrétaire") is a sentence's subject, not one of the list.
 */
export function readList(text: string, from: number, to: number, kind: AttendanceKind): SectionContent {
  const tokens = tokenize(text, from, to);
  const outsideNotes = text.slice(from, to).replace(/\([^)]*\)/g, "");
  // Commas separate the names: a dash between spaces and a line break may then fall inside one ("SICARD - DESNUELLE", "Sarah\nHERRIBERRY").
  const commas = /[,;]/.test(outsideNotes);
  const options = { spacedDashes: commas, wraps: commas };
  const names: ListedName[] = [];
  const proxies: FoundProxy[] = [];
  let at = 0;
  let end = to;
  let leftover: string | null = null;
  const last = () => names.at(-1) ?? proxies.at(-1)?.giver;
  while (at < tokens.length) {
    const token = tokens[at] as Token;
    // Numbering "1." "12)" and separators.
    if (isSeparator(token) || (token.kind === "number" && /^[.)]$/.test(tokens[at + 1]?.text ?? "")) || token.kind === "number") {
      at += token.kind === "number" && /^[.)]$/.test(tokens[at + 1]?.text ?? "") ? 2 : 1;
      continue;
    }
    if (token.text === ")") {
      at += 1;
      continue;
    }
    const note = readNote(text, tokens, at);
    if (note) {
      last()?.notes.push(note.note);
      at = note.next;
      continue;
    }
    // "pouvoir de X à Y", "de X à Y" in a list of proxies.
    let proxyLead = false;
    if (isWord(token, ...PROXY_NOUNS) && isWord(tokens[at + 1], "de", "du")) {
      at += 2;
      proxyLead = true;
    } else if (kind === "proxy" && isWord(token, "de", "du") && readName(text, tokens, at + 1, options)) {
      at += 1;
      proxyLead = true;
    }
    const found = readName(text, tokens, at, options);
    if (!found) {
      const role = readRole(text, tokens, at);
      const previous = last();
      if (role) {
        if (previous && !previous.role) previous.role = role.role;
        at = role.next;
        continue;
      }
      if (isWord(token, "neant", "aucun", "aucune", "nul", "nulle") || (token.kind === "word" && isCivilityWord(token.text))) {
        at += 1;
        continue;
      }
      end = token.start;
      leftover = text.slice(token.start, to).replace(/\s+/g, " ").trim() || null;
      break;
    }
    at = found.next;
    const notes: string[] = [];
    let role: string | null = null;
    for (;;) {
      const note = readNote(text, tokens, at);
      const readRole_ = note ? null : readRole(text, tokens, at);
      if (note) {
        notes.push(note.note);
        at = note.next;
      } else if (readRole_ && !role) {
        role = readRole_.role;
        at = readRole_.next;
      } else break;
    }
    const giver = listed(found, notes, role);
    const proxy = readProxyTail(text, tokens, at, kind === "proxy" || proxyLead, options);
    if (proxy) {
      proxies.push({ giver, holder: proxy.holder, start: found.start });
      at = proxy.next;
      continue;
    }
    const next = tokens[at];
    if (next && !isSeparator(next) && next.text !== "(" && next.text !== ")" && !readName(text, tokens, at)) {
      // A verb after the name: the list ended before it ("Madame COUCHOT est élue secrétaire").
      if (next.kind === "word" && /^\p{Ll}/u.test(next.text)) {
        end = found.start;
        leftover = null;
        break;
      }
      names.push(giver);
      end = next.start;
      leftover = null;
      break;
    }
    names.push(giver);
  }
  return { names, proxies, end, leftover };
}

// ---------------------------------------------------------------------------
// Sentences of the header: proxies, arrivals and departures said outside the lists.

const PROXY_SENTENCE = /\b(?:(?:qui\s+)?(?:a|avait|ayant)\s+)?(?:donne|donnant|remis|confie)\s+(?:un\s+|son\s+|sa\s+)?(?:pouvoir|procuration|mandat|delegation)(?:\s+de\s+vote)?\s+(?:a|au|pour)\s+|\b(?:est\s+)?representee?s?\s+par\s+/g;

/** "Madame MASCIONI a donné pouvoir à Madame BORONIEC", wherever the folded zone says it. */
export function findProxySentences(text: string, folded: string, from: number, to: number): FoundProxy[] {
  const found: FoundProxy[] = [];
  const pattern = new RegExp(PROXY_SENTENCE.source, "g");
  pattern.lastIndex = from;
  for (let match = pattern.exec(folded); match && match.index < to; match = pattern.exec(folded)) {
    const giver = nameBefore(text, match.index);
    const holder = nameAt(text, match.index + match[0].length);
    if (giver && holder) found.push({ giver: listed(giver), holder: listed(holder), start: giver.start });
  }
  return found;
}

export type Movement = { name: string; civility: string; note: string; start: number };

const ARRIVAL_SENTENCE = /\b(?:est\s+)?arrivee?s?\b|\brejoint\s+la\s+seance\b|\bentre\s+en\s+seance\b/g;
const DEPARTURE_SENTENCE = /\bquitte\s+(?:la\s+seance|la\s+salle|l'assemblee)|\bse\s+retire\b|\bsort\s+de\s+la\s+salle\b/g;
const ARRIVAL_OF = /\barrivee\s+de\s+/g;
const DEPARTURE_OF = /\bdepart\s+de\s+/g;

function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf(".", at - 1), text.lastIndexOf("\n", at - 1)) + 1;
  const stops = [text.indexOf(".", at), text.indexOf("\n", at)].filter((index) => index !== -1);
  const end = stops.length ? Math.min(...stops) : text.length;
  return text.slice(start, end).replace(/\s+/g, " ").trim();
}

/** Arrivals or departures told in sentences: "Mme MARTEL est arrivée lors du 2ème point", "arrivée de M. X à 21h", "M. Y quitte la séance". */
export function findMovements(text: string, folded: string, from: number, to: number, what: "arrival" | "departure"): Movement[] {
  const movements: Movement[] = [];
  const [subject, object] = what === "arrival" ? [ARRIVAL_SENTENCE, ARRIVAL_OF] : [DEPARTURE_SENTENCE, DEPARTURE_OF];
  for (const [pattern, read] of [
    [subject, (index: number) => nameBefore(text, index)],
    [object, (index: number, length: number) => nameAt(text, index + length)],
  ] as const) {
    const regex = new RegExp(pattern.source, "g");
    regex.lastIndex = from;
    for (let match = regex.exec(folded); match && match.index < to; match = regex.exec(folded)) {
      const found = read(match.index, match[0].length);
      if (found && !found.mayor) movements.push({ name: found.name, civility: found.civility, note: sentenceAround(text, match.index), start: found.start });
    }
  }
  return movements.sort((a, b) => a.start - b.start);
}
