import { createPrivateKey, webcrypto, X509Certificate } from "node:crypto";
import * as pkijs from "pkijs";

// Reads a PKCS#12 file (.p12/.pfx) with pkijs: its private key and its
// certificates, ordered from the key's own certificate up to the root.

const BAG = {
  keyBag: "1.2.840.113549.1.12.10.1.1",
  pkcs8ShroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  certBag: "1.2.840.113549.1.12.10.1.3",
} as const;

export type Pkcs12Identity = { privateKeyPem: string; certificateChain: Uint8Array[] };

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

function pem(label: string, der: ArrayBuffer): string {
  const base64 = Buffer.from(der).toString("base64").replace(/(.{64})/g, "$1\n").trim();
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
}

/** Leaf first: the certificate whose public key matches the private key, then each issuer found in the file. */
function orderChain(certificates: Uint8Array[], privateKeyPem: string): Uint8Array[] {
  const parsed = certificates.map((der) => ({ der, x509: new X509Certificate(der) }));
  const key = createPrivateKey(privateKeyPem);
  const leaf = parsed.find((candidate) => candidate.x509.checkPrivateKey(key));
  if (!leaf) throw new Error("Le fichier PKCS#12 ne contient pas le certificat de sa clé privée.");
  const chain = [leaf];
  for (;;) {
    const current = chain.at(-1) as (typeof parsed)[number];
    if (current.x509.issuer === current.x509.subject) break;
    const issuer = parsed.find((candidate) => !chain.includes(candidate) && current.x509.checkIssued(candidate.x509));
    if (!issuer) break;
    chain.push(issuer);
  }
  return chain.map((entry) => entry.der);
}

export async function readPkcs12(file: Uint8Array, passphrase: string): Promise<Pkcs12Identity> {
  pkijs.setEngine("node", new pkijs.CryptoEngine({ name: "node", crypto: webcrypto as unknown as Crypto }));
  const password = toArrayBuffer(new TextEncoder().encode(passphrase));
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(toArrayBuffer(file));
    await pfx.parseInternalValues({ password, checkIntegrity: true });
  } catch (error) {
    throw new Error(`Fichier PKCS#12 illisible ou phrase secrète incorrecte (${(error as Error).message}).`);
  }
  const authenticatedSafe = pfx.parsedValue?.authenticatedSafe;
  if (!authenticatedSafe) throw new Error("Fichier PKCS#12 sans contenu.");
  await authenticatedSafe.parseInternalValues({ safeContents: authenticatedSafe.safeContents.map(() => ({ password })) });

  let privateKeyPem: string | undefined;
  const certificates: Uint8Array[] = [];
  for (const { value } of authenticatedSafe.parsedValue?.safeContents ?? []) {
    for (const bag of value.safeBags) {
      if (bag.bagId === BAG.pkcs8ShroudedKeyBag) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        // Public at run time, declared protected in pkijs's types.
        await (shrouded as unknown as { parseInternalValues(parameters: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({ password });
        if (shrouded.parsedValue) privateKeyPem = pem("PRIVATE KEY", shrouded.parsedValue.toSchema().toBER(false));
      } else if (bag.bagId === BAG.keyBag) {
        privateKeyPem = pem("PRIVATE KEY", (bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false));
      } else if (bag.bagId === BAG.certBag) {
        const certificate = (bag.bagValue as pkijs.CertBag).parsedValue;
        if (certificate instanceof pkijs.Certificate) certificates.push(new Uint8Array(certificate.toSchema(true).toBER(false)));
      }
    }
  }
  if (!privateKeyPem) throw new Error("Le fichier PKCS#12 ne contient pas de clé privée.");
  return { privateKeyPem, certificateChain: orderChain(certificates, privateKeyPem) };
}
