import type { Db } from "@/lib/db/prisma";
import { auditHash } from "./append-audit-event";

// Recomputes the audit trail's hash chain from the first row: each row must
// point to its predecessor's hash and carry the hash of its own content.

export type AuditChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: { id: bigint; occurredAt: Date; action: string; reason: string } };

const BATCH = 1_000;

export async function verifyAuditChain(db: Db): Promise<AuditChainReport> {
  let previousHash: string | null = null;
  let afterId: bigint | undefined;
  let checked = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: afterId === undefined ? {} : { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (!rows.length) return { ok: true, checked };
    for (const row of rows) {
      const brokenAt = (reason: string): AuditChainReport => ({ ok: false, checked, brokenAt: { id: row.id, occurredAt: row.occurredAt, action: row.action, reason } });
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
      previousHash = row.hash;
      checked += 1;
      afterId = row.id;
    }
  }
}
