import { describe, expect, it } from "vitest";
import { contentsGap, coversWholeFile, embeddedSignature, findByteRanges, signedBytes } from "@/lib/signing/byte-range";

// A miniature "signed file": a head, the /Contents hex string (the hole), a tail.
function miniature(hex = "3003020100"): { pdf: Uint8Array; range: readonly [number, number, number, number] } {
  const before = Buffer.from("%PDF-1.7 /Contents ");
  const contents = Buffer.from(`<${hex}>`);
  const after = Buffer.from(" %%EOF\n");
  const range = [0, before.length, before.length + contents.length, after.length] as const;
  return { pdf: Buffer.concat([before, contents, after]), range };
}

describe("byte range arithmetic", () => {
  it("[signature]: the range is read back from the file", () => {
    const pdf = Buffer.from("x /ByteRange [0 840 17226 9152] y /ByteRange[0 1 2 3]");
    expect(findByteRanges(pdf)).toEqual([
      [0, 840, 17226, 9152],
      [0, 1, 2, 3],
    ]);
  });

  it("[signature]: the signature covers the whole file only from byte 0 to the last byte, around the /Contents hole", () => {
    expect(coversWholeFile([0, 840, 17226, 9152], 26378)).toBe(true);
    expect(coversWholeFile([0, 840, 17226, 9152], 26379)).toBe(false); // bytes appended
    expect(coversWholeFile([1, 840, 17226, 9152], 26379)).toBe(false); // does not start at 0
    expect(coversWholeFile([0, 840, 800, 25578], 26378)).toBe(false); // ranges overlap
  });

  it("[signature]: the hole is exactly the hex string, brackets included", () => {
    const { pdf, range } = miniature();
    const { start, end } = contentsGap(range);
    expect(Buffer.from(pdf.subarray(start, end)).toString()).toBe("<3003020100>");
    expect(coversWholeFile(range, pdf.length, pdf)).toBe(true);
    // A hole one byte off no longer starts at "<": part of the signature would be unsigned text.
    expect(coversWholeFile([0, range[1] - 1, range[2], range[3]], pdf.length, pdf)).toBe(false);
  });

  it("[signature]: the signed bytes are the file without the hole, and the CMS is read without its zero padding", () => {
    const { pdf, range } = miniature();
    expect(signedBytes(pdf, range).length).toBe(pdf.length - (range[2] - range[1]));
    expect(Buffer.from(signedBytes(pdf, range)).toString()).not.toContain("<");
    // 30 03 02 01 00 is a complete DER SEQUENCE: the placeholder's trailing zeros are dropped.
    const padded = miniature("3003020100000000000000");
    expect(Buffer.from(embeddedSignature(padded.pdf, padded.range)).toString("hex")).toBe("3003020100");
  });
});
