import { createHash } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import type { DocumentSigner } from "./document-signer";

// A CMS SignedData, detached (ETSI.CAdES.detached), as PAdES baseline B-B
// asks: signed attributes contentType, messageDigest and signingCertificateV2
// (the SHA-256 of the signer's certificate and its issuer and serial), no
// signing-time attribute (the time is the signature dictionary's /M).

export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha256WithRsa: "1.2.840.113549.1.1.11",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
} as const;

function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash("sha256").update(bytes).digest());
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (RFC 5035), hash algorithm SHA-256 by default. */
function signingCertificateV2(certificate: pkijs.Certificate, certificateDer: Uint8Array): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      // GeneralNames: one directoryName [4], explicitly tagged.
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] })],
      }),
      certificate.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(certificateDer)) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    if (a[index] !== b[index]) return (a[index] ?? 0) - (b[index] ?? 0);
  }
  return a.length - b.length;
}

/** The signed attributes, in DER order (a SET OF is sorted by encoding: verifiers re-encode it). */
export function buildSignedAttributes({
  contentDigest,
  certificate,
  certificateDer,
}: {
  contentDigest: Uint8Array;
  certificate: pkijs.Certificate;
  certificateDer: Uint8Array;
}): pkijs.Attribute[] {
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(contentDigest) })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(certificate, certificateDer)] }),
  ];
  const encoded = attributes.map((attribute) => ({ attribute, der: new Uint8Array(attribute.toSchema().toBER(false)) }));
  return encoded.sort((a, b) => compareBytes(a.der, b.der)).map(({ attribute }) => attribute);
}

/** The CMS (DER) that signs `content`, the bytes the PDF's /ByteRange covers. */
export async function createCadesDetachedSignature(content: Uint8Array, signer: DocumentSigner): Promise<Uint8Array> {
  const [leafDer, ...issuersDer] = signer.certificateChain;
  if (!leafDer) throw new Error("La chaîne de certificats du signataire est vide.");
  const certificates = [leafDer, ...issuersDer].map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)));
  const leaf = certificates[0] as pkijs.Certificate;

  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: buildSignedAttributes({ contentDigest: sha256(content), certificate: leaf, certificateDer: leafDer }),
  });
  // What is signed is the attributes' DER with the universal SET tag, not the [0] of the SignerInfo.
  const signedAttrsDer = new Uint8Array(signedAttrs.toSchema().toBER(false));
  signedAttrsDer[0] = 0x31;
  const signature = await signer.signDigest(sha256(signedAttrsDer));

  const sha256Algorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: sha256Algorithm,
    signedAttrs,
    signatureAlgorithm:
      signer.algorithm === "ECDSA-SHA256"
        ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
        : new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Algorithm],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
