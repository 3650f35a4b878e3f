
// Text as runs of one style, wrapped into lines that fit a width.

export type RunStyle = "regular" | "bold";
export type TextRun = { text: string; style: RunStyle };
/** `joined`: continues the previous word (a change of style inside a word): no space before it. */
export type PlacedWord = { text: string; style: RunStyle; x: number; joined: boolean };
export type Line = { words: PlacedWord[]; width: number };

/** Width in points of `text` set in `style` (the font size is the caller's). */
export type Measure = (text: string, style: RunStyle) => number;

type Word = { parts: TextRun[] };

/** Words across runs: "**APPROUVER** la" is two words, "**ab**cd" one word of two styles. */
function toWords(runs: TextRun[]): Word[] {
  const words: Word[] = [];
  let current: TextRun[] = [];
  const flush = () => {
    if (current.length > 0) words.push({ parts: current });
    current = [];
  };
  for (const run of runs) {
    const pieces = run.text.split(/([ \t\n]+)/);
    for (const piece of pieces) {
      if (piece.length === 0) continue;
      if (/^[ \t\n]+$/.test(piece)) {
        flush();
        continue;
      }
      current.push({ text: piece, style: run.style });
    }
  }
  flush();
  return words;
}

function wordWidth(word: Word, measure: Measure): number {
  return word.parts.reduce((total, part) => total + measure(part.text, part.style), 0);
}

/** Splits a word wider than the line (an identifier, a URL) into pieces that fit. */
function splitLongWord(word: Word, measure: Measure, maxWidth: number): Word[] {
  const pieces: Word[] = [];
  let current: TextRun[] = [];
  let width = 0;
  for (const part of word.parts) {
    for (const character of Array.from(part.text)) {
      const characterWidth = measure(character, part.style);
      if (width + characterWidth > maxWidth && current.length > 0) {
        pieces.push({ parts: current });
        current = [];
        width = 0;
      }
      const last = current.at(-1);
      if (last && last.style === part.style) last.text += character;
      else current.push({ text: character, style: part.style });
      width += characterWidth;
    }
  }
  if (current.length > 0) pieces.push({ parts: current });
  return pieces;
}

/**
 * Greedy line breaking at breakable spaces: no-break spaces (U+00A0, U+202F)
 * hold their neighbours together; a word wider than the line is cut.
 */
export function wrapRuns(runs: TextRun[], measure: Measure, maxWidth: number): Line[] {
  const space = measure(" ", "regular");
  const lines: Line[] = [];
  let words: PlacedWord[] = [];
  let x = 0;
  const pushLine = () => {
    if (words.length > 0) lines.push({ words, width: x });
    words = [];
    x = 0;
  };
  const place = (word: Word, width: number) => {
    const start = words.length === 0 ? 0 : x + space;
    let offset = start;
    word.parts.forEach((part, index) => {
      words.push({ text: part.text, style: part.style, x: offset, joined: index > 0 });
      offset += measure(part.text, part.style);
    });
    x = start + width;
  };
  for (const word of toWords(runs)) {
    const width = wordWidth(word, measure);
    if (width > maxWidth) {
      for (const piece of splitLongWord(word, measure, maxWidth)) {
        const pieceWidth = wordWidth(piece, measure);
        if (words.length > 0 && x + space + pieceWidth > maxWidth) pushLine();
        place(piece, pieceWidth);
      }
      continue;
    }
    if (words.length > 0 && x + space + width > maxWidth) pushLine();
    place(word, width);
  }
  pushLine();
  return lines;
}

/** Plain text as one regular run. */
export function plain(text: string): TextRun[] {
  return [{ text, style: "regular" }];
}

/** Bold text as one run. */
export function bold(text: string): TextRun[] {
  return [{ text, style: "bold" }];
}

