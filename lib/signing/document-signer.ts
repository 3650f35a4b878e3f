// What the PDF code needs from a signing identity: its certificate chain and
// a signature over a SHA-256 digest. A PKCS#12 file, an HSM (PKCS#11) or a
// remote signing service can each implement it without touching the PDF code.

export type SignatureAlgorithm = "RSASSA-PKCS1-v1_5-SHA256" | "ECDSA-SHA256";

export type DocumentSigner = {
  /** DER certificates, the signer's own first, then its issuers up to (optionally) the root. */
  readonly certificateChain: readonly Uint8Array[];
  readonly algorithm: SignatureAlgorithm;
  /** Where the identity comes from, for the admin page ("fichier PKCS#12", "développement"). */
  readonly source: "pkcs12" | "development";
  /** Signs a SHA-256 digest (32 bytes); returns the raw signature (PKCS#1 v1.5, or DER ECDSA). */
  signDigest(digest: Uint8Array): Promise<Uint8Array>;
};
