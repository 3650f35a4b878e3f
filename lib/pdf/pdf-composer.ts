import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, degrees, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import { loadFontFiles } from "./fonts";
import { A4, CONTENT_WIDTH, MARGINS, fitsOnPage, pageLabel } from "./page-geometry";
import { wrapRuns, type Line, type RunStyle, type TextRun } from "./text-runs";
import { frenchSpacing } from "./typography";

// Lays text out on A4 pages, top to bottom: a block moves to the next page
// whole when asked to stay together, and a paragraph breaks between lines,
// never through one. Page numbers and the running header are drawn last, when
// the page count is known.

export type Align = "left" | "center" | "right" | "justify";

export type ParagraphOptions = {
  size?: number;
  align?: Align;
  /** Left indent in points. */
  indent?: number;
  /** A marker hung in the indent of the first line ("•", "1"). */
  marker?: string;
  spaceBefore?: number;
  spaceAfter?: number;
  /** Move the whole paragraph to the next page rather than split it. */
  keepTogether?: boolean;
  /** The paragraph's first lines stay with the next block (a heading). */
  keepWithNext?: boolean;
};

export type DocumentInfo = { title: string; author: string; subject: string; keywords: string[]; creator: string };

const INK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const LEADING = 1.32;

export class PdfComposer {
  private page: PDFPage;
  private y: number;

  private constructor(
    readonly doc: PDFDocument,
    private readonly fonts: Record<RunStyle, PDFFont>,
  ) {
    this.page = this.addPage();
    this.y = A4.height - MARGINS.top;
  }

  static async create(info: DocumentInfo): Promise<PdfComposer> {
    const files = await loadFontFiles();
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    const [regular, bold] = await Promise.all([
      doc.embedFont(files.regular, { subset: true }),
      doc.embedFont(files.bold, { subset: true }),
    ]);
    doc.setTitle(info.title, { showInWindowTitleBar: true });
    doc.setAuthor(info.author);
    doc.setSubject(info.subject);
    doc.setKeywords(info.keywords);
    doc.setCreator(info.creator);
    doc.setProducer(info.creator);
    doc.setLanguage("fr-FR");
    return new PdfComposer(doc, { regular, bold });
  }

  private addPage(): PDFPage {
    return this.doc.addPage([A4.width, A4.height]);
  }

  private newPage(): void {
    this.page = this.addPage();
    this.y = A4.height - MARGINS.top;
  }

  measure(text: string, style: RunStyle, size: number): number {
    return this.fonts[style].widthOfTextAtSize(text, size);
  }

  lineHeight(size: number): number {
    return size * LEADING;
  }

  /** Breaks runs into lines of `width` at `size`, French spacing applied. */
  wrap(runs: TextRun[], size: number, width: number): Line[] {
    const spaced = runs.map((run) => ({ ...run, text: frenchSpacing(run.text) }));
    return wrapRuns(spaced, (text, style) => this.measure(text, style, size), width);
  }

  /** Moves to a new page unless `height` points fit below the cursor. */
  ensureSpace(height: number): void {
    if (!fitsOnPage(this.y, height) && this.y < A4.height - MARGINS.top) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  private drawLine(line: Line, x: number, baselineY: number, size: number, align: Align, width: number, last: boolean) {
    let offset = 0;
    let stretch = 0;
    if (align === "center") offset = (width - line.width) / 2;
    else if (align === "right") offset = width - line.width;
    else if (align === "justify" && !last) {
      const gaps = line.words.filter((word) => !word.joined).length - 1;
      if (gaps > 0) stretch = (width - line.width) / gaps;
    }
    let gapIndex = -1;
    for (const word of line.words) {
      if (!word.joined) gapIndex += 1;
      this.page.drawText(word.text, {
        x: x + offset + word.x + stretch * Math.max(gapIndex, 0),
        y: baselineY,
        size,
        font: this.fonts[word.style],
        color: INK,
      });
    }
  }

  paragraph(runs: TextRun[], options: ParagraphOptions = {}): void {
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    const align = options.align ?? "left";
    const width = CONTENT_WIDTH - indent;
    const lines = this.wrap(runs, size, width);
    const lineHeight = this.lineHeight(size);
    this.y -= options.spaceBefore ?? 0;
    if (options.keepTogether) this.ensureSpace(lines.length * lineHeight);
    // A heading never ends a page alone: it takes the next three lines' room with it.
    if (options.keepWithNext) this.ensureSpace(lines.length * lineHeight + 3 * lineHeight);
    lines.forEach((line, index) => {
      this.ensureSpace(lineHeight);
      const baseline = this.y - size;
      if (index === 0 && options.marker) {
        this.page.drawText(options.marker, { x: MARGINS.left + indent - 12, y: baseline, size, font: this.fonts.regular, color: INK });
      }
      this.drawLine(line, MARGINS.left + indent, baseline, size, align, width, index === lines.length - 1);
      this.y -= lineHeight;
    });
    this.y -= options.spaceAfter ?? 4;
  }

  /** Several lines inside a ruled frame, kept on one page. */
  framed(lines: { runs: TextRun[]; size?: number; align?: Align }[], options: { width?: number; padding?: number; spaceBefore?: number } = {}): void {
    const padding = options.padding ?? 8;
    const width = options.width ?? CONTENT_WIDTH;
    const left = MARGINS.left + (CONTENT_WIDTH - width) / 2;
    const inner = width - 2 * padding;
    const laid = lines.map((entry) => {
      const size = entry.size ?? 9.5;
      return { size, align: entry.align ?? "left", lines: this.wrap(entry.runs, size, inner) };
    });
    const height = laid.reduce((total, entry) => total + entry.lines.length * this.lineHeight(entry.size), 0) + 2 * padding;
    this.y -= options.spaceBefore ?? 0;
    this.ensureSpace(height);
    this.page.drawRectangle({ x: left, y: this.y - height, width, height, borderColor: INK, borderWidth: 1 });
    let cursor = this.y - padding;
    for (const entry of laid) {
      entry.lines.forEach((line, index) => {
        this.drawLine(line, left + padding, cursor - entry.size, entry.size, entry.align, inner, index === entry.lines.length - 1);
        cursor -= this.lineHeight(entry.size);
      });
    }
    this.y -= height + 6;
  }

  /** Side-by-side columns (the report's heading block, a row of the tally), kept on one page. */
  columns(cells: { lines: TextRun[][]; x: number; width: number; align?: Align }[], options: { size?: number; spaceAfter?: number } = {}): void {
    const size = options.size ?? 10;
    const laid = cells.map((cell) => ({ ...cell, lines: cell.lines.flatMap((runs) => this.wrap(runs, size, cell.width)) }));
    const lineHeight = this.lineHeight(size);
    const height = Math.max(...laid.map((cell) => cell.lines.length)) * lineHeight;
    this.ensureSpace(height);
    for (const cell of laid) {
      cell.lines.forEach((line, index) => {
        this.drawLine(line, MARGINS.left + cell.x, this.y - size - index * lineHeight, size, cell.align ?? "left", cell.width, true);
      });
    }
    this.y -= height + (options.spaceAfter ?? 2);
  }

  rule(options: { spaceBefore?: number; spaceAfter?: number } = {}): void {
    this.y -= options.spaceBefore ?? 6;
    this.ensureSpace(1);
    this.page.drawLine({
      start: { x: MARGINS.left, y: this.y },
      end: { x: A4.width - MARGINS.right, y: this.y },
      thickness: 0.6,
      color: GREY,
    });
    this.y -= options.spaceAfter ?? 8;
  }

  /**
   * The visible seal: a frame with the signer's lines on the left and, on the
   * right, a QR code leading to the verification page. Kept on one page.
   */
  async seal(lines: TextRun[][], qrText: string): Promise<void> {
    const size = 9;
    const qrSide = 78;
    const padding = 8;
    const width = CONTENT_WIDTH;
    const textWidth = width - qrSide - 3 * padding;
    const laid = lines.map((runs) => this.wrap(runs, size, textWidth));
    const textHeight = laid.reduce((total, entry) => total + entry.length * this.lineHeight(size), 0);
    const height = Math.max(textHeight, qrSide) + 2 * padding;
    this.y -= 10;
    this.ensureSpace(height);
    const left = MARGINS.left;
    const top = this.y;
    this.page.drawRectangle({ x: left, y: top - height, width, height, borderColor: INK, borderWidth: 1.2 });
    let cursor = top - padding;
    for (const entry of laid) {
      for (const line of entry) {
        this.drawLine(line, left + padding, cursor - size, size, "left", textWidth, true);
        cursor -= this.lineHeight(size);
      }
    }
    drawQrCode(this.page, qrText, { x: left + width - padding - qrSide, y: top - padding - qrSide, side: qrSide });
    this.y -= height + 6;
  }

  /** A mark across every page ("DOCUMENT DE TRAVAIL"), drawn under nothing: it is the last layer. */
  watermark(text: string): void {
    const size = 54;
    for (const page of this.doc.getPages()) {
      const width = this.measure(text, "bold", size);
      page.drawText(text, {
        x: A4.width / 2 - (width / 2) * Math.cos(Math.PI / 5),
        y: A4.height / 2 - (width / 2) * Math.sin(Math.PI / 5),
        size,
        font: this.fonts.bold,
        color: rgb(0.8, 0.1, 0.1),
        opacity: 0.18,
        rotate: degrees(36),
      });
    }
  }

  /**
   * Page numbers "1/3" on every page (or the label `folio` gives, such as the register's sheet
   * numbers running through a year) and the running header from the second page on.
   */
  finish({ runningHeader, folio }: { runningHeader: string; folio?: (index: number, count: number) => string }): PDFDocument {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => {
      const label = folio ? folio(index, pages.length) : pageLabel(index, pages.length);
      const labelSize = 8.5;
      page.drawText(label, {
        x: A4.width / 2 - this.measure(label, "regular", labelSize) / 2,
        y: MARGINS.bottom / 2 - labelSize / 2,
        size: labelSize,
        font: this.fonts.regular,
        color: GREY,
      });
      if (index === 0) return;
      const headerSize = 8;
      const [headerLine] = this.wrap([{ text: runningHeader, style: "regular" }], headerSize, CONTENT_WIDTH);
      if (headerLine) this.drawHeaderLine(page, headerLine, headerSize);
      page.drawLine({
        start: { x: MARGINS.left, y: A4.height - MARGINS.top + 10 },
        end: { x: A4.width - MARGINS.right, y: A4.height - MARGINS.top + 10 },
        thickness: 0.5,
        color: GREY,
      });
    });
    return this.doc;
  }

  private drawHeaderLine(page: PDFPage, line: Line, size: number): void {
    for (const word of line.words) {
      page.drawText(word.text, {
        x: MARGINS.left + word.x,
        y: A4.height - MARGINS.top + 16,
        size,
        font: this.fonts[word.style],
        color: GREY,
      });
    }
  }
}

/** The QR code as vector squares: crisp at any zoom and no image to encode. */
export function drawQrCode(page: PDFPage, text: string, { x, y, side }: { x: number; y: number; side: number }): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const count = qr.modules.size;
  const cell = side / count;
  let path = "";
  for (let row = 0; row < count; row += 1) {
    for (let column = 0; column < count; column += 1) {
      if (qr.modules.get(row, column)) path += `M${column * cell} ${row * cell}h${cell}v${cell}h${-cell}z`;
    }
  }
  // drawSvgPath's origin is the top-left corner, y growing downwards as in SVG.
  page.drawSvgPath(path, { x, y: y + side, color: INK, borderWidth: 0 });
}
