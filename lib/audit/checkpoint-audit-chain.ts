import "server-only";
import type { Db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { getDocumentSigner } from "@/lib/signing/get-document-signer";
import { recordAuditCheckpoint } from "./audit-checkpoint";

/**
 * Signs a checkpoint of the audit chain after a publication has committed.
 * The publication stands whatever happens here: a failure (no certificate,
 * database away) is logged, and the next periodic checkpoint covers it.
 */
export async function checkpointAuditChain(db: Db): Promise<void> {
  try {
    await recordAuditCheckpoint({ db, signer: await getDocumentSigner(), portal: env.PUBLIC_BASE_URL });
  } catch (error) {
    console.error(`[registre] Point de contrôle du journal d'audit impossible : ${(error as Error).message}`);
  }
}
