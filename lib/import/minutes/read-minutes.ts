import { foldText, isMayorReference, nameWords } from "@/lib/domain/name-matching";
import type { Outcome } from "@/lib/domain/types";
import {
  findMovements,
  findProxySentences,
  findSections,
  readList,
  type AttendanceKind,
  type FoundProxy,
  type ListedName,
  type Movement,
  type Section,
} from "./attendance";
import { findHeadings, readReceipt, readVote, saysDecision, type Heading } from "./deliberations";
import { DATE, HOUR, MONTH, NUMBER_IN_WORDS, WEEKDAY, numberOf, parseDate, parseDayAndMonth, parseHour } from "./french-dates";
import { nameAt, nameBefore } from "./text-scan";
import { isHeaderLabel } from "./attendance";

// The reader of old extracts and minutes: from a document's text, the
// sittings it tells of (day, hour, president, secretary, members in office),
// their attendance (present, proxies giver → holder, excused, absent,
// arrivals and departures) and their deliberations (subject, number, tally or
// unanimity, ACTES receipt). Deterministic and general: it knows the ways
// French councils have written these since the 2000s, not one town's layout.
// Names are given as the document writes them, civilities aside; a figure
// the document does not give is null. What it cannot read is said in
// `warnings`, in French, for the clerk who reviews the proposal.

export type ProposedProxy = { giver: string; holder: string };

/** "Annie LEPAGE", "arrivée à 20 heures 50": a member and what the document says of their coming or going. */
export type ProposedMovement = { name: string; note: string };

export type ProposedDeliberation = {
  subject: string;
  /** The act's identifier as printed ("DL.2022-91", "2011-02-001"), null when it prints none. */
  number: string | null;
  /** The item's number in the sitting, when the document numbers them ("Question n° 4", "II –"). */
  item: number | null;
  for: number | null;
  against: number | null;
  abstention: number | null;
  unanimous: boolean;
  /** Votants. */
  participants: number | null;
  expressed: number | null;
  present: number | null;
  presentAndRepresented: number | null;
  nonParticipation: number | null;
  outcome: Outcome | null;
  /** ACTES identifier of the prefecture's receipt. */
  receipt: string | null;
  receiptReceivedAt: string | null;
  /** Its first line in the document (1-based). */
  line: number;
};

export type ProposedSitting = {
  date: string | null;
  hour: string | null;
  president: string | null;
  secretary: string | null;
  membersInOffice: number | null;
  /** "Présents : 29", "Votants : 33", when the header counts them. */
  presentCount: number | null;
  votersCount: number | null;
  extraordinary: boolean;
  present: string[];
  proxies: ProposedProxy[];
  excusedWithoutProxy: string[];
  absent: string[];
  arrivals: ProposedMovement[];
  departures: ProposedMovement[];
  /** Other notes on a member ("pour le vote de la question 14"). */
  notes: ProposedMovement[];
  deliberations: ProposedDeliberation[];
  /** The civility written with each name, for the matcher ("Madame"). */
  civilities: Record<string, string>;
  /** Its first line in the document (1-based). */
  line: number;
  warnings: string[];
};

export type MinutesReading = { sittings: ProposedSitting[]; warnings: string[] };

// ---------------------------------------------------------------------------
// The text as the reader wants it.

/** One character for one where possible: no bold marks, one kind of apostrophe and of space, ligatures undone. */
export function cleanText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/<\/?(?:b|strong|i|em|u|span|font)\b[^>]*>/gi, "")
    .replace(/\*\*|__/g, "")
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[\u00a0\u202f\u2007\u2009]/g, " ")
    .replace(/[\u00ad\u200b\u200c\u200d\ufeff]/g, "")
    .replace(/ﬁ/g, "fi")
    .replace(/ﬂ/g, "fl")
    .replace(/ﬀ/g, "ff")
    .replace(/\\([\\*_#-])/g, "$1")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\f/g, "\n");
}

/**
 * A page flattened into one long line (as some transcriptions give it) is cut
 * before its headings ("II - COMPTE RENDU…", "Délibération n° …"), a space
 * becoming the line break, so that positions stay those of the text.
 */
export function cutLongLines(text: string): string {
  return text.replace(/[^\n]{300,}/g, (line) =>
    line.replace(/ (?=(?:[IVX]{1,4}|\d{1,2})\s?[-–]\s+\p{Lu}{3,}\b|(?:D[ée]lib[ée]ration|Question)\s+n\s?°)/gu, "\n"),
  );
}

function lineOf(text: string, position: number): number {
  let line = 1;
  for (let index = text.indexOf("\n"); index !== -1 && index < position; index = text.indexOf("\n", index + 1)) line += 1;
  return line;
}

// ---------------------------------------------------------------------------
// Where sittings begin, and their day and hour.

type Opening = { start: number; end: number; date: string | null; hour: string | null; kind: "formula" | "title" };

const TITLE = new RegExp(
  String.raw`(?:seance|reunion|conseil\s+municipal|compte[- ]rendu|proces[- ]verbal|session)[^\n.:]{0,90}?\b(?:du|en\s+date\s+du|le)\s+(${DATE})(?:\s*,?\s*(?:a|de)\s+(${HOUR}))?`,
  "g",
);
const YEAR_SAID_APART = new RegExp(
  String.raw`\bl'an\s+(\d{4}|${NUMBER_IN_WORDS})\s*,?\s*(?:le\s+)?((?:${WEEKDAY}\s+)?(?:\d{1,2}(?:er)?|${NUMBER_IN_WORDS})\s+${MONTH})(?:\s*,?\s*(?:a|vers)\s+(${HOUR}))?`,
  "g",
);
const DAY_THEN_HOUR = new RegExp(String.raw`(?:^|\n|\.\s|,\s)\s*le\s+(${DATE})\s*,?\s*(?:a|vers)\s+(${HOUR})`, "g");
const MET_ON = new RegExp(String.raw`\b(?:s'est|se\s+sont)\s+reunie?s?\b[^.]{0,160}?\ble\s+(${DATE})(?:\s*,?\s*a\s+(${HOUR}))?`, "g");
const OPENED_AT = new RegExp(String.raw`(?:ouvre\s+la\s+seance|seance\s+est\s+ouverte|ouverture\s+de\s+la\s+seance)\s*:?\s*(?:a\s+)?(${HOUR})`);
/** A title that names another sitting: "Approbation du compte rendu du conseil municipal du 28 février". */
const ANOTHER_SITTING = /(?:approbation|adoption|adopte|approuve|lecture|precedente?|derniere?)\s*(?:du|de\s+la|des)?\s*$|\ble\s*$/;

function findOpenings(folded: string): Opening[] {
  const openings: Opening[] = [];
  for (const match of folded.matchAll(YEAR_SAID_APART)) {
    const year = numberOf(match[1] as string);
    openings.push({
      start: match.index,
      end: match.index + match[0].length,
      date: year === null ? null : parseDayAndMonth(match[2] as string, year),
      hour: match[3] ? parseHour(match[3]) : null,
      kind: "formula",
    });
  }
  for (const pattern of [DAY_THEN_HOUR, MET_ON]) {
    for (const match of folded.matchAll(pattern)) {
      openings.push({ start: match.index, end: match.index + match[0].length, date: parseDate(match[1] as string), hour: match[2] ? parseHour(match[2]) : null, kind: "formula" });
    }
  }
  for (const match of folded.matchAll(TITLE)) {
    const before = folded.slice(Math.max(0, match.index - 40), match.index);
    if (ANOTHER_SITTING.test(before)) continue;
    openings.push({ start: match.index, end: match.index + match[0].length, date: parseDate(match[1] as string), hour: match[2] ? parseHour(match[2]) : null, kind: "title" });
  }
  return openings.filter((opening) => opening.date).sort((a, b) => a.start - b.start);
}

const EXTRACT_HEADER = /(?:^|\n)[\s#*]*extrait\s+(?:certifie\s+conforme\s+)?(?:du\s+(?:registre|proces)|des\s+(?:deliberations|registres)|de\s+(?:la\s+)?deliberation)/g;

function findExtractHeaders(folded: string): number[] {
  return [...folded.matchAll(EXTRACT_HEADER)]
    .filter((match) => !/—|\s-\s.*\s-\s/.test(folded.slice(match.index, folded.indexOf("\n", match.index + 1) >>> 0)))
    .map((match) => match.index + (match[0].startsWith("\n") ? 1 : 0));
}

// ---------------------------------------------------------------------------
// Who presided, who was secretary.

type Named = { name: string; civility: string; role: string | null };

const PRESIDENCY = [/\bsous\s+la\s+presidence\s+de\s+/g, /\bpresidence\s+(?:de\s+(?:la\s+seance\s*:?\s*)?|:\s*)/g, /\bpresident(?:e)?\s+de\s+(?:la\s+)?seance\s*:\s*/g, /\bpresidee?\s+par\s+/g];

function roleAfter(text: string, position: number): string | null {
  const role = /^\s*,?\s*((?:maire|adjointe?|conseill[eè]re?|doyen(?:ne)?)\b[^,.;\n]*)/i.exec(text.slice(position, position + 60));
  return role ? (role[1] as string).trim() : null;
}

function findPresident(text: string, folded: string, from: number, to: number): Named | null {
  let best: (Named & { at: number }) | null = null;
  for (const pattern of PRESIDENCY) {
    const regex = new RegExp(pattern.source, "g");
    regex.lastIndex = from;
    const match = regex.exec(folded);
    if (!match || match.index >= to || (best && best.at <= match.index)) continue;
    let found = nameAt(text, match.index + match[0].length);
    // "sous la présidence de Madame le Maire, Corinne DUCROCQ".
    if (found?.mayor) {
      const after = /^\s*,\s*/.exec(text.slice(found.end, found.end + 5));
      const named = after ? nameAt(text, found.end + after[0].length) : null;
      if (named) found = { ...named, civility: found.civility };
      else {
        best = { name: "le Maire", civility: found.civility, role: "Maire", at: match.index };
        continue;
      }
    }
    if (found) best = { name: found.name, civility: found.civility, role: roleAfter(text, found.end), at: match.index };
  }
  return best ? { name: best.name, civility: best.civility, role: best.role } : null;
}

const SECRETARY_LABEL = /\bsecretai?r(?:e|iat)\s+(?:de\s+(?:la\s+)?seance\s*)?:\s*/g;
const SECRETARY_CHOSEN = /\s(?:est|a\s+ete|sera|soit)\s+(?:(?:designee?|elue?|nommee?|choisie?)\s+)?(?:comme\s+|en\s+qualite\s+de\s+|pour\s+remplir\s+les\s+fonctions\s+de\s+|la\s+|le\s+)?secretaire\b/g;
const SECRETARY_NAMED = /\b(?:designe|elit|nomme|nomination\s+de)\s+/g;

function findSecretary(text: string, folded: string, from: number, to: number): Named | null {
  const candidates: (Named & { at: number })[] = [];
  const scan = (pattern: RegExp, read: (match: RegExpExecArray) => Named | null) => {
    const regex = new RegExp(pattern.source, "g");
    regex.lastIndex = from;
    for (let match = regex.exec(folded); match && match.index < to; match = regex.exec(folded)) {
      const found = read(match);
      if (found) {
        candidates.push({ ...found, at: match.index });
        return;
      }
    }
  };
  scan(SECRETARY_LABEL, (match) => {
    if (/auxiliaire|general|de\s+mairie/.test(folded.slice(match.index, match.index + 40))) return null;
    const found = nameAt(text, match.index + match[0].length);
    return found && !found.mayor ? { name: found.name, civility: found.civility, role: null } : null;
  });
  scan(SECRETARY_CHOSEN, (match) => {
    const found = nameBefore(text, match.index);
    return found && !found.mayor ? { name: found.name, civility: found.civility, role: null } : null;
  });
  scan(SECRETARY_NAMED, (match) => {
    const found = nameAt(text, match.index + match[0].length);
    if (!found || found.mayor) return null;
    return /^\s*,?\s*(?:comme\s+|en\s+qualite\s+de\s+)?secretaire/.test(folded.slice(found.end, found.end + 40)) ? { name: found.name, civility: found.civility, role: null } : null;
  });
  candidates.sort((a, b) => a.at - b.at);
  const first = candidates[0];
  return first ? { name: first.name, civility: first.civility, role: null } : null;
}

// ---------------------------------------------------------------------------
// One sitting.

/** Whether `small`'s words, some of them glued together, are all words of `big`: "JIMENEZ GRENIER" in "Delphine JIMENEZGRENIER". */
function covers(small: readonly string[], big: ReadonlySet<string>): boolean {
  const reachable = [true, ...small.map(() => false)];
  for (let from = 0; from < small.length; from += 1) {
    if (!reachable[from]) continue;
    for (let to = from + 1; to <= small.length; to += 1) if (big.has(small.slice(from, to).join(""))) reachable[to] = true;
  }
  return reachable[small.length] === true;
}

/** Two ways of writing one member agree when one's words are all in the other's: "MARTEL" and "MARTEL Sylvie", "Mme MARTEL". */
function sameMember(a: string, b: string): boolean {
  const left = nameWords(a);
  const right = nameWords(b);
  if (!left.length || !right.length) return false;
  return covers(left, new Set(right)) || covers(right, new Set(left));
}

/** The one name of `names` that designates the same member as `name`, or null when none or several do. */
function theOne(names: readonly string[], name: string): string | null {
  const same = names.filter((other) => sameMember(other, name));
  return same.length === 1 ? (same[0] as string) : null;
}

const ARRIVAL_NOTE = /arriv|rejoint|entre(?:e)? en seance|present(?:e)? a partir/;
const DEPARTURE_NOTE = /quitt|depart|parti(?:e)?\b|se retire|absente? a partir|jusqu/;
const EXCUSED_NOTE = /^excuse(?:e|s|es)?$/;

type Attendance = {
  present: ListedName[];
  proxies: FoundProxy[];
  excused: ListedName[];
  absent: ListedName[];
  warnings: string[];
  end: number;
  parsed: { start: number; end: number }[];
};

function readAttendance(text: string, sections: readonly Section[]): Attendance {
  const result: Attendance = { present: [], proxies: [], excused: [], absent: [], warnings: [], end: 0, parsed: [] };
  const byKind: Record<AttendanceKind, ListedName[]> = { present: result.present, proxy: [], excused: result.excused, absent: result.absent };
  for (const section of sections) {
    const content = readList(text, section.contentStart, section.contentEnd, section.kind);
    result.parsed.push({ start: section.start, end: content.end });
    if (content.names.length || content.proxies.length) result.end = Math.max(result.end, content.end);
    for (const listed of content.names) {
      // "Absent non représenté : Claudine MAQUIN (excusée)": the note says excused.
      const excused = section.kind === "absent" && listed.notes.some((note) => EXCUSED_NOTE.test(foldText(note)));
      (excused ? result.excused : byKind[section.kind]).push(listed);
    }
    result.proxies.push(...content.proxies);
    // In a list of proxies, a name without a holder is excused without one ("Excusés ayant donné pouvoir : …, M. X").
    if (section.kind === "proxy") result.excused.push(...(byKind.proxy.splice(0) as ListedName[]));
    if (section.kind === "excused" && /absents?\s+et\s+excuse/.test(foldText(section.label)) && content.names.length) {
      result.warnings.push(`« ${section.label} » ne dit pas qui est excusé et qui est absent : la liste est lue comme celle des excusés, à vérifier.`);
    }
    if (content.leftover && /\p{Lu}{2}/u.test(content.leftover) && content.leftover.length < 400 && !content.names.length && !content.proxies.length) {
      result.warnings.push(`La liste « ${section.label} » n'a pas pu être lue : « ${content.leftover.slice(0, 120)} ».`);
    }
  }
  return result;
}

function movementsOf(listed: readonly ListedName[], pattern: RegExp): ProposedMovement[] {
  return listed.flatMap((member) => member.notes.filter((note) => pattern.test(foldText(note))).map((note) => ({ name: member.name, note })));
}

type SegmentInput = {
  text: string;
  folded: string;
  start: number;
  end: number;
  extract: boolean;
  sections: Section[];
  openings: Opening[];
};

function readSitting(input: SegmentInput): ProposedSitting {
  const { text, folded, start, end, extract, sections, openings } = input;
  const warnings: string[] = [];
  const attendance = readAttendance(text, sections);
  const headerEnd = sections.length ? attendance.end : Math.min(end, start + 1500);
  const firstSection = sections[0]?.start ?? headerEnd;

  // The day and hour: the opening formula, else the title; the hour of opening when no other is said.
  const ownOpenings = openings.filter((opening) => opening.start >= start && opening.start < Math.max(headerEnd, firstSection + 1) + 200);
  const dated = ownOpenings.find((opening) => opening.kind === "formula") ?? ownOpenings[0];
  const date = dated?.date ?? null;
  const sameDay = ownOpenings.filter((opening) => opening.date === date);
  let hour = sameDay.find((opening) => opening.kind === "formula" && opening.hour)?.hour ?? sameDay.find((opening) => opening.hour)?.hour ?? null;
  if (!hour) {
    const opened = OPENED_AT.exec(folded.slice(start, end));
    hour = opened ? parseHour(opened[1] as string) : null;
  }
  if (!date) warnings.push("La date de la séance n'a pas été trouvée.");

  const president = findPresident(text, folded, start, end);
  const secretary = findSecretary(text, folded, start, end);

  // The deliberations: one per extract; in minutes, those the headings after the attendance announce.
  // An extract of one act says its object; an "extract" of the register without one is minutes of several.
  const object = /(?:^|\n)[\s*]*objet\s*:\s*/.exec(folded.slice(start, end));
  const oneAct = extract && object !== null;
  const bodyStart = oneAct ? start : Math.max(start, attendance.end);
  const headings: Heading[] = oneAct ? [] : findHeadings(text, folded, bodyStart, end);
  const deliberations: ProposedDeliberation[] = [];
  if (oneAct) {
    // To its last letter or digit: "2019-045bis", "D2021_12A", not the full stop after it.
    const number = new RegExp(String.raw`(?:^|\s)(?:n\s*°|numero|deliberation\s+n\s*°?)\s*((?:[a-z]{1,5}[._ -]?)?\d(?:[\w./-]*[a-z0-9])?)`, "d").exec(folded.slice(start, Math.min(end, start + 600)));
    const objectLine = object ? start + object.index + object[0].length : null;
    const subjectLines = objectLine === null ? [] : text.slice(objectLine, end).split("\n");
    const subject: string[] = [];
    for (const line of subjectLines) {
      if (!line.trim() || subject.length === 3) break;
      subject.push(line.trim());
    }
    const span = number?.indices?.[1];
    deliberations.push(
      deliberationOf(text, folded, start, end, {
        subject: subject.join(" ").replace(/\s+/g, " ").trim(),
        number: span ? text.slice(start + span[0], start + span[1]) : null,
        item: null,
        line: lineOf(text, objectLine ?? start),
      }, warnings),
    );
  } else {
    headings.forEach((heading, index) => {
      const to = headings[index + 1]?.start ?? end;
      const body = folded.slice(heading.start, to);
      // A bullet of the header ("• Secrétaire de séance : …") heads no deliberation.
      if (isHeaderLabel(foldText(heading.subject))) return;
      // An act's own number says it is one, even when the copy stops before its vote.
      if (!saysDecision(body) && !heading.number) return;
      deliberations.push(deliberationOf(text, folded, heading.start, to, { subject: heading.subject, number: heading.number, item: heading.item, line: lineOf(text, heading.start) }, warnings));
    });
  }

  // Counts of the header.
  const header = folded.slice(start, Math.max(headerEnd, firstSection) + 400);
  const inOffice = /\ben\s+exercice\s*[:=]?\s*(\d+)|\b(\d+)\s+(?:conseillers|membres)\s+en\s+exercice/.exec(folded.slice(start, end));
  const presentCount = /(?:nombre\s+de\s+(?:conseillers\s+|membres\s+)?presents|(?<!et\s)\bpresents)\s*[:=]\s*(\d+)/.exec(header);
  const voters = /\bvotants\s*[:=]\s*(\d+)|nombre\s+de\s+(?:conseillers\s+)?votants\s*[:=]\s*(\d+)/.exec(header);

  // Attendance: the lists, then the sentences of the header that the lists did not say.
  const sentences = findProxySentences(text, folded, start, oneAct ? headerEnd + 200 : Math.max(bodyStart, headings[0]?.start ?? end));
  const proxies = [...attendance.proxies];
  for (const proxy of sentences) {
    if (attendance.parsed.some((range) => proxy.start >= range.start && proxy.start < range.end)) continue;
    if (!proxies.some((known) => sameMember(known.giver.name, proxy.giver.name))) proxies.push(proxy);
  }
  const civilities: Record<string, string> = {};
  const note = (member: { name: string; civility: string }) => {
    if (member.civility && !civilities[member.name]) civilities[member.name] = member.civility;
    return member.name;
  };

  // "le Maire" as a holder: the mayor the document names.
  const mayor =
    attendance.present.find((member) => member.role && /^maire\b/i.test(member.role))?.name ??
    (president && president.role && /^maire\b/i.test(president.role) ? president.name : null);
  const resolve = (member: ListedName): string => {
    if (!member.mayor && !isMayorReference(member.name)) return note(member);
    if (mayor) {
      warnings.push(`« ${[member.civility, member.name].filter(Boolean).join(" ")} » est lu comme ${mayor}, le maire que nomme le document.`);
      return mayor;
    }
    return note(member);
  };

  // One status per member: present first, then represented, excused, absent.
  const present: string[] = [];
  const addPresent = (name: string) => {
    if (!present.some((other) => sameMember(other, name) && nameWords(other).length === nameWords(name).length)) present.push(name);
  };
  for (const member of attendance.present) addPresent(note(member));
  const givers: ProposedProxy[] = [];
  for (const proxy of proxies) {
    const giver = note(proxy.giver);
    const holder = resolve(proxy.holder);
    if (theOne(present, giver)) {
      warnings.push(`${giver} est à la fois présent et représenté : il est compté présent, son pouvoir à ${holder} n'est pas repris.`);
      continue;
    }
    if (givers.some((known) => sameMember(known.giver, giver))) continue;
    givers.push({ giver, holder });
  }
  const excused: string[] = [];
  for (const member of attendance.excused) {
    const name = note(member);
    if (theOne(present, name) || givers.some((proxy) => sameMember(proxy.giver, name)) || excused.some((other) => sameMember(other, name))) continue;
    excused.push(name);
  }
  const absent: string[] = [];
  for (const member of attendance.absent) {
    const name = note(member);
    if (theOne(present, name) || givers.some((proxy) => sameMember(proxy.giver, name)) || excused.some((other) => sameMember(other, name)) || absent.includes(name)) continue;
    absent.push(name);
  }
  if (president && present.length && !isMayorReference(president.name) && !theOne(present, president.name)) {
    warnings.push(`Le président de séance, ${president.name}, n'est pas dans la liste des présents ; ayant présidé la séance, son nom y est ajouté.`);
    present.unshift(note(president));
  }
  for (const proxy of givers) {
    if (!theOne(present, proxy.holder) && present.length) warnings.push(`${proxy.holder}, qui porte le pouvoir de ${proxy.giver}, n'est pas dans la liste des présents.`);
  }
  if (!sections.length) warnings.push("Aucune liste de présence n'a été trouvée : présents, pouvoirs, excusés et absents sont à saisir.");
  warnings.push(...attendance.warnings);

  // Arrivals and departures: the notes of the lists, then the sentences of the whole sitting.
  const listed = [...attendance.present, ...attendance.excused, ...attendance.absent, ...proxies.map((proxy) => proxy.giver)];
  const arrivals: ProposedMovement[] = [];
  const departures: ProposedMovement[] = [];
  const addNoted = (into: ProposedMovement[], found: ProposedMovement[]) => {
    for (const movement of found) if (!into.some((other) => sameMember(other.name, movement.name))) into.push(movement);
  };
  addNoted(arrivals, movementsOf(listed, ARRIVAL_NOTE));
  addNoted(departures, movementsOf(listed, DEPARTURE_NOTE));
  const notes = listed.flatMap((member) =>
    member.notes
      .filter((text_) => { const folded_ = foldText(text_); return !ARRIVAL_NOTE.test(folded_) && !DEPARTURE_NOTE.test(folded_) && !EXCUSED_NOTE.test(folded_) && !/^(?:adjoint|conseill|maire|elu)/.test(folded_); })
      .map((text_) => ({ name: member.name, note: text_ })),
  );
  const addMovements = (into: ProposedMovement[], found: Movement[]) => {
    for (const movement of found) {
      const known = theOne([...present, ...givers.map((proxy) => proxy.giver), ...excused, ...absent], movement.name) ?? movement.name;
      if (!into.some((other) => sameMember(other.name, known))) into.push({ name: known, note: movement.note });
    }
  };
  addMovements(arrivals, findMovements(text, folded, start, end, "arrival"));
  addMovements(departures, findMovements(text, folded, start, end, "departure"));

  return {
    date,
    hour,
    president: president ? (isMayorReference(president.name) ? president.name : note(president)) : null,
    secretary: secretary ? note(secretary) : null,
    membersInOffice: inOffice ? Number(inOffice[1] ?? inOffice[2]) : null,
    presentCount: presentCount ? Number(presentCount[1]) : null,
    votersCount: voters ? Number(voters[1] ?? voters[2]) : null,
    extraordinary: /\b(?:seance|session|reunion)\s+extraordinaire/.test(header),
    present,
    proxies: givers,
    excusedWithoutProxy: excused,
    absent,
    arrivals,
    departures,
    notes,
    deliberations,
    civilities,
    line: lineOf(text, start),
    warnings,
  };
}

function deliberationOf(
  text: string,
  folded: string,
  from: number,
  to: number,
  heading: { subject: string; number: string | null; item: number | null; line: number },
  warnings: string[],
): ProposedDeliberation {
  const body = folded.slice(from, to);
  const vote = readVote(body);
  const receipt = readReceipt(text.slice(from, to), body);
  const label = heading.number ?? (heading.subject.slice(0, 60) || `ligne ${heading.line}`);
  for (const problem of [...vote.conflicts, ...receipt.problems]) warnings.push(`Délibération ${label} : ${problem}`);
  if (!heading.subject) warnings.push(`Délibération ${label} : son objet n'a pas été trouvé.`);
  return {
    subject: heading.subject,
    number: heading.number,
    item: heading.item,
    for: vote.for,
    against: vote.against,
    abstention: vote.abstention,
    unanimous: vote.unanimous,
    participants: vote.participants,
    expressed: vote.expressed,
    present: vote.present,
    presentAndRepresented: vote.presentAndRepresented,
    nonParticipation: vote.nonParticipation,
    outcome: vote.outcome,
    receipt: receipt.actesId,
    receiptReceivedAt: receipt.receivedAt,
    line: heading.line,
  };
}

// ---------------------------------------------------------------------------
// The document.

type Cluster = { start: number; end: number; sections: Section[] };

/** Lists that follow each other (the next label within a few lines of the last list) are one sitting's attendance. */
function clustersOf(text: string, sections: readonly Section[]): Cluster[] {
  const clusters: Cluster[] = [];
  for (const section of sections) {
    const last = clusters.at(-1);
    // The next list, a few lines on, with no deliberation begun in between.
    const between = last ? foldText(text.slice(last.end, section.start)) : "";
    if (last && section.start - last.end <= 700 && !/\n\s*(?:deliberation|question|objet|n\s*°)\b/.test(between)) {
      last.sections.push(section);
      last.end = Math.max(last.end, section.contentEnd);
    } else clusters.push({ start: section.start, end: section.contentEnd, sections: [section] });
  }
  // A cluster whose lists name no one (a signature block's "membres du conseil présents :") is not an attendance.
  return clusters.filter((cluster) => cluster.sections.some((section) => readList(text, section.contentStart, section.contentEnd, section.kind).names.length || readList(text, section.contentStart, section.contentEnd, section.kind).proxies.length));
}

/** Reads the sittings a document's text tells of. */
export function readMinutes(raw: string): MinutesReading {
  const text = cutLongLines(cleanText(raw));
  const folded = foldText(text);
  const sections = findSections(text, folded);
  const openings = findOpenings(folded);
  const extracts = findExtractHeaders(folded);
  const clusters = clustersOf(text, sections);
  const segments: { start: number; end: number; extract: boolean }[] = [];
  if (extracts.length) {
    extracts.forEach((start, index) => segments.push({ start: index === 0 ? 0 : start, end: extracts[index + 1] ?? text.length, extract: true }));
  } else if (clusters.length) {
    let previousEnd = 0;
    clusters.forEach((cluster, index) => {
      const opening = openings.find((candidate) => candidate.start >= previousEnd && candidate.start <= cluster.start);
      const start = index === 0 ? 0 : (opening?.start ?? cluster.start);
      segments.push({ start, end: text.length, extract: false });
      previousEnd = cluster.end;
    });
    segments.forEach((segment, index) => (segment.end = segments[index + 1]?.start ?? text.length));
  } else {
    segments.push({ start: 0, end: text.length, extract: false });
  }
  const sittings = segments.map((segment) => {
    const cluster = clusters.find((candidate) => candidate.start >= segment.start && candidate.start < segment.end);
    return readSitting({ text, folded, ...segment, sections: cluster?.sections ?? [], openings });
  });
  const kept = sittings.filter((sitting) => sitting.date || sitting.deliberations.length || sitting.present.length);
  const warnings = kept.length ? [] : ["Aucune séance n'a été reconnue dans ce document."];
  return { sittings: kept, warnings };
}
