import { parseArgs } from "node:util";
import { recordAuditCheckpoint } from "@/lib/audit/audit-checkpoint";
import { createPrismaClient } from "@/lib/db/prisma";
import { readEnv } from "@/lib/env";
import { loadDocumentSigner } from "@/lib/signing/get-document-signer";

// npm run audit:checkpoint [-- --every <minutes>]: signs the audit chain's
// head with the portal's certificate and records it for publication
// (/verifier/journal, /flux/journal.json), once, or every so many minutes
// (npm start runs it so, REGISTRE_AUDIT_CHECKPOINT_MINUTES). A head already
// signed is not signed again. Run with --conditions=react-server (see package.json).

const say = (line: string) => console.log(`[registre] ${line}`);

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { every: { type: "string" } } });
  const env = readEnv();
  if (!env.DATABASE_URL) {
    console.error("DATABASE_URL n'est pas défini : indiquez la base PostgreSQL du portail.");
    return 2;
  }
  const minutes = values.every === undefined ? 0 : Number(values.every);
  if (!Number.isFinite(minutes) || minutes < 0) {
    console.error(`--every attend un nombre de minutes, pas « ${values.every} ».`);
    return 2;
  }
  const db = createPrismaClient(env.DATABASE_URL);
  const signer = await loadDocumentSigner();
  const once = async () => {
    const checkpoint = await recordAuditCheckpoint({ db, signer, portal: env.PUBLIC_BASE_URL });
    if (!checkpoint) say("Journal d'audit vide : aucun point de contrôle.");
    else if (checkpoint.created) say(`Point de contrôle n° ${checkpoint.id} signé (événement n° ${checkpoint.eventId}).`);
    else if (!minutes) say(`Le point de contrôle n° ${checkpoint.id} atteste déjà l'événement n° ${checkpoint.eventId}.`);
  };
  if (!minutes) {
    try {
      await once();
      return 0;
    } finally {
      await db.$disconnect();
    }
  }
  // Periodic: a failure (database away) is said and retried at the next tick.
  const tick = () => once().catch((error: unknown) => say(`Point de contrôle impossible : ${(error as Error).message}`));
  await tick();
  setInterval(() => void tick(), minutes * 60_000);
  return new Promise<number>(() => {});
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Point de contrôle impossible : ${(error as Error).message}`);
    process.exit(2);
  },
);
