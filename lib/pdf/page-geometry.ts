// A4 in PostScript points, with margins fit for printing and binding.

export const A4 = { width: 595.28, height: 841.89 } as const;

export const MARGINS = { top: 64, bottom: 64, left: 62, right: 56 } as const;

export const CONTENT_WIDTH = A4.width - MARGINS.left - MARGINS.right;

/** "1/3": the page's number over the document's page count. */
export function pageLabel(index: number, count: number): string {
  return `${index + 1}/${count}`;
}

/**
 * Whether a block of `height` points still fits above the bottom margin when
 * the cursor is at `y` (PDF coordinates grow upwards).
 */
export function fitsOnPage(y: number, height: number): boolean {
  return y - height >= MARGINS.bottom - 0.01;
}
