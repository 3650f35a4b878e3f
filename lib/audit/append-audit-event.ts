import { createHash } from "node:crypto";
import type { Prisma, Tx } from "@/lib/db/prisma";

// The audit trail is a hash chain: each row stores the SHA-256 of the
// previous row's hash and of its own content, so that a row altered or
// removed behind the application's back breaks the chain from there on.

export type AuditInput = {
  municipalityId: string;
  userId?: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/** JSON with sorted keys, so that the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}

export function auditHash(previousHash: string | null, content: Record<string, unknown>): string {
  return createHash("sha256")
    .update(previousHash ?? "")
    .update("\n")
    .update(canonicalJson(content))
    .digest("hex");
}

/** Appends one event, inside the caller's transaction (the write it records). */
export async function appendAuditEvent(tx: Tx, input: AuditInput): Promise<void> {
  // One writer at a time extends the chain: a transaction-scoped lock.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(727073, 1)`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const occurredAt = new Date();
  const content = {
    municipalityId: input.municipalityId,
    userId: input.userId ?? null,
    occurredAt: occurredAt.toISOString(),
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
  };
  const previousHash = last?.hash ?? null;
  await tx.auditEvent.create({
    data: {
      municipalityId: input.municipalityId,
      userId: input.userId ?? null,
      occurredAt,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId ?? null,
      before: input.before ?? undefined,
      after: input.after ?? undefined,
      previousHash,
      hash: auditHash(previousHash, content),
    },
  });
}
