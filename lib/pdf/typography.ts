// French typography for text set in a PDF: the spaces that must not break.
// U+00A0 (no-break space) before ":" and inside « », U+202F (narrow no-break
// space) before ";", "!" and "?", as the Imprimerie nationale sets them.

export const NBSP = "\u00a0";
export const NNBSP = "\u202f";

/** Replaces the ordinary space before high punctuation and inside guillemets by a no-break one. */
export function frenchSpacing(text: string): string {
  return text
    .replace(/[ \u00a0\u202f]+:/g, `${NBSP}:`)
    .replace(/[ \u00a0\u202f]+([;!?])/g, `${NNBSP}$1`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`)
    // Numbers and their unit or sign stay together ("4,5 ETP", "N° 91").
    .replace(/N° /g, `N°${NBSP}`);
}

