import type { TextRun } from "./text-runs";

// The subset of Markdown the clerks write in reports and proposals, as blocks
// for the PDF: paragraphs, bulleted items, hard line breaks ("  \n") and bold.

export type TextBlock = { kind: "paragraph" | "bullet"; lines: TextRun[][] };

/** "**APPROUVER** la démarche" → a bold run and a regular one; unmatched "**" stay as text. */
export function parseInline(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const pattern = /\*\*(.+?)\*\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index), style: "regular" });
    runs.push({ text: match[1] ?? "", style: "bold" });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), style: "regular" });
  return runs.map((run) => ({ ...run, text: run.text.replace(/\\([*_\\])/g, "$1") }));
}

const BULLET = /^\s*[-*+]\s+/;

/** Splits a block's source into its lines: a hard break ends a line, a plain newline does not. */
function hardLines(source: string): TextRun[][] {
  return source
    .split(/ {2,}\n|\\\n/)
    .map((line) => parseInline(line.replace(/\s*\n\s*/g, " ").trim()))
    .filter((line) => line.length > 0);
}

export function markdownBlocks(source: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of source.replace(/\r\n/g, "\n").split(/\n\s*\n/)) {
    if (chunk.trim().length === 0) continue;
    const rows = chunk.split("\n");
    if (!BULLET.test(rows[0] ?? "")) {
      blocks.push({ kind: "paragraph", lines: hardLines(chunk) });
      continue;
    }
    // A list: each "- " starts an item; following lines belong to it.
    let item: string[] = [];
    const flush = () => {
      if (item.length > 0) blocks.push({ kind: "bullet", lines: hardLines(item.join("\n")) });
      item = [];
    };
    for (const row of rows) {
      if (BULLET.test(row)) {
        flush();
        item.push(row.replace(BULLET, ""));
      } else {
        item.push(row);
      }
    }
    flush();
  }
  return blocks;
}
