import { randomBytes, webcrypto, X509Certificate } from "node:crypto";
import { existsSync } from "node:fs";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

// For development and tests only: a root ("Registre — AC de développement")
// and a leaf signing certificate it issued, generated on first use into the
// data directory. The root's key is thrown away once the leaf is signed. The
// leaf says in its name that it has no legal value.

export type DevelopmentIdentity = { rootPem: string; leafPem: string; leafKeyPem: string };

const FILE_NAME = "development-identity.json";
const RSA = { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" } as const;

export function developmentIdentityPath(dataDir: string): string {
  return path.resolve(dataDir, "signing", FILE_NAME);
}

function pem(label: string, der: ArrayBuffer): string {
  const base64 = Buffer.from(der).toString("base64").replace(/(.{64})/g, "$1\n").trim();
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
}

/** C, O and CN, each its own RDN (pkijs would otherwise put them in one multi-valued RDN). */
function name(commonName: string): pkijs.RelativeDistinguishedNames {
  const attributes = [
    new pkijs.AttributeTypeAndValue({ type: "2.5.4.6", value: new asn1js.PrintableString({ value: "FR" }) }),
    new pkijs.AttributeTypeAndValue({ type: "2.5.4.10", value: new asn1js.Utf8String({ value: "Registre (développement)" }) }),
    new pkijs.AttributeTypeAndValue({ type: "2.5.4.3", value: new asn1js.Utf8String({ value: commonName }) }),
  ];
  const sequence = new asn1js.Sequence({ value: attributes.map((attribute) => new asn1js.Set({ value: [attribute.toSchema()] })) });
  return pkijs.RelativeDistinguishedNames.fromBER(sequence.toBER(false));
}

/**
 * A random positive serial of 16 bytes in minimal DER: the first byte in
 * 0x40–0x7f (a zero first byte before one below 0x80 is padding that OpenSSL
 * refuses, "illegal padding": one identity in a few hundred was unreadable).
 */
export function developmentSerialNumber(): asn1js.Integer {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x3f) | 0x40;
  return new asn1js.Integer({ valueHex: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) });
}

async function makeCertificate({
  subject,
  issuer,
  publicKey,
  signingKey,
  ca,
  years,
}: {
  subject: string;
  issuer: string;
  publicKey: CryptoKey;
  signingKey: CryptoKey;
  ca: boolean;
  years: number;
}): Promise<pkijs.Certificate> {
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = developmentSerialNumber();
  certificate.subject = name(subject);
  certificate.issuer = name(issuer);
  const now = new Date();
  certificate.notBefore.value = new Date(now.getTime() - 60 * 60 * 1000);
  certificate.notAfter.value = new Date(now.getTime() + years * 365 * 24 * 60 * 60 * 1000);
  const basicConstraints = new pkijs.BasicConstraints({ cA: ca });
  // keyUsage: keyCertSign + cRLSign for the root; digitalSignature + nonRepudiation for the leaf.
  const keyUsage = new asn1js.BitString({
    valueHex: new Uint8Array([ca ? 0x06 : 0xc0]).buffer,
    unusedBits: ca ? 1 : 6,
  });
  certificate.extensions = [
    new pkijs.Extension({ extnID: "2.5.29.19", critical: true, extnValue: basicConstraints.toSchema().toBER(false), parsedValue: basicConstraints }),
    new pkijs.Extension({ extnID: "2.5.29.15", critical: true, extnValue: keyUsage.toBER(false) }),
  ];
  await certificate.subjectPublicKeyInfo.importKey(publicKey);
  await certificate.sign(signingKey, "SHA-256");
  return certificate;
}

export async function generateDevelopmentIdentity(): Promise<DevelopmentIdentity> {
  pkijs.setEngine("node", new pkijs.CryptoEngine({ name: "node", crypto: webcrypto as unknown as Crypto }));
  const subtle = webcrypto.subtle;
  const [rootKeys, leafKeys] = await Promise.all([
    subtle.generateKey(RSA, true, ["sign", "verify"]) as Promise<CryptoKeyPair>,
    subtle.generateKey(RSA, true, ["sign", "verify"]) as Promise<CryptoKeyPair>,
  ]);
  const rootName = "Registre - AC racine de développement";
  const root = await makeCertificate({
    subject: rootName,
    issuer: rootName,
    publicKey: rootKeys.publicKey,
    signingKey: rootKeys.privateKey,
    ca: true,
    years: 10,
  });
  const leaf = await makeCertificate({
    subject: "Registre - certificat de développement (sans valeur légale)",
    issuer: rootName,
    publicKey: leafKeys.publicKey,
    signingKey: rootKeys.privateKey,
    ca: false,
    years: 3,
  });
  return {
    rootPem: pem("CERTIFICATE", root.toSchema(true).toBER(false)),
    leafPem: pem("CERTIFICATE", leaf.toSchema(true).toBER(false)),
    leafKeyPem: pem("PRIVATE KEY", await subtle.exportKey("pkcs8", leafKeys.privateKey)),
  };
}

/**
 * The identity stored in `<dataDir>/signing/`, made on first call. Two processes
 * starting at once agree: the file is published with link(), which fails if it exists.
 */
export async function loadOrCreateDevelopmentIdentity(dataDir: string): Promise<DevelopmentIdentity> {
  const file = developmentIdentityPath(dataDir);
  if (existsSync(file)) {
    const stored = JSON.parse(await readFile(file, "utf8")) as DevelopmentIdentity;
    // A leaf past its expiry is replaced (with a new root): development only.
    if (new Date(new X509Certificate(stored.leafPem).validTo) > new Date()) return stored;
    await unlink(file);
  }
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const identity = await generateDevelopmentIdentity();
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(temporary, JSON.stringify(identity, null, 2), { mode: 0o600 });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(temporary);
  }
  return JSON.parse(await readFile(file, "utf8")) as DevelopmentIdentity;
}
