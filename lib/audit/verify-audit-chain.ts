import type { Db, Tx } from "@/lib/db/prisma";
import { auditHash } from "./append-audit-event";
import type { CheckpointClaim } from "./audit-checkpoint";

// Recomputes the audit trail's hash chain from the first row: each row must
// point to its predecessor's hash and carry the hash of its own content.
// Given a signed checkpoint (lib/audit/audit-checkpoint.ts), the event it
// attests must be in the chain with the hash it attests: a chain cut short,
// or rewritten, since that checkpoint is reported.

export type AuditChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: { id: bigint; occurredAt: Date; action: string; reason: string } }
  | { ok: false; checked: number; truncated: { checkpoint: CheckpointClaim; lastEventId: bigint | null; reason: string } };

const BATCH = 1_000;

function checkpointLabel(checkpoint: CheckpointClaim): string {
  return `le point de contrôle signé le ${checkpoint.signedAt.toISOString()} atteste l'événement n° ${checkpoint.eventId}`;
}

/** On a client or inside a transaction (the portal import checks the chain it restored before committing). */
export async function verifyAuditChain(db: Db | Tx, options: { checkpoint?: CheckpointClaim } = {}): Promise<AuditChainReport> {
  const checkpoint = options.checkpoint;
  let previousHash: string | null = null;
  let afterId: bigint | undefined;
  let checked = 0;
  let checkpointSeen = false;
  const missing = (claim: CheckpointClaim, lastEventId: bigint | null, reason: string): AuditChainReport => ({
    ok: false,
    checked,
    truncated: { checkpoint: claim, lastEventId, reason: `${checkpointLabel(claim)}, ${reason}` },
  });
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: afterId === undefined ? {} : { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (!rows.length) {
      if (checkpoint && !checkpointSeen) {
        return missing(checkpoint, afterId ?? null, afterId === undefined ? "mais le journal est vide (il a été vidé)" : `mais le journal s'arrête à l'événement n° ${afterId} (sa fin a été supprimée)`);
      }
      return { ok: true, checked };
    }
    for (const row of rows) {
      const brokenAt = (reason: string): AuditChainReport => ({ ok: false, checked, brokenAt: { id: row.id, occurredAt: row.occurredAt, action: row.action, reason } });
      if (checkpoint && !checkpointSeen && row.id > checkpoint.eventId) {
        return missing(checkpoint, afterId ?? null, `absent du journal, qui passe de l'événement n° ${afterId ?? "—"} au n° ${row.id} (des événements ont été supprimés)`);
      }
      if (row.previousHash !== previousHash) {
        return brokenAt(
          previousHash === null
            ? "le premier événement devrait n'avoir aucun prédécesseur"
            : "il ne désigne pas l'empreinte de l'événement qui le précède (un événement a été supprimé ou inséré)",
        );
      }
      const content = {
        municipalityId: row.municipalityId,
        userId: row.userId,
        occurredAt: row.occurredAt.toISOString(),
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        before: row.before ?? null,
        after: row.after ?? null,
      };
      if (auditHash(previousHash, content) !== row.hash) return brokenAt("son contenu ne correspond plus à son empreinte (il a été modifié)");
      if (checkpoint && row.id === checkpoint.eventId) {
        if (row.hash !== checkpoint.eventHash) return brokenAt(`son empreinte n'est pas celle qu'atteste le point de contrôle signé le ${checkpoint.signedAt.toISOString()} (le journal a été réécrit)`);
        checkpointSeen = true;
      }
      previousHash = row.hash;
      checked += 1;
      afterId = row.id;
    }
  }
}
