import { isCalendarDate, isoDate } from "@/lib/domain/calendar";

// Days and hours as minutes write them, in figures or in words: "7 avril
// 2022", "06/03/2018", "L'an deux mil trois, le vingt sept mars", "à vingt
// heures trente", "à 20 h 30", "14h00". Every pattern here reads folded text
// (foldText: lower case, no accents, one character for one).

const UNITS: Record<string, number> = {
  zero: 0, un: 1, une: 1, premier: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
};

const NUMBER_WORD = "(?:zero|une?|premier|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille|mil)";

/** A number in words, "vingt-sept", "deux mil trois", "quatre-vingt-dix-neuf": one word after another, with "et" and dashes. */
export const NUMBER_IN_WORDS = `${NUMBER_WORD}(?:(?:[\\s-]+et)?[\\s-]+${NUMBER_WORD})*`;

/** The value of a number in words, or null when a word is not one. */
export function numberFromWords(words: string): number | null {
  let total = 0;
  let current = 0;
  for (const word of words.split(/[\s-]+/).filter((part) => part && part !== "et")) {
    if (word === "mil" || word === "mille") {
      total += (current || 1) * 1000;
      current = 0;
    } else if (word === "cent" || word === "cents") {
      current = (current || 1) * 100;
    } else if (word in UNITS) {
      const value = UNITS[word] as number;
      // "quatre-vingt": four twenties.
      if (value === 20 && current % 100 === 4) current += 76;
      else current += value;
    } else {
      return null;
    }
  }
  return total + current;
}

/** A number in figures or words, "12", "1er", "douze". */
export function numberOf(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+(?:er|e|eme)?$/.test(trimmed)) return parseInt(trimmed, 10);
  return numberFromWords(trimmed);
}

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, fevrier: 2, fevr: 2, fev: 2, mars: 3, avril: 4, avr: 4, mai: 5, juin: 6, juillet: 7, juil: 7, aout: 8, septembre: 9, sept: 9,
  octobre: 10, oct: 10, novembre: 11, nov: 11, decembre: 12, dec: 12,
};
export const MONTH = "(?:janvier|janv\\.?|fevrier|fevr\\.?|fev\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|aout|septembre|sept\\.?|octobre|oct\\.?|novembre|nov\\.?|decembre|dec\\.?)";
export const WEEKDAY = "(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)";
const DAY = `(?:\\d{1,2}(?:er)?|${NUMBER_IN_WORDS})`;
const YEAR = `(?:\\d{4}|${NUMBER_IN_WORDS})`;

/** "7 avril 2022", "lundi 11 avril 2022", "vingt sept mars deux mil trois", "06/03/2018", "28.3.2014", "2022-04-07". */
export const DATE = `(?:(?:${WEEKDAY}\\s+)?${DAY}\\s+${MONTH}\\s+${YEAR}|\\d{1,2}\\s*[/.]\\s*\\d{1,2}\\s*[/.]\\s*(?:\\d{4}|\\d{2})\\b|\\d{4}-\\d{2}-\\d{2})`;

function dayOf(year: number, month: number, day: number): string | null {
  return isCalendarDate(year, month, day) ? isoDate(year, month, day) : null;
}

/** Two-figure years of old files: 98 is 1998, 05 is 2005. */
function fullYear(year: number): number {
  if (year >= 100) return year;
  return year >= 70 ? 1900 + year : 2000 + year;
}

/** The day a DATE match says ("YYYY-MM-DD"), or null when it is no day of the calendar. */
export function parseDate(folded: string): string | null {
  const text = folded.trim().replace(/\s+/g, " ");
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return dayOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2}) ?[/.] ?(\d{1,2}) ?[/.] ?(\d{2,4})$/.exec(text);
  if (numeric) return dayOf(fullYear(Number(numeric[3])), Number(numeric[2]), Number(numeric[1]));
  const words = new RegExp(`^(?:${WEEKDAY} )?(.+?) (${MONTH}) (.+)$`).exec(text);
  if (!words) return null;
  const day = numberOf(words[1] as string);
  const month = MONTHS[(words[2] as string).replace(/\.$/, "")];
  const year = numberOf(words[3] as string);
  return day !== null && month !== undefined && year !== null ? dayOf(fullYear(year), month, day) : null;
}

/** The day in "le vingt sept mars" of a sitting whose year is said apart ("L'an deux mil trois"). */
export function parseDayAndMonth(folded: string, year: number): string | null {
  const match = new RegExp(`^(?:${WEEKDAY} )?(.+?) (${MONTH})$`).exec(folded.trim().replace(/\s+/g, " "));
  if (!match) return null;
  const day = numberOf(match[1] as string);
  const month = MONTHS[(match[2] as string).replace(/\.$/, "")];
  return day !== null && month !== undefined ? dayOf(year, month, day) : null;
}

const MINUTES_IN_WORDS = `(?:${NUMBER_IN_WORDS}|et demie|et quart)`;

/** "20h30", "20 h 30", "20 heures 30", "14h00", "20 H", "vingt heures trente", "dix-neuf heures trente minutes", "midi". */
export const HOUR = `(?:\\d{1,2}\\s*(?:heures?|h)\\s*(?:\\d{2})?(?:\\s*(?:min(?:utes?)?)\\b)?|\\d{1,2}:\\d{2}|${NUMBER_IN_WORDS}\\s+heures?(?:\\s+${MINUTES_IN_WORDS})?(?:\\s+minutes?)?|midi|minuit)`;

/** "HH:MM" for a HOUR match, or null when it is no time of day. */
export function parseHour(folded: string): string | null {
  const text = folded.trim().replace(/\s+/g, " ");
  let hours: number | null = null;
  let minutes: number | null = 0;
  const figures = /^(\d{1,2}) ?(?:heures?|h|:) ?(\d{2})?/.exec(text);
  if (text === "midi") hours = 12;
  else if (text === "minuit") hours = 0;
  else if (figures) {
    hours = Number(figures[1]);
    minutes = figures[2] ? Number(figures[2]) : 0;
  } else {
    const words = /^(.+?) heures?(?: (.+?))?(?: minutes?)?$/.exec(text);
    if (words) {
      hours = numberFromWords(words[1] as string);
      const rest = words[2];
      minutes = rest === undefined ? 0 : rest === "et demie" ? 30 : rest === "et quart" ? 15 : numberFromWords(rest);
    }
  }
  if (hours === null || minutes === null || hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}
