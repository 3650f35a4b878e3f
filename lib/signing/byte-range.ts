// The arithmetic of a PDF signature's /ByteRange [a b c d]: the signed bytes
// are [a, a+b) and [c, c+d); the gap between is the hex /Contents string.
// It covers the whole document when a = 0, the gap is exactly `<…>`, and
// c + d is the file's length (nothing appended after signing).

export type ByteRange = readonly [number, number, number, number];

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** Every /ByteRange of the file, in file order. */
export function findByteRanges(pdf: Uint8Array): ByteRange[] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  return [...text.matchAll(BYTE_RANGE)].map((match) => [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])] as const);
}

/** The signer's placeholder is from b to c: its length, brackets included. */
export function contentsGap([, firstLength, secondStart]: ByteRange): { start: number; end: number } {
  return { start: firstLength, end: secondStart };
}

export function coversWholeFile(range: ByteRange, fileLength: number, pdf?: Uint8Array): boolean {
  const [firstStart, firstLength, secondStart, secondLength] = range;
  if (firstStart !== 0 || secondStart < firstLength || secondStart + secondLength !== fileLength) return false;
  if (!pdf) return true;
  return pdf[firstLength] === 0x3c /* < */ && pdf[secondStart - 1] === 0x3e; /* > */
}

/** The bytes a signature covers: the file without its /Contents string. */
export function signedBytes(pdf: Uint8Array, [firstStart, firstLength, secondStart, secondLength]: ByteRange): Uint8Array {
  return Buffer.concat([pdf.subarray(firstStart, firstStart + firstLength), pdf.subarray(secondStart, secondStart + secondLength)]);
}

/** The CMS in /Contents, without the zero padding of the placeholder. */
export function embeddedSignature(pdf: Uint8Array, range: ByteRange): Uint8Array {
  const { start, end } = contentsGap(range);
  const hex = Buffer.from(pdf.subarray(start + 1, end - 1)).toString("latin1");
  const der = Buffer.from(hex, "hex");
  // The DER's own length says where it ends: 0x30 0x82 hi lo for anything this size.
  if (der[0] !== 0x30) return der;
  const lengthByte = der[1] ?? 0;
  if (lengthByte < 0x80) return der.subarray(0, 2 + lengthByte);
  const octets = lengthByte & 0x7f;
  let length = 0;
  for (let index = 0; index < octets; index += 1) length = length * 256 + (der[2 + index] ?? 0);
  return der.subarray(0, 2 + octets + length);
}
