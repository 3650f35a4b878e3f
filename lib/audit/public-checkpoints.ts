import "server-only";
import { getPrisma } from "@/lib/db/prisma";
import { checkpointDocument, listAuditCheckpoints, type CheckpointDocument } from "./audit-checkpoint";

// The signed checkpoints as citizens get them: the page /verifier/journal,
// one file per checkpoint, and the JSON Feed /flux/journal.json.

export const CHECKPOINTS_PAGE = "/verifier/journal";
export const CHECKPOINTS_FEED = "/flux/journal.json";
const FILE = /^point-de-controle-(\d{1,18})\.json$/;

export function checkpointFileName(id: bigint | string): string {
  return `point-de-controle-${id}.json`;
}

export async function listPublicCheckpoints() {
  const rows = await listAuditCheckpoints(getPrisma());
  return rows.map((row) => ({ id: row.id, eventId: row.eventId, eventHash: row.eventHash, signedAt: row.signedAt, fileName: checkpointFileName(row.id) }));
}

/** One checkpoint by its file name, or null when the name or the checkpoint is unknown. */
export async function getPublicCheckpoint(fileName: string): Promise<CheckpointDocument | null> {
  const match = FILE.exec(fileName);
  if (!match?.[1]) return null;
  const row = await getPrisma().auditCheckpoint.findUnique({ where: { id: BigInt(match[1]) }, select: { id: true, payload: true, signature: true } });
  return row ? checkpointDocument(row) : null;
}

/** JSON Feed 1.1; each item carries the checkpoint itself in `_registre_checkpoint` (what npm run audit:verify reads). */
export async function renderCheckpointFeed(baseUrl: string): Promise<string> {
  const rows = await listAuditCheckpoints(getPrisma());
  const base = baseUrl.replace(/\/$/, "");
  return JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: "Points de contrôle signés du journal d'audit",
      home_page_url: `${base}${CHECKPOINTS_PAGE}`,
      feed_url: `${base}${CHECKPOINTS_FEED}`,
      language: "fr",
      items: rows.map((row) => ({
        id: `${base}${CHECKPOINTS_PAGE}/${checkpointFileName(row.id)}`,
        url: `${base}${CHECKPOINTS_PAGE}/${checkpointFileName(row.id)}`,
        title: `Point de contrôle n° ${row.id} : événement n° ${row.eventId}`,
        content_text: row.payload,
        date_published: row.signedAt.toISOString(),
        _registre_checkpoint: checkpointDocument(row),
      })),
    },
    null,
    2,
  );
}
