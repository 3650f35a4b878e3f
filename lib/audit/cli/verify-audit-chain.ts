import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createPrismaClient } from "@/lib/db/prisma";
import { readEnv } from "@/lib/env";
import { agree, countOf } from "@/lib/domain/plural";

// npm run audit:verify: on DATABASE_URL, or on the embedded database of a running `npm start`.
// Exit code 0 when the chain holds, 1 when a row is broken (named), 2 when the database cannot be read.

async function main(): Promise<number> {
  const env = readEnv();
  const url = env.DATABASE_URL ?? `postgresql://registre:registre@127.0.0.1:${env.REGISTRE_PG_PORT}/registre`;
  const db = createPrismaClient(url);
  try {
    const report = await verifyAuditChain(db);
    if (report.ok) {
      console.log(`Journal d'audit intègre : ${countOf(report.checked, "événement")} ${agree(report.checked, "vérifié")}.`);
      return 0;
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
