import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { latestCheckpoint, readCheckpointDocuments, verifyCheckpoint, type VerifiedCheckpoint } from "@/lib/audit/audit-checkpoint";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createPrismaClient } from "@/lib/db/prisma";
import { readEnv } from "@/lib/env";
import { agree, countOf } from "@/lib/domain/plural";

// npm run audit:verify [-- --checkpoint <file or URL>]: on DATABASE_URL, or on the embedded database of a running `npm start`.
// With a checkpoint (a file kept from /verifier/journal, or the feed /flux/journal.json, file or URL),
// its signature is checked, then the chain must hold the event the latest one attests.
// Exit code 0 when the chain holds, 1 when a row is broken (named) or the tail is missing, 2 when the database or the checkpoint cannot be read.

const plural = (count: number, word: string) => `${word}${count > 1 ? "s" : ""}`;

async function readCheckpoint(source: string): Promise<VerifiedCheckpoint> {
  const text = /^https?:\/\//.test(source)
    ? await fetch(source).then((response) => {
        if (!response.ok) throw new Error(`${source} répond ${response.status}.`);
        return response.text();
      })
    : await readFile(source, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${source} n'est pas un fichier JSON.`);
  }
  const verified = await Promise.all(readCheckpointDocuments(json).map(verifyCheckpoint));
  const latest = latestCheckpoint(verified);
  if (!latest) throw new Error(`${source} ne contient aucun point de contrôle.`);
  return latest;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { checkpoint: { type: "string" } } });
  const env = readEnv();
  let checkpoint: VerifiedCheckpoint | undefined;
  if (values.checkpoint) {
    try {
      checkpoint = await readCheckpoint(values.checkpoint);
    } catch (error) {
      console.error(`Point de contrôle illisible : ${(error as Error).message}`);
      return 2;
    }
    console.log(
      `Point de contrôle : événement n° ${checkpoint.eventId}, signé le ${checkpoint.signedAt.toISOString()} par ${checkpoint.signer.commonName} (certificat SHA-256 ${checkpoint.signer.fingerprint256}) ; signature valide.`,
    );
  }
  const url = env.DATABASE_URL ?? `postgresql://registre:registre@127.0.0.1:${env.REGISTRE_PG_PORT}/registre`;
  const db = createPrismaClient(url);
  try {
    const report = await verifyAuditChain(db, { checkpoint });
    if (report.ok) {
      console.log(`Journal d'audit intègre : ${countOf(report.checked, "événement")} ${agree(report.checked, "vérifié")}${checkpoint ? ", jusqu'au point de contrôle et au-delà" : ""}.`);
      return 0;
    }
    if ("truncated" in report) {
      console.error(`Journal d'audit TRONQUÉ : ${report.truncated.reason}.`);
      console.error(`${report.checked} ${plural(report.checked, "événement")} ${plural(report.checked, "intègre")} avant la coupure.`);
      return 1;
    }
    const { id, occurredAt, action, reason } = report.brokenAt;
    console.error(`Journal d'audit ROMPU à l'événement n° ${id} (${action}, ${occurredAt.toISOString()}) : ${reason}.`);
    console.error(`${countOf(report.checked, "événement")} ${agree(report.checked, "intègre")} avant lui.`);
    return 1;
  } catch (error) {
    console.error(`Lecture du journal impossible (${url.replace(/:[^:@/]+@/, ":***@")}) : ${(error as Error).message}`);
    return 2;
  } finally {
    await db.$disconnect();
  }
}

main().then((code) => process.exit(code));
