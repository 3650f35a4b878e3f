import path from "node:path";
import { parseArgs } from "node:util";
import { migrate } from "@/lib/db/migrate";
import { openPortalDatabase } from "@/lib/db/portal-database";
import { createPrismaClient } from "@/lib/db/prisma";
import { countOf } from "@/lib/domain/plural";
import { readEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { importRegistreFile } from "./import-registre-file";

// A standalone runner of the portal import, until `npm run import` names it:
//   node --conditions=react-server --import tsx lib/import/registre/run-registre-import.ts <file.ndjson> [--municipality <slug>] [--dry-run] [--json]
// On DATABASE_OWNER_URL (else DATABASE_URL), else the embedded database; the
// schema is migrated first, as npm start and npm run db:migrate do.
// Exit code 0 imported (or checked, --dry-run), 1 refused, 2 bad usage or no database.

const projectRoot = path.resolve(import.meta.dirname, "../../..");
const say = (line: string) => console.error(`[registre] ${line}`);

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { municipality: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } },
  });
  const file = positionals[0];
  if (!file) {
    console.error("Usage : run-registre-import.ts <fichier.ndjson> [--municipality <slug>] [--dry-run] [--json]");
    return 2;
  }
  const database = await openPortalDatabase(readEnv(), { projectRoot, log: say });
  const db = createPrismaClient(database.ownerUrl);
  try {
    await migrate({ connectionString: database.ownerUrl, runtimeRole: database.runtimeRole, log: say });
    const report = await importRegistreFile(path.resolve(file), { db, municipality: values.municipality, dryRun: values["dry-run"] });
    if (values.json) console.log(JSON.stringify(report, null, 2));
    say(
      `${report.dryRun ? "Vérifié sans rien écrire" : "Importé"} : collectivité « ${report.municipality.slug} », ${countOf(report.rows, "ligne")} ` +
        `(${countOf(report.counts.deliberation ?? 0, "délibération")}, ${countOf(report.auditEvents, "événement")} d'audit), fichier SHA-256 ${report.file.sha256}.`,
    );
    return 0;
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (values.json) console.log(JSON.stringify({ error: error.message }, null, 2));
    say(error.message);
    return 1;
  } finally {
    await db.$disconnect();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`Import impossible : ${(error as Error).message}`);
    process.exit(2);
  },
);
