import { execFileSync, spawnSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadOrCreateDevelopmentIdentity, type DevelopmentIdentity } from "@/lib/signing/development-identity";
import type { DocumentSigner } from "@/lib/signing/document-signer";
import { createKeyDocumentSigner } from "@/lib/signing/key-document-signer";

// The development identity in a directory of the test's own, and the tools
// of poppler, NSS and OpenSSL run on files written there.

export type TestIdentity = { directory: string; identity: DevelopmentIdentity; signer: DocumentSigner; rootPemPath: string };

export async function testIdentity(): Promise<TestIdentity> {
  const directory = mkdtempSync(path.join(tmpdir(), "registre-extract-"));
  const identity = await loadOrCreateDevelopmentIdentity(directory);
  const rootPemPath = path.join(directory, "root.pem");
  writeFileSync(rootPemPath, identity.rootPem);
  const signer = createKeyDocumentSigner({
    privateKey: identity.leafKeyPem,
    certificateChain: [new Uint8Array(new X509Certificate(identity.leafPem).raw), new Uint8Array(new X509Certificate(identity.rootPem).raw)],
    source: "development",
  });
  return { directory, identity, signer, rootPemPath };
}

export function writeFile(directory: string, name: string, bytes: Uint8Array | string): string {
  const file = path.join(directory, name);
  writeFileSync(file, bytes);
  return file;
}

/** Runs a tool and returns stdout then stderr, whatever its exit status (pdfsig exits non-zero on a bad signature). */
export function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error) throw result.error;
  return `${result.stdout}${result.stderr}`;
}

/** An NSS database trusting the development root for signatures (what pdfsig reads with -nssdir). */
export function nssDatabaseTrusting(directory: string, rootPemPath: string): string {
  const nssDir = path.join(directory, "nss");
  execFileSync("mkdir", ["-p", nssDir]);
  execFileSync("certutil", ["-N", "-d", `sql:${nssDir}`, "--empty-password"]);
  execFileSync("certutil", ["-A", "-d", `sql:${nssDir}`, "-n", "registre-dev-root", "-t", "CT,C,C", "-i", rootPemPath]);
  return nssDir;
}
