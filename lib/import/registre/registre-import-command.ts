import path from "node:path";
import { migrate } from "@/lib/db/migrate";
import { openPortalDatabase } from "@/lib/db/portal-database";
import { createPrismaClient } from "@/lib/db/prisma";
import { countOf } from "@/lib/domain/plural";
import { readEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { importRegistreFile } from "./import-registre-file";

// The portal import as a command: `npm run import -- file.ndjson [--format registre]`
// (lib/import/cli/import.ts) and its standalone runner call it. On
// DATABASE_OWNER_URL (else DATABASE_URL), else the embedded database; the
// schema is migrated first, as npm start and npm run db:migrate do.
// Exit code 0 imported (or checked, --dry-run), 1 refused.

const projectRoot = path.resolve(import.meta.dirname, "../../..");
const say = (line: string) => console.error(`[registre] ${line}`);

export async function runRegistreImport(file: string, values: { municipality?: string; "dry-run"?: boolean; json?: boolean }): Promise<number> {
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
