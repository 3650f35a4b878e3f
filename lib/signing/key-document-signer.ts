import { constants, createPrivateKey, privateEncrypt, type KeyObject } from "node:crypto";
import type { DocumentSigner } from "./document-signer";

// A DocumentSigner holding its private key in this process (from a PKCS#12
// file or the development identity), signing with node:crypto.

/** DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2, note 1): what PKCS#1 v1.5 signs. */
const SHA256_DIGEST_INFO_PREFIX = Buffer.from("3031300d060960864801650304020105000420", "hex");

export function createKeyDocumentSigner({
  privateKey,
  certificateChain,
  source,
}: {
  privateKey: KeyObject | string;
  certificateChain: Uint8Array[];
  source: DocumentSigner["source"];
}): DocumentSigner {
  const key = typeof privateKey === "string" ? createPrivateKey(privateKey) : privateKey;
  // node:crypto cannot sign a precomputed digest with ECDSA: RSA keys only here
  // (an HSM signer may offer ECDSA through the same interface).
  if (key.asymmetricKeyType !== "rsa") {
    throw new Error(`Clé de signature non prise en charge (${key.asymmetricKeyType ?? "inconnue"}) : une clé RSA est attendue.`);
  }
  return {
    certificateChain,
    algorithm: "RSASSA-PKCS1-v1_5-SHA256",
    source,
    async signDigest(digest) {
      if (digest.length !== 32) throw new Error("Empreinte SHA-256 attendue (32 octets).");
      return new Uint8Array(
        privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO_PREFIX, digest])),
      );
    },
  };
}
