import { hash, verify, type Algorithm } from "@node-rs/argon2";

// argon2id with OWASP's parameters (19 MiB of memory, 2 passes, 1 lane).
// The algorithm's enum is `const` in the typings, unusable with isolatedModules: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export { MIN_PASSWORD_LENGTH } from "./password-policy";

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a hash that cannot be read. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing, checked when the account does not exist, so that the answer takes as long. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword("registre-decoy-password");
  return decoyHash;
}
