import { createHash, createPublicKey, verify, X509Certificate } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { beforeAll, describe, expect, it } from "vitest";
import { OID, createCadesDetachedSignature } from "@/lib/signing/cades-signature";
import { loadOrCreateDevelopmentIdentity, type DevelopmentIdentity } from "@/lib/signing/development-identity";
import type { DocumentSigner } from "@/lib/signing/document-signer";
import { createKeyDocumentSigner } from "@/lib/signing/key-document-signer";

const der = (pem: string) => new Uint8Array(new X509Certificate(pem).raw);
const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash("sha256").update(bytes).digest());
const buffer = (bytes: Uint8Array) => bytes.slice().buffer;

describe("CAdES signed attributes", () => {
  let identity: DevelopmentIdentity;
  let signer: DocumentSigner;
  let signerInfo: pkijs.SignerInfo;
  let signedData: pkijs.SignedData;
  const content = new TextEncoder().encode("%PDF-1.7 the bytes covered by /ByteRange");

  beforeAll(async () => {
    identity = await loadOrCreateDevelopmentIdentity(mkdtempSync(path.join(tmpdir(), "registre-cades-")));
    signer = createKeyDocumentSigner({ privateKey: identity.leafKeyPem, certificateChain: [der(identity.leafPem), der(identity.rootPem)], source: "development" });
    const cms = await createCadesDetachedSignature(content, signer);
    const contentInfo = pkijs.ContentInfo.fromBER(buffer(cms));
    expect(contentInfo.contentType).toBe(OID.signedData);
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
    signerInfo = signedData.signerInfos[0] as pkijs.SignerInfo;
  }, 60_000);

  const attribute = (type: string) => signerInfo.signedAttrs?.attributes.find((candidate) => candidate.type === type);

  it("[signature]: detached: the content itself is not embedded", () => {
    expect(signedData.encapContentInfo.eContentType).toBe(OID.data);
    expect(signedData.encapContentInfo.eContent).toBeUndefined();
    expect(signedData.signerInfos).toHaveLength(1);
    expect(signedData.certificates).toHaveLength(2);
  });

  it("[signature]: contentType is id-data and messageDigest is the SHA-256 of the covered bytes", () => {
    expect((attribute(OID.contentType)?.values[0] as asn1js.ObjectIdentifier).valueBlock.toString()).toBe(OID.data);
    const digest = new Uint8Array((attribute(OID.messageDigest)?.values[0] as asn1js.OctetString).valueBlock.valueHexView);
    expect(Buffer.from(digest).toString("hex")).toBe(Buffer.from(sha256(content)).toString("hex"));
  });

  it("[signature]: signingCertificateV2 holds the SHA-256 of the signer's certificate and its serial (PAdES B-B)", () => {
    const value = attribute(OID.signingCertificateV2)?.values[0] as asn1js.Sequence;
    const essCertIdV2 = (value.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const [certHash, issuerSerial] = essCertIdV2.valueBlock.value as [asn1js.OctetString, asn1js.Sequence];
    expect(Buffer.from(certHash.valueBlock.valueHexView).toString("hex")).toBe(Buffer.from(sha256(der(identity.leafPem))).toString("hex"));
    const serial = issuerSerial.valueBlock.value[1] as asn1js.Integer;
    expect(Buffer.from(serial.valueBlock.valueHexView).toString("hex").toUpperCase().replace(/^0+/, "")).toBe(
      new X509Certificate(identity.leafPem).serialNumber.replace(/^0+/, ""),
    );
  });

  it("[signature]: no signing-time attribute (PAdES puts the time in the signature dictionary)", () => {
    expect(attribute(OID.signingTime)).toBeUndefined();
  });

  it("[signature]: attributes are in DER order and the signature verifies over their SET encoding", () => {
    const encoded = signerInfo.signedAttrs?.attributes.map((entry) => Buffer.from(entry.toSchema().toBER(false))) ?? [];
    const sorted = [...encoded].sort(Buffer.compare);
    expect(encoded).toEqual(sorted);
    const signedAttrs = new Uint8Array(signerInfo.signedAttrs?.toSchema().toBER(false) ?? new ArrayBuffer(0));
    signedAttrs[0] = 0x31;
    const signature = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
    expect(verify("sha256", signedAttrs, createPublicKey(identity.leafPem), signature)).toBe(true);
  });
});
