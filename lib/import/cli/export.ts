import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { openPortalDatabase } from "@/lib/db/portal-database";
import { agree, countOf } from "@/lib/domain/plural";
import { readEnv } from "@/lib/env";
import { exportPortal } from "@/lib/import/registre/export-portal";

// npm run export -- [--municipality <slug>] [--output <file.ndjson>]: a
// municipality's complete records as one NDJSON file (lib/import/registre),
// for `npm run import -- <file> --format registre` on another server. On
// DATABASE_URL (its owner's connection with DATABASE_OWNER_URL), else on the
// embedded database. Without --output the file goes to the standard output;
// with it, to <file>.partial first, renamed once complete, so that an
// interrupted export leaves no file that looks whole.

const USAGE = `Usage : npm run export -- [--municipality <slug>] [--output <fichier.ndjson>]
Sans --output, l'export est écrit sur la sortie standard. Il contient les comptes et leurs mots de passe hachés :
gardez-le comme une sauvegarde de la base. La clé de signature n'en fait pas partie (voir le README).`;

const projectRoot = path.resolve(import.meta.dirname, "../../..");
const say = (line: string) => console.error(`[registre] ${line}`);

async function main(): Promise<number> {
  let values: { municipality?: string; output?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { municipality: { type: "string" }, output: { type: "string" }, help: { type: "boolean" } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const database = await openPortalDatabase(readEnv(), { projectRoot, log: say });
  const client = new pg.Client({ connectionString: database.ownerUrl });
  const target = values.output ? path.resolve(values.output) : null;
  const partial = target ? `${target}.partial` : null;
  try {
    await client.connect();
    const output = partial ? createWriteStream(partial, { mode: 0o600 }) : process.stdout;
    const summary = await exportPortal({ client, municipalitySlug: values.municipality, output });
    if (partial && target) {
      output.end();
      await finished(output);
      await rename(partial, target);
    } else {
      // Written to a pipe: flushed before the process exits.
      await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
    }
    say(
      `Collectivité « ${summary.municipality.slug} » exportée${target ? ` dans ${target}` : ""} : ${countOf(summary.rows, "ligne")} de données ` +
        `(${countOf(summary.counts.deliberation ?? 0, "délibération")}, ${countOf(summary.counts.audit_event ?? 0, "événement")} d'audit, ` +
        `${countOf(summary.counts.issued_extract ?? 0, "document")} ${agree(summary.counts.issued_extract ?? 0, "signé")}).`,
    );
    if (!summary.auditChainComplete) {
      say("Attention : le journal d'audit de cette base est partagé avec d'autres collectivités ; l'import de ce fichier sera refusé (voir le README).");
    }
    say("Le fichier contient les comptes (mots de passe hachés) : conservez-le en lieu sûr. La clé de signature n'est pas exportée.");
    return 0;
  } catch (error) {
    if (partial) await rm(partial, { force: true });
    say(`Export impossible (${database.label}) : ${(error as Error).message}`);
    return 1;
  } finally {
    await client.end().catch(() => undefined);
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`Export impossible : ${(error as Error).message}`);
    process.exit(2);
  },
);
