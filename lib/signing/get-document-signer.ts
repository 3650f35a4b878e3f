import "server-only";
import { X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { readEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { loadOrCreateDevelopmentIdentity } from "./development-identity";
import type { DocumentSigner } from "./document-signer";
import { createKeyDocumentSigner } from "./key-document-signer";
import { readPkcs12 } from "./pkcs12";

// The signing identity in use, from the configuration:
// - REGISTRE_SIGNING_P12_PATH or REGISTRE_SIGNING_P12_BASE64 (+ _PASSPHRASE): a PKCS#12 file;
//   it requires an explicit PUBLIC_BASE_URL (the address every extract carries);
// - otherwise, outside production, the development identity of the data directory.
// `npm start` on its embedded PostgreSQL is a development or demonstration
// install: it sets REGISTRE_DEVELOPMENT_SIGNING=1 so that it may use the
// development identity too, although Next runs it with NODE_ENV=production.

let cached: Promise<DocumentSigner> | undefined;

function pemToDer(pem: string): Uint8Array {
  return new Uint8Array(new X509Certificate(pem).raw);
}

export async function loadDocumentSigner(source: Record<string, string | undefined> = process.env): Promise<DocumentSigner> {
  const environment = readEnv(source as NodeJS.ProcessEnv);
  if (environment.REGISTRE_SIGNING_P12_PATH || environment.REGISTRE_SIGNING_P12_BASE64) {
    // A real identity prints the verification address on every extract, for ever: it is never guessed.
    if (!environment.publicBaseUrlConfigured) {
      throw new AppError(
        "INVALID_STATE",
        `Le certificat de signature est configuré mais PUBLIC_BASE_URL ne l'est pas : définissez l'adresse publique du portail (par exemple https://deliberations.ville.fr), qui est imprimée, avec son code QR, sur chaque extrait signé. Sans elle, le portail utiliserait ${environment.PUBLIC_BASE_URL}.`,
      );
    }
    const file = environment.REGISTRE_SIGNING_P12_PATH
      ? await readFile(path.resolve(environment.REGISTRE_SIGNING_P12_PATH))
      : Buffer.from(environment.REGISTRE_SIGNING_P12_BASE64 ?? "", "base64");
    const identity = await readPkcs12(new Uint8Array(file), environment.REGISTRE_SIGNING_P12_PASSPHRASE);
    return createKeyDocumentSigner({ privateKey: identity.privateKeyPem, certificateChain: identity.certificateChain, source: "pkcs12" });
  }
  if (environment.NODE_ENV === "production" && environment.REGISTRE_DEVELOPMENT_SIGNING !== "1") {
    throw new AppError(
      "INVALID_STATE",
      "Aucun certificat de signature n'est configuré : définissez REGISTRE_SIGNING_P12_PATH (ou REGISTRE_SIGNING_P12_BASE64) et REGISTRE_SIGNING_P12_PASSPHRASE.",
    );
  }
  const identity = await loadOrCreateDevelopmentIdentity(environment.REGISTRE_DATA_DIR);
  return createKeyDocumentSigner({
    privateKey: identity.leafKeyPem,
    certificateChain: [pemToDer(identity.leafPem), pemToDer(identity.rootPem)],
    source: "development",
  });
}

/** The process's signer, loaded once (a failed load is retried at the next call). */
export function getDocumentSigner(): Promise<DocumentSigner> {
  cached ??= loadDocumentSigner().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
