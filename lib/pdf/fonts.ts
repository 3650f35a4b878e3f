import { readFile } from "node:fs/promises";
import path from "node:path";

// DejaVu Sans (Bitstream Vera licence + public domain changes: embedding and
// redistribution allowed), read from the dejavu-fonts-ttf package: it covers
// French (é, œ, « », no-break spaces) and the ✓ of the certification box.

export type FontFiles = { regular: Uint8Array; bold: Uint8Array };

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

let cached: Promise<FontFiles> | undefined;

/** The TTF bytes, read once per process. */
export function loadFontFiles(): Promise<FontFiles> {
  cached ??= Promise.all([
    readFile(path.join(FONT_DIR, "DejaVuSans.ttf")),
    readFile(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")),
  ]).then(([regular, bold]) => ({ regular: new Uint8Array(regular), bold: new Uint8Array(bold) }));
  return cached;
}
