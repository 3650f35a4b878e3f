import { createReadStream } from "node:fs";
import { pipeline, Readable } from "node:stream";
import { parse } from "csv-parse";
import { AppError } from "@/lib/errors";
import { detectDelimiter, readHeader, type Delimiter, type ScdlHeader } from "./header";

// Reads an SCDL CSV file as a stream of records, never the whole file in
// memory: bytes → text (UTF-8 with or without its byte order mark; a file
// that is not valid UTF-8 is read again as Windows-1252, what French
// spreadsheets on Windows write) → csv-parse (quoted fields holding the
// separator, quotes or line breaks; CRLF, LF or CR line ends). The separator
// is read from the header line. Each record carries the physical line where
// it starts (a quoted field may span several lines), which is how the
// report names it. A quote a generator forgot to double is recovered
// (unwrapLooseQuotes). Records whose every cell is blank (the `;;;;` lines
// spreadsheets leave) are skipped and counted.

export type TextEncodingName = "utf-8" | "windows-1252";

export type ScdlRecord = { line: number; cells: string[] };

export type ScdlFile = {
  header: ScdlHeader;
  delimiter: Delimiter;
  encoding: TextEncodingName;
  /** The records after the header, in file order. */
  records: AsyncGenerator<ScdlRecord>;
  /** Blank records skipped so far. */
  blankRecords: () => number;
};

/** Thrown while reading as UTF-8 a file that is not: read it again as Windows-1252. */
export class NotUtf8Error extends Error {
  constructor() {
    super("Le fichier n'est pas en UTF-8.");
    this.name = "NotUtf8Error";
  }
}

/** A header line longer than this is not a header (a file of one line, or not a CSV). */
const MAX_HEADER_CHARACTERS = 64 * 1024;

async function* fileBytes(path: string, onBytes?: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    onBytes?.(chunk as Buffer);
    yield chunk as Buffer;
  }
}

async function* decodedText(bytes: AsyncGenerator<Buffer>, encoding: TextEncodingName): AsyncGenerator<string> {
  // fatal: a byte sequence that is not UTF-8 stops the reading instead of becoming "�".
  const decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
  try {
    for await (const chunk of bytes) {
      const text = decoder.decode(chunk, { stream: true });
      if (text !== "") yield text;
    }
    const rest = decoder.decode();
    if (rest !== "") yield rest;
  } catch (error) {
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code === "ERR_ENCODING_INVALID_ENCODED_DATA") throw new NotUtf8Error();
    throw error;
  }
}

/** The end of the header line: the first line break outside quotes; -1 while it has not come. */
function headerLineEnd(text: string): number {
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === "\n" || character === "\r")) return index;
  }
  return -1;
}

/**
 * A field that a generator quoted without doubling the quotes inside
 * ("Convention "Petites villes de demain" - avenant", Mégalis Bretagne's
 * files) is read by csv-parse's relaxed mode as an unquoted field, its outer
 * quotes kept: they are taken off. A well-formed quoted field never comes out
 * of the parser still wrapped in quotes with a bare quote inside.
 */
export function unwrapLooseQuotes(cell: string): string {
  if (cell.length < 2 || !cell.startsWith('"') || !cell.endsWith('"')) return cell;
  const inside = cell.slice(1, -1);
  return inside.includes('"') ? inside : cell;
}

/** Line breaks inside a record's cells (a quoted field may hold CRLF, LF or a lone CR, each ending one line). */
function lineBreaksIn(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.indexOf("\n") < 0 && cell.indexOf("\r") < 0) continue;
    for (let index = 0; index < cell.length; index += 1) {
      const character = cell.charCodeAt(index);
      if (character === 10) count += 1;
      else if (character === 13) {
        count += 1;
        if (cell.charCodeAt(index + 1) === 10) index += 1;
      }
    }
  }
  return count;
}

function csvProblem(error: unknown, line: number): AppError {
  const code = (error as { code?: string }).code;
  const why =
    code === "CSV_QUOTE_NOT_CLOSED"
      ? "un champ ouvert par des guillemets n'est jamais refermé"
      : code === "CSV_INVALID_CLOSING_QUOTE"
        ? "des guillemets fermants sont suivis d'autre chose que le séparateur ou une fin de ligne (doublez les guillemets à l'intérieur d'un texte : \"\")"
        : `le CSV est mal formé (${(error as Error).message})`;
  return new AppError("VALIDATION", `Ligne ${line} : ${why}. La lecture du fichier s'arrête là.`);
}

/**
 * Opens an SCDL file: reads its header line (refusing a file that is no SCDL
 * « Délibérations » file) and returns its records as they are read.
 * `onBytes` sees every byte read (the import hashes the file with it). A
 * caller that has already checked the file is UTF-8 (`validUtf8`) lets its
 * bytes go to the parser as they are, without a decoding pass.
 */
export async function openScdlFile(
  path: string,
  options: { encoding?: TextEncodingName; validUtf8?: boolean; onBytes?: (chunk: Buffer) => void } = {},
): Promise<ScdlFile> {
  const encoding = options.encoding ?? "utf-8";
  const direct = encoding === "utf-8" && options.validUtf8 === true;
  const bytes = fileBytes(path, options.onBytes);
  const chunks: AsyncGenerator<string | Buffer> = direct ? bytes : decodedText(bytes, encoding);
  // The header line first, to know the separator before parsing.
  const buffered: (string | Buffer)[] = [];
  let seen = "";
  let end = -1;
  while (end < 0) {
    const next = await chunks.next();
    if (next.done) break;
    buffered.push(next.value);
    seen += typeof next.value === "string" ? next.value : next.value.toString("utf8");
    end = headerLineEnd(seen);
    if (end < 0 && seen.length > MAX_HEADER_CHARACTERS) {
      await chunks.return(undefined);
      throw new AppError("VALIDATION", "La première ligne du fichier dépasse 64 Kio sans fin de ligne : ce n'est pas l'en-tête d'un fichier CSV.");
    }
  }
  const headerLine = (end < 0 ? seen : seen.slice(0, end)).replace(/^\uFEFF/, "");
  if (headerLine.trim() === "") {
    await chunks.return(undefined);
    throw new AppError("VALIDATION", "Le fichier est vide ou commence par une ligne vide : la première ligne doit être l'en-tête (COLL_NOM, COLL_SIRET, DELIB_ID…).");
  }
  const delimiter = detectDelimiter(headerLine);

  const parser = parse({
    delimiter,
    // UTF-8's byte order mark, when the bytes come as they are (TextDecoder drops it otherwise).
    bom: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    // A quote inside an unquoted field is kept as written (2021-07-02" in some generated files).
    relax_quotes: true,
    skip_empty_lines: false,
  });
  const source = Readable.from(
    (async function* () {
      yield* buffered;
      yield* chunks;
    })(),
  );
  // pipeline, not pipe: an error of the source (not UTF-8) reaches the parser, and so the records' reader.
  pipeline(source, parser, () => {});

  // Each record ends with one line break, plus those inside its quoted fields.
  let nextLine = 1;
  let blank = 0;
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await iterator.next().catch((error: unknown) => {
    throw error instanceof NotUtf8Error ? error : csvProblem(error, 1);
  });
  if (first.done) throw new AppError("VALIDATION", "Le fichier est vide.");
  nextLine += 1 + lineBreaksIn(first.value);
  const headerRead = readHeader(first.value);
  if (!headerRead.ok) {
    parser.destroy();
    throw new AppError("VALIDATION", `Ligne 1 : ${headerRead.reason}`);
  }

  async function* records(): AsyncGenerator<ScdlRecord> {
    try {
      for (;;) {
        let next: IteratorResult<string[]>;
        try {
          next = await iterator.next();
        } catch (error) {
          throw error instanceof NotUtf8Error ? error : csvProblem(error, nextLine);
        }
        if (next.done) return;
        const line = nextLine;
        nextLine += 1 + lineBreaksIn(next.value);
        const cells = next.value.map(unwrapLooseQuotes);
        if (cells.every((cell) => cell.trim() === "")) {
          blank += 1;
          continue;
        }
        yield { line, cells };
      }
    } finally {
      parser.destroy();
    }
  }

  return { header: headerRead.header, delimiter, encoding, records: records(), blankRecords: () => blank };
}
