import { randomBytes } from "node:crypto";

// The code printed on an extract, to check it on /verifier without the file:
// 12 characters of Crockford's base32 (no I, L, O, U: nothing to misread),
// in three groups, 60 bits of randomness.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newVerificationCode(): string {
  const bytes = randomBytes(12);
  const characters = Array.from(bytes, (byte) => ALPHABET[byte % 32]).join("");
  return `${characters.slice(0, 4)}-${characters.slice(4, 8)}-${characters.slice(8, 12)}`;
}

/** What a person typed, as stored: case, spaces and dashes ignored, O read as 0, I and L as 1. Null when it cannot be a code. */
export function normalizeVerificationCode(input: string): string | null {
  const characters = input
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (characters.length !== 12 || [...characters].some((character) => !ALPHABET.includes(character))) return null;
  return `${characters.slice(0, 4)}-${characters.slice(4, 8)}-${characters.slice(8, 12)}`;
}

/** A SHA-256 as hexadecimal, lower case; null otherwise. */
export function normalizeSha256(input: string): string | null {
  const hex = input.trim().toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}
