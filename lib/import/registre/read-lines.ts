import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";

// The lines of a stream, one at a time, pulled as the reader asks for them: the
// file is read no faster than it is written to the database, and only the
// current line (an annex's base64 may be long) and one chunk are held.

export type FileLine = {
  /** 1 for the first line. */
  number: number;
  text: string;
  /** Whether a line break ended it: the last line of a file cut short has none. */
  terminated: boolean;
};

export async function* readLines(stream: Readable, onChunk?: (chunk: Buffer) => void): AsyncGenerator<FileLine> {
  const decoder = new StringDecoder("utf8");
  let pending: string[] = [];
  let number = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    onChunk?.(chunk);
    const text = decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf("\n", start); end !== -1; end = text.indexOf("\n", start)) {
      pending.push(text.slice(start, end));
      number += 1;
      const line = pending.join("");
      pending = [];
      yield { number, text: line.endsWith("\r") ? line.slice(0, -1) : line, terminated: true };
      start = end + 1;
    }
    if (start < text.length) pending.push(text.slice(start));
  }
  const rest = pending.join("") + decoder.end();
  if (rest) yield { number: number + 1, text: rest, terminated: false };
}
