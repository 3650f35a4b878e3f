import { X509Certificate } from "node:crypto";

/** What the admin page and the seal print about a certificate. */
export function describeCertificate(der: Uint8Array): {
  subject: string;
  commonName: string;
  issuer: string;
  serialNumber: string;
  validFrom: Date;
  validTo: Date;
  fingerprint256: string;
} {
  const certificate = new X509Certificate(der);
  const commonName = /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1] ?? certificate.subject;
  return {
    subject: certificate.subject.replace(/\n/g, ", "),
    commonName,
    issuer: certificate.issuer.replace(/\n/g, ", "),
    serialNumber: certificate.serialNumber,
    validFrom: new Date(certificate.validFrom),
    validTo: new Date(certificate.validTo),
    fingerprint256: certificate.fingerprint256.replace(/:/g, "").toLowerCase(),
  };
}
