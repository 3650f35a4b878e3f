import { webcrypto } from "node:crypto";
import * as pkijs from "pkijs";
import { z } from "@/lib/validations/zod";
import type { Db } from "@/lib/db/prisma";
import { createCadesDetachedSignature } from "@/lib/signing/cades-signature";
import { describeCertificate } from "@/lib/signing/describe-certificate";
import type { DocumentSigner } from "@/lib/signing/document-signer";
import { canonicalJson } from "./append-audit-event";

// A checkpoint anchors the audit chain's head outside the table: the newest
// event's id and hash, signed (a detached CMS) with the identity that signs
// the extracts, and published (a page and a feed) so that anyone keeps
// copies. Rows later removed from the end of the chain, or a chain rewritten
// from some row on, no longer match a checkpoint taken before.
// No "server-only" here: the command line (npm run audit:checkpoint, audit:verify) uses it.

export const CHECKPOINT_TYPE = "registre.audit-checkpoint";

/** What a checkpoint attests. */
export type CheckpointClaim = { eventId: bigint; eventHash: string; signedAt: Date; portal: string };

/** The published form: the exact signed text and its signature (DER CMS, base64). */
export type CheckpointDocument = { type: typeof CHECKPOINT_TYPE; id: string; payload: string; signature: string };

export type VerifiedCheckpoint = CheckpointClaim & { signer: { subject: string; commonName: string; fingerprint256: string } };

export function checkpointPayload(claim: CheckpointClaim): string {
  return canonicalJson({
    type: CHECKPOINT_TYPE,
    version: 1,
    portal: claim.portal,
    eventId: claim.eventId.toString(),
    eventHash: claim.eventHash,
    signedAt: claim.signedAt.toISOString(),
  });
}

export function checkpointDocument(row: { id: bigint; payload: string; signature: Uint8Array }): CheckpointDocument {
  return { type: CHECKPOINT_TYPE, id: row.id.toString(), payload: row.payload, signature: Buffer.from(row.signature).toString("base64") };
}

/**
 * Signs the chain's current head, unless the latest checkpoint already holds
 * it. Not an audit event itself: recording one would move the head it signs.
 */
export async function recordAuditCheckpoint(options: { db: Db; signer: DocumentSigner; portal: string; now?: Date }) {
  const head = await options.db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
  if (!head) return null;
  const latest = await options.db.auditCheckpoint.findFirst({ orderBy: { id: "desc" }, select: { id: true, eventId: true, signedAt: true } });
  if (latest?.eventId === head.id) return { ...latest, created: false };
  const claim = { eventId: head.id, eventHash: head.hash, signedAt: options.now ?? new Date(), portal: options.portal };
  const payload = checkpointPayload(claim);
  const signature = await createCadesDetachedSignature(new TextEncoder().encode(payload), options.signer);
  const row = await options.db.auditCheckpoint.create({
    data: { eventId: claim.eventId, eventHash: claim.eventHash, signedAt: claim.signedAt, payload, signature: new Uint8Array(signature) },
    select: { id: true, eventId: true, signedAt: true },
  });
  return { ...row, created: true };
}

/** The published checkpoints, newest first. */
export async function listAuditCheckpoints(db: Db, options: { take?: number } = {}) {
  return db.auditCheckpoint.findMany({
    orderBy: { id: "desc" },
    take: options.take ?? 100,
    select: { id: true, eventId: true, eventHash: true, signedAt: true, payload: true, signature: true },
  });
}

const documentSchema = z.object({ type: z.literal(CHECKPOINT_TYPE), id: z.string(), payload: z.string(), signature: z.string() });
const feedSchema = z.object({ items: z.array(z.object({ _registre_checkpoint: documentSchema })) });
const payloadSchema = z.object({
  type: z.literal(CHECKPOINT_TYPE),
  version: z.literal(1),
  portal: z.string(),
  eventId: z.string().regex(/^\d+$/),
  eventHash: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: z.iso.datetime(),
});

/** The checkpoints of a downloaded file: one checkpoint, or the feed of them. */
export function readCheckpointDocuments(json: unknown): CheckpointDocument[] {
  const single = documentSchema.safeParse(json);
  if (single.success) return [single.data];
  const feed = feedSchema.safeParse(json);
  if (feed.success) return feed.data.items.map((item) => item._registre_checkpoint);
  throw new Error("Ce fichier n'est ni un point de contrôle du journal d'audit ni le flux des points de contrôle.");
}

/** A copy in an ArrayBuffer of its own (a small Buffer is a view on a shared pool, which `.buffer` would give whole). */
function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return Uint8Array.from(bytes).buffer;
}

/** Checks the signature over the exact payload and reads what it attests; throws, in French, when it does not hold. */
export async function verifyCheckpoint(document: CheckpointDocument): Promise<VerifiedCheckpoint> {
  pkijs.setEngine("node", new pkijs.CryptoEngine({ name: "node", crypto: webcrypto as unknown as Crypto }));
  const invalid = (why: string) => new Error(`Point de contrôle n° ${document.id} invalide : ${why}.`);
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(Buffer.from(document.signature, "base64")));
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    throw invalid("sa signature n'est pas une structure CMS lisible");
  }
  const result = await signedData
    .verify({ signer: 0, data: toArrayBuffer(new TextEncoder().encode(document.payload)), extendedMode: true })
    .catch(() => ({ signatureVerified: false, signerCertificate: undefined }));
  if (!result.signatureVerified || !result.signerCertificate) throw invalid("sa signature ne correspond pas à son contenu");
  let claimed: unknown;
  try {
    claimed = JSON.parse(document.payload);
  } catch {
    throw invalid("son contenu n'est pas du JSON");
  }
  const payload = payloadSchema.safeParse(claimed);
  if (!payload.success) throw invalid("son contenu n'a pas la forme attendue");
  const signer = describeCertificate(new Uint8Array(result.signerCertificate.toSchema().toBER(false)));
  return {
    eventId: BigInt(payload.data.eventId),
    eventHash: payload.data.eventHash,
    signedAt: new Date(payload.data.signedAt),
    portal: payload.data.portal,
    signer: { subject: signer.subject, commonName: signer.commonName, fingerprint256: signer.fingerprint256 },
  };
}

/** The newest of several checkpoints (the one attesting the highest event). */
export function latestCheckpoint<T extends CheckpointClaim>(checkpoints: readonly T[]): T | undefined {
  return checkpoints.reduce<T | undefined>((latest, checkpoint) => (!latest || checkpoint.eventId > latest.eventId ? checkpoint : latest), undefined);
}
