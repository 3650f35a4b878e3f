import { parseActesId } from "@/lib/domain/actes";
import type { Outcome } from "@/lib/domain/types";
import { DATE, parseDate } from "./french-dates";

// The deliberations of minutes: where each begins (a heading: "Délibération
// n° 2018-03-01 …", "N° 2020/11", a number alone on its line then the
// subject, "Question n° 2 - …", "OBJET : …", else "II – …" or "1) …"), its
// subject and number, and what its text says of the vote ("à l'unanimité",
// "Pour : 47", "par 22 voix pour, 5 voix contre et 2 abstentions") and of its
// receipt by the prefecture (the ACTES identifier).

type Family = "deliberation" | "number" | "number-line" | "question" | "object" | "enumerated" | "bullet" | "capitals";

const STRONG: readonly Family[] = ["deliberation", "number", "number-line", "question", "object"];

export type Heading = {
  family: Family;
  /** Where the heading's line begins. */
  start: number;
  number: string | null;
  /** The document's own item number ("Question n° 4", "II –"), when it numbers them. */
  item: number | null;
  subject: string;
};

export type VoteReading = {
  for: number | null;
  against: number | null;
  abstention: number | null;
  participants: number | null;
  expressed: number | null;
  present: number | null;
  presentAndRepresented: number | null;
  nonParticipation: number | null;
  unanimous: boolean;
  outcome: Outcome | null;
  conflicts: string[];
};

type Line = { start: number; text: string; folded: string };

function linesOf(text: string, folded: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start < to) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 || newline > to ? to : newline;
    lines.push({ start, text: text.slice(start, end), folded: folded.slice(start, end) });
    start = end + 1;
  }
  return lines;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function romanValue(numeral: string): number | null {
  if (!/^(?:x{0,3})(?:ix|iv|v?i{0,3})$/.test(numeral) || !numeral) return null;
  let total = 0;
  for (let index = 0; index < numeral.length; index += 1) {
    const value = ROMAN[numeral.charAt(index)] as number;
    const next = ROMAN[numeral.charAt(index + 1)] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const BULLETS = /^[\s•·*▪◦o-]*(?=\S)/;
const ACT_NUMBER = String.raw`(?:[a-z]{1,5}[._ -]?)?\d[\w./-]*`;

const HEADINGS: { family: Family; pattern: RegExp }[] = [
  { family: "deliberation", pattern: new RegExp(String.raw`^(?:deliberation|delib\.?)\s*(?:n\s*°|n[o.]|no\.?|numero)?\s*:?\s*(${ACT_NUMBER})(?:\s+du\s+${DATE})?\s*(?:[:\-–.]\s*)?(.*)$`, "d") },
  { family: "number", pattern: new RegExp(String.raw`^n\s*°\s*(${ACT_NUMBER})\s*(?:[:\-–.]\s*)?(.*)$`, "d") },
  { family: "number-line", pattern: /^((?:[a-z]{1,5}[._ -]?)?\d{2,4}[-/._]\d{1,4}(?:[-/._]\d{1,4})?)\s*$/d },
  { family: "question", pattern: /^(?:question|point|affaire|dossier)\s*(?:n\s*°|n[o.]?)?\s*(\d{1,3})\s*[-–:.)]\s*(.+)$/d },
  { family: "object", pattern: /^(?:\d{1,3}\s*°\s*)?objet\s*:\s*(.+)$/d },
  { family: "enumerated", pattern: /^(\d{1,2}(?:[-.]\d{1,2})?|[ivx]{1,5})\s*(?:[-–.)°]|\s\))\s*(.{3,})$/d },
  { family: "bullet", pattern: /^[•·*▪]\s*(.{3,})$/d },
];

/** Lines of an agenda ("Ordre du jour :" up to the next blank line): what it lists are not the deliberations themselves. */
function agendaLines(lines: readonly Line[]): Set<number> {
  const inside = new Set<number>();
  let open = false;
  lines.forEach((line, index) => {
    if (/^\s*(?:[-•*]\s*)?ordre\s+du\s+jour\b/.test(line.folded) && !/adopt|approuv/.test(line.folded)) open = true;
    else if (!line.text.trim()) open = false;
    else if (open) inside.add(index);
  });
  return inside;
}

function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 8 && letters === letters.toUpperCase() && /\s/.test(text.trim());
}

/** A subject line cleaned of its enumerator and its "Objet :": "II – Installation d'un délégué :" → "Installation d'un délégué". */
function cleanSubject(text: string): string {
  // A heading that runs on into its text ("APPROBATION DU … 2007 LE CONSEIL MUNICIPAL APPROUVE … le compte-rendu"): its capitals, up to the decision.
  const capitals = /^[^\p{Ll}]{20,}?(?=\s+(?:LE CONSEIL|LE MAIRE|APRES|VU)\b|\s+\S*\p{Ll})/u.exec(text);
  const subject = text.length > 150 && capitals ? capitals[0] : text;
  return subject
    .replace(/^[\s•·*▪-]*(?:(?:\d{1,3}|[IVX]{1,5})\s*(?:[-–.)°]|\s\))\s*)?/u, "")
    .replace(/^(?:\d{1,3}\s*°\s*)?objet\s*:\s*/i, "")
    .replace(/\s+/g, " ")
    .replace(/[\s:;,–-]+$/u, "")
    .trim();
}

/** The subject from `index`: its line and the lines that continue it (capitals after capitals, or a lower-case start). */
function subjectFrom(lines: readonly Line[], index: number, rest: string): string {
  let subject = rest.trim();
  let at = index;
  if (!subject) {
    at = index + 1;
    while (at < lines.length && !(lines[at] as Line).text.trim()) at += 1;
    subject = (lines[at]?.text ?? "").trim();
  }
  for (let next = at + 1, joined = 0; next < lines.length && joined < 3; next += 1, joined += 1) {
    const line = (lines[next] as Line).text.trim();
    if (!line || HEADINGS.some(({ family, pattern }) => family !== "enumerated" && family !== "bullet" && pattern.test((lines[next] as Line).folded.replace(BULLETS, "")))) break;
    const continues = (isCapitals(subject) || !/\p{Ll}/u.test(subject)) && !/\p{Ll}/u.test(line) ? true : /^\p{Ll}/u.test(line);
    if (!continues || subject.length > 300) break;
    subject = `${subject} ${line}`;
  }
  return cleanSubject(subject);
}

/** The deliberations' headings between `from` and `to`: the strongest kind the document uses, the others being parts of their texts. */
export function findHeadings(text: string, folded: string, from: number, to: number): Heading[] {
  const lines = linesOf(text, folded, from, to);
  const agenda = agendaLines(lines);
  const found: Heading[] = [];
  const consumed = new Set<number>();
  lines.forEach((line, index) => {
    if (agenda.has(index) || consumed.has(index)) return;
    const stripped = line.folded.replace(BULLETS, "");
    const offset = line.folded.length - stripped.length;
    const original = line.text.slice(offset);
    for (const { family, pattern } of HEADINGS) {
      // A bullet is itself the mark of the "bullet" kind; the others read the line without it.
      const bulleted = family === "bullet" ? line.folded.trimStart() : stripped;
      const match = pattern.exec(bulleted);
      if (!match) continue;
      // The original's characters for a group: folding keeps one character for one.
      const base = family === "bullet" ? line.text.trimStart() : original;
      const restOf = (group: number) => {
        const span = match.indices?.[group];
        return span ? base.slice(span[0], span[1]) : "";
      };
      switch (family) {
        case "deliberation":
        case "number": {
          const number = restOf(1);
          found.push({ family, start: line.start, number, item: null, subject: subjectFrom(lines, index, restOf(2)) });
          break;
        }
        case "number-line": {
          if (parseDate(match[1] as string)) return;
          const number = original.trim();
          // The subject is the next line; when it is itself numbered ("II – …"), that number is the item's.
          let next = index + 1;
          while (next < lines.length && !(lines[next] as Line).text.trim()) next += 1;
          const subjectLine = lines[next];
          const enumerated = subjectLine ? /^[\s•*-]*(\d{1,2}|[ivx]{1,5})\s*(?:[-–.)°]|\s\))/.exec(subjectLine.folded) : null;
          if (subjectLine) consumed.add(next);
          found.push({ family, start: line.start, number, item: enumerated ? itemNumber(enumerated[1] as string) : null, subject: subjectFrom(lines, next, subjectLine?.text ?? "") });
          break;
        }
        case "question":
          found.push({ family, start: line.start, number: null, item: Number(match[1]), subject: subjectFrom(lines, index, restOf(2)) });
          break;
        case "object":
          found.push({ family, start: line.start, number: null, item: null, subject: subjectFrom(lines, index, restOf(1)) });
          break;
        case "enumerated": {
          const item = itemNumber(match[1] as string);
          const rest = restOf(2);
          if (item === null || !/^[\p{Lu}«"]/u.test(rest.trim())) return;
          found.push({ family, start: line.start, number: null, item, subject: subjectFrom(lines, index, rest) });
          break;
        }
        case "bullet":
          found.push({ family, start: line.start, number: null, item: null, subject: subjectFrom(lines, index, restOf(1)) });
          break;
        default:
          break;
      }
      return;
    }
    if (isCapitals(line.text) && line.text.trim().length <= 200) {
      found.push({ family: "capitals", start: line.start, number: null, item: null, subject: subjectFrom(lines, index, line.text) });
    }
  });
  const strong = found.filter((heading) => STRONG.includes(heading.family));
  if (strong.length) return strong;
  for (const family of ["enumerated", "bullet", "capitals"] as const) {
    const ofFamily = found.filter((heading) => heading.family === family);
    if (ofFamily.length) return ofFamily;
  }
  return [];
}

function itemNumber(enumerator: string): number | null {
  if (/^\d/.test(enumerator)) return Number.parseInt(enumerator, 10);
  return romanValue(enumerator);
}

/** Whether a deliberation's text says a decision was taken (or the item withdrawn): headings of a report or a mere information do not. */
export function saysDecision(folded: string): boolean {
  return /unanimite|\bvoix\b|\bpour\s*:\s*\d|\d+\s+pour\b|\bcontre\s*:\s*\d|\badopte|\bapprouve|\bdecide|\bdelibere|\baccord\b|\brejete|\bvote\b|\babstention|\bprend acte|\bdonne acte|\bautorise|\bemet un avis|\bretire|\bajourne/.test(folded);
}

// ---------------------------------------------------------------------------
// The vote.

const VOTE_LINE = /\bvot|\bvoix\b|unanim|majorit|accord|adopt|approuv|rejet|abstention|\bcontre\b|scrutin|\bpour\s*[:=]|suffrages|votants|presents|participation/;

// Figures and their words on one line ("47\nContre : 0" is two figures).
const FIGURES = {
  for: [/\bpour[ \t]*[:=][ \t]*(\d+|neant|aucune?)\b/g, /\b(\d+)[ \t]+(?:voix[ \t]+)?pour\b/g, /\bvoix[ \t]+pour[ \t]*[:=]?[ \t]*(\d+)/g],
  against: [/\bcontre[ \t]*[:=][ \t]*(\d+|neant|aucune?)\b/g, /\b(\d+)[ \t]+(?:voix[ \t]+)?contre\b/g, /\bvoix[ \t]+contre[ \t]*[:=]?[ \t]*(\d+)/g],
  abstention: [/\babstentions?[ \t]*[:=][ \t]*(\d+|neant|aucune?)\b/g, /\b(\d+)[ \t]+abstentions?\b/g, /\b(une)[ \t]+abstention\b/g],
  participants: [/\bvotants[ \t]*[:=][ \t]*(\d+)/g, /\b(\d+)[ \t]+votants\b/g],
  expressed: [/\bsuffrages[ \t]+exprimes[ \t]*[:=][ \t]*(\d+)/g],
  presentAndRepresented: [/\bpresents[ \t]+et[ \t]+representes[ \t]*[:=][ \t]*(\d+)/g],
  present: [/(?<!et\s)\bpresents[ \t]*[:=][ \t]*(\d+)/g],
  nonParticipation: [/\bnon[- ]participation[ \t]*[:=][ \t]*(\d+)/g, /\bn'(?:ont|a)[ \t]+pas[ \t]+pris[ \t]+part[ \t]+au[ \t]+vote[ \t]*[:=][ \t]*(\d+)/g],
} as const;

const FIGURE_LABELS: Record<keyof typeof FIGURES, string> = {
  for: "pour",
  against: "contre",
  abstention: "abstentions",
  participants: "votants",
  expressed: "suffrages exprimés",
  presentAndRepresented: "présents et représentés",
  present: "présents",
  nonParticipation: "non-participation",
};

function figureValue(raw: string): number {
  return /^\d+$/.test(raw) ? Number(raw) : raw === "une" ? 1 : 0;
}

/** What a deliberation's text says of its vote; a figure it gives twice differently is left null and reported. */
export function readVote(folded: string): VoteReading {
  const voteText = folded
    .split(/\n|(?<=\.)\s/)
    .filter((line) => VOTE_LINE.test(line))
    .join("\n")
    // "Présents et représentés : 47" on its own line is a figure of the tally, not the list of present members.
    .replace(/\t/g, " ");
  const reading: VoteReading = {
    for: null,
    against: null,
    abstention: null,
    participants: null,
    expressed: null,
    present: null,
    presentAndRepresented: null,
    nonParticipation: null,
    unanimous: false,
    outcome: null,
    conflicts: [],
  };
  for (const key of Object.keys(FIGURES) as (keyof typeof FIGURES)[]) {
    const values = new Set<number>();
    for (const pattern of FIGURES[key]) {
      for (const match of voteText.matchAll(new RegExp(pattern.source, "g"))) values.add(figureValue(match[1] as string));
    }
    if (values.size === 1) reading[key] = [...values][0] as number;
    if (values.size > 1) reading.conflicts.push(`Le texte donne plusieurs nombres « ${FIGURE_LABELS[key]} » (${[...values].join(", ")}) : aucun n'est repris.`);
  }
  const unanimity = /\bunanimite\b/.test(voteText) && !/unanimite\s+moins\s+\S+\s+(?:voix\s+)?contre/.test(voteText);
  reading.unanimous = unanimity && (reading.against ?? 0) === 0;
  reading.outcome = outcomeOf(folded, reading);
  return reading;
}

function outcomeOf(folded: string, reading: VoteReading): Outcome | null {
  if (/\bretire(?:e|s)?\s+(?:de\s+l'ordre\s+du\s+jour|du\s+vote)|\bajourne|\best\s+reporte/.test(folded)) return "WITHDRAWN";
  if (/\b(?:est\s+|a\s+ete\s+)?(?:rejete|repousse)e?s?\b|\bn'(?:est|a)\s+pas\s+(?:ete\s+)?adopte/.test(folded)) return "REJECTED";
  if (reading.for !== null && reading.against !== null && reading.for !== reading.against) return reading.for > reading.against ? "ADOPTED" : "REJECTED";
  // What the council did, not what it was asked to do ("propose d'adopter").
  if (reading.unanimous || /\b(?:adoptee?s?|approuvee?s?|acceptee?s?|decide|autorise|valide|adoptent|approuvent)\b|\bemet\s+un\s+avis\s+favorable|\baccord\b|\ba\s+la\s+majorite/.test(folded)) return "ADOPTED";
  return null;
}

// ---------------------------------------------------------------------------
// The receipt.

const ACTES = /\b(0\d{2}|02[AB]|97[1-6])\s*-\s*(\d{9})\s*-\s*(\d{8})\s*-\s*([A-Za-z0-9_]{1,15})\s*-\s*(DE|AR|AI|CC|BF|AU)(?:\s*-\s*(\d{1,9})\s*-\s*(\d{1,9}))?\b/g;

export type ReceiptReading = { actesId: string | null; receivedAt: string | null; problems: string[] };

/** The ACTES identifier a text prints (spaces a typesetter slipped in removed) and the day the prefecture received the act. */
export function readReceipt(text: string, folded: string): ReceiptReading {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const match of text.matchAll(new RegExp(ACTES.source, "g"))) {
    const id = match[0].replace(/\s+/g, "");
    const parsed = parseActesId(id);
    if (parsed.ok) ids.add(id);
    else problems.push(`Identifiant ACTES « ${match[0]} » illisible : ${parsed.reason}`);
  }
  if (ids.size > 1) problems.push(`Le texte donne plusieurs identifiants ACTES (${[...ids].join(", ")}) : aucun n'est repris.`);
  const received = new RegExp(
    String.raw`(?:date\s+de\s+reception(?:\s+en)?(?:\s+(?:sous-)?prefecture)?|recue?\s+(?:en|a\s+la)\s+(?:sous-)?prefecture(?:\s+le)?|accuse\s+de\s+reception(?:\s+en\s+prefecture)?(?:\s+du|\s+le)?)\s*:?\s*(${DATE})`,
  ).exec(folded);
  return { actesId: ids.size === 1 ? ([...ids][0] as string) : null, receivedAt: received ? parseDate(received[1] as string) : null, problems };
}
