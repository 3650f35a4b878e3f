import path from "node:path";
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import { AppError } from "@/lib/errors";

// The text of an old extract or minutes, as a file brings it: a PDF's text
// layer (pdfjs-dist, lines rebuilt from where each piece of text stands on the
// page, running headers and page numbers set aside), or a text file in UTF-8,
// UTF-16 or the Windows-1252 of old office machines (an HTML page is read for
// its text). A scanned PDF has no text to read: it is refused, saying so.

export type DocumentText = {
  kind: "pdf" | "text";
  /** The document's lines, pages one after the other. */
  text: string;
  /** The line (0-based) where each page starts; one page for a text file. */
  pageStarts: number[];
  /** What was left out and why ("La page 3 est une image numérisée…"). */
  warnings: string[];
};

const SCANNED_PDF =
  "Ce PDF ne contient pas de texte : c'est une image numérisée (un scan). Faites-le d'abord passer par un logiciel de reconnaissance de caractères (OCR), ou importez le texte des délibérations.";

function refuse(message: string): never {
  throw new AppError("VALIDATION", message);
}

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** Whether the bytes are a PDF: "%PDF-" within the first kilobyte, as readers accept it. */
function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

/** Reads the document's text, or refuses it in French (empty, scanned, protected, not a document). */
export async function extractDocumentText(bytes: Uint8Array, fileName: string): Promise<DocumentText> {
  if (bytes.length === 0) refuse(`Le fichier « ${fileName} » est vide.`);
  if (isPdf(bytes)) return extractPdfText(bytes, fileName);
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    refuse(`« ${fileName} » est un document Word, OpenDocument ou une archive : enregistrez-le en PDF ou en texte avant de l'importer.`);
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) refuse(`« ${fileName} » est un document Word ancien (.doc) : enregistrez-le en PDF ou en texte avant de l'importer.`);
  const text = decodeText(bytes, fileName);
  if (/^\s*\{\\rtf/.test(text)) refuse(`« ${fileName} » est au format RTF : enregistrez-le en PDF ou en texte avant de l'importer.`);
  const plain = looksLikeHtml(text) ? htmlToText(text) : text;
  const normalized = plain.replace(/\r\n?/g, "\n").replace(/\f/g, "\n");
  if (!normalized.trim()) refuse(`Le fichier « ${fileName} » ne contient aucun texte.`);
  return { kind: "text", text: normalized, pageStarts: [0], warnings: [] };
}

// ---------------------------------------------------------------------------
// Text files.

/** UTF-8 (with or without BOM), UTF-16 with its BOM, else Windows-1252, the superset of Latin-1 old files are in. */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (startsWith(bytes, 0xff, 0xfe)) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, 0xfe, 0xff)) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (bytes.includes(0)) refuse(`« ${fileName} » n'est ni un PDF ni un fichier texte.`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html|<head|<body)/i.test(text) || /<\/(?:p|div|td|li|br|span|font)>/i.test(text.slice(0, 20_000));
}

const ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", laquo: "«", raquo: "»", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“",
  ndash: "–", mdash: "—", hellip: "…", euro: "€", deg: "°", oelig: "œ", OElig: "Œ", ccedil: "ç", Ccedil: "Ç", bull: "•", middot: "·", sup1: "¹", ordm: "º",
};
const ACCENTED: Record<string, string> = { acute: "\u0301", grave: "\u0300", circ: "\u0302", uml: "\u0308", cedil: "\u0327", tilde: "\u0303" };

function decodeEntity(entity: string): string {
  const numeric = /^#(x[0-9a-f]+|\d+)$/i.exec(entity);
  if (numeric) {
    const code = (numeric[1] as string).toLowerCase().startsWith("x") ? parseInt((numeric[1] as string).slice(1), 16) : Number(numeric[1]);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  }
  const named = ENTITIES[entity];
  if (named !== undefined) return named;
  // &eacute; &Agrave; &ocirc;…: the letter and its accent.
  const accented = /^([a-zA-Z])(acute|grave|circ|uml|cedil|tilde)$/.exec(entity);
  if (accented) return `${accented[1]}${ACCENTED[accented[2] as string]}`.normalize("NFC");
  return `&${entity};`;
}

/** An HTML page's text: blocks and line breaks as new lines, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/\s*\n\s*/g, " ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?(?:p|div|tr|li|ul|ol|table|h[1-6]|blockquote|section|article|header|footer)\b[^>]*>/gi, "\n")
    .replace(/<\/t[dh]\s*>/gi, "\t")
    .replace(/<[^>]+>/g, "")
    .replace(/&([#a-z0-9]+);/gi, (_, entity: string) => decodeEntity(entity))
    .replace(/[ \t]*\n[ \t]*/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// ---------------------------------------------------------------------------
// PDF files.

type PdfJs = typeof PdfJsModule;

let pdfjsModule: Promise<PdfJs> | undefined;
function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjsModule;
}

/** Where pdfjs-dist keeps the metrics of the 14 standard fonts and the character maps it reads text through. */
function pdfjsDataDirectories(): { standardFontDataUrl: string; cMapUrl: string } {
  // From the project's root, as lib/pdf/fonts.ts finds its fonts: inside Next's server bundle a resolved module is a number, not a path.
  const root = path.join(process.cwd(), "node_modules", "pdfjs-dist");
  return { standardFontDataUrl: `${path.join(root, "standard_fonts")}/`, cMapUrl: `${path.join(root, "cmaps")}/` };
}

/** A piece of text where the page puts it: baseline y (upwards), left x, right end, font size. */
type Piece = { text: string; x: number; y: number; right: number; size: number };

type TextItemLike = { str: string; transform: number[]; width: number; height: number };

function isTextItem(item: unknown): item is TextItemLike {
  return typeof item === "object" && item !== null && "str" in item && "transform" in item;
}

function piecesOf(items: readonly unknown[]): Piece[] {
  const pieces: Piece[] = [];
  for (const item of items) {
    if (!isTextItem(item) || item.str.length === 0) continue;
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(c, d) || item.height || 10;
    const width = item.width > 0 ? item.width : item.str.length * size * 0.5;
    pieces.push({ text: item.str, x, y, right: x + width, size });
  }
  return pieces;
}

/** The page's lines, top to bottom, pieces of one baseline left to right; a wide gap is a column ("\t"), a tall one a blank line. */
export function linesOfPieces(input: readonly Piece[]): string[] {
  const pieces = [...input].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Piece[][] = [];
  for (const piece of pieces) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && Math.abs(first.y - piece.y) <= 0.4 * Math.min(first.size, piece.size)) row.push(piece);
    else rows.push([piece]);
  }
  const lines: string[] = [];
  let previous: { y: number; size: number } | null = null;
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let line = "";
    let last: Piece | null = null;
    for (const piece of row) {
      // The same text drawn twice over itself (a bold imitated by overprinting) counts once.
      if (last && piece.text === last.text && Math.abs(piece.x - last.x) < 0.5) continue;
      if (last) {
        const gap = piece.x - last.right;
        if (gap > 3 * last.size) line = `${line.trimEnd()}\t`;
        else if (gap > 0.2 * last.size && !/\s$/.test(line) && !/^\s/.test(piece.text)) line += " ";
      }
      line += piece.text;
      last = piece;
    }
    const top = row[0] as Piece;
    const size = Math.max(...row.map((piece) => piece.size));
    if (previous && previous.y - top.y > 1.7 * Math.max(previous.size, size)) lines.push("");
    lines.push(line.replace(/[ \u00a0]+/g, " ").replace(/ ?\t ?/g, "\t").trim());
    previous = { y: top.y, size };
  }
  return lines;
}

const PAGE_NUMBER = /^(?:page\s*)?#+(?:\s*(?:\/|sur|de)\s*#+)?$/i;

/** Lines a page repeats at its top or bottom (running header, footer, page number), set aside: they would cut the lists they fall into. */
export function withoutRunningLines(pages: readonly string[][]): string[][] {
  const shape = (line: string) => line.replace(/\d+/g, "#").replace(/\s+/g, " ").trim().toLowerCase();
  const edges = (lines: readonly string[]) => {
    const filled = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.trim());
    return [...filled.slice(0, 3), ...filled.slice(-3)];
  };
  const pagesOfShape = new Map<string, Set<number>>();
  pages.forEach((lines, page) => {
    for (const { line } of edges(lines)) {
      const key = shape(line);
      pagesOfShape.set(key, (pagesOfShape.get(key) ?? new Set()).add(page));
    }
  });
  const repeated = (key: string) => pages.length >= 2 && (pagesOfShape.get(key)?.size ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines) => {
    const dropped = new Set(edges(lines).filter(({ line }) => PAGE_NUMBER.test(shape(line)) || repeated(shape(line))).map(({ index }) => index));
    const kept = lines.filter((_, index) => !dropped.has(index));
    while (kept.length && !kept[0]?.trim()) kept.shift();
    while (kept.length && !kept.at(-1)?.trim()) kept.pop();
    return kept;
  });
}

/** The pages (1-based) that draw an image: told apart without decoding any, from each page's resources. */
async function pagesWithImages(bytes: Uint8Array): Promise<Set<number>> {
  const pages = new Set<number>();
  try {
    const document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    document.getPages().forEach((page, index) => {
      const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
      for (const value of xObjects?.values() ?? []) {
        const object = document.context.lookup(value);
        const dict = object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : null;
        if (dict?.get(PDFName.of("Subtype"))?.toString() === "/Image") pages.add(index + 1);
      }
    });
  } catch {
    // A file pdf-lib cannot read is judged on its text alone.
  }
  return pages;
}

function isPasswordError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "name" in error && (error as { name: unknown }).name === "PasswordException";
}

async function extractPdfText(bytes: Uint8Array, fileName: string): Promise<DocumentText> {
  const pdfjs = await loadPdfJs();
  // pdfjs takes the buffer over: it reads a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    ...pdfjsDataDirectories(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (error) {
    if (isPasswordError(error)) refuse(`« ${fileName} » est protégé par un mot de passe : enregistrez-en une copie sans protection avant de l'importer.`);
    refuse(`« ${fileName} » n'est pas un PDF lisible (fichier abîmé ou incomplet).`);
  }
  try {
    const pages: string[][] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(linesOfPieces(piecesOf(content.items)));
      page.cleanup();
    }
    const empty = pages.map((lines, index) => ({ page: index + 1, empty: lines.join("").replace(/\s+/g, "").length < 20 })).filter((page) => page.empty);
    const warnings: string[] = [];
    if (empty.length) {
      const images = await pagesWithImages(bytes);
      if (empty.length === pages.length) refuse(images.size ? SCANNED_PDF : `« ${fileName} » ne contient aucun texte lisible.`);
      for (const { page } of empty) {
        if (images.has(page)) warnings.push(`La page ${page} est une image numérisée, sans texte : elle n'a pas été lue.`);
      }
    }
    const kept = withoutRunningLines(pages);
    const pageStarts: number[] = [];
    const lines: string[] = [];
    for (const page of kept) {
      pageStarts.push(lines.length);
      lines.push(...page);
    }
    return { kind: "pdf", text: lines.join("\n"), pageStarts, warnings };
  } finally {
    await pdf.destroy();
  }
}
