import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import pg from "pg";
import { serverDatabaseRoles } from "@/lib/db/database-roles";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { EMBEDDED_RUNTIME_ROLE } from "@/lib/db/privileges";
import { createPrismaClient } from "@/lib/db/prisma";
import { readEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { toAppError } from "@/lib/to-app-error";
import { guessImportFormat, IMPORT_FORMATS, type ImportFormat } from "@/lib/import/guess-format";
import { importScdlFile, type ScdlImportProgress } from "@/lib/import/scdl/import-scdl-file";
import { formatImportReport } from "./format-report";
import { loadImportCouncillors } from "@/lib/import/minutes/import-councillors";
import { proposeFromDocument } from "@/lib/import/minutes/propose-from-document";
import { runRegistreImport } from "@/lib/import/registre/registre-import-command";

// npm run import -- <file> [--format scdl|minutes|registre] [--municipality <slug>]
//   [--create-municipality] [--dry-run] [--skip-invalid] [--json]
// On DATABASE_URL, or on the embedded database (that of a running `npm start`,
// else started for the import and stopped after it). The installation
// imports: its audit rows name no user. Exit code 0 when the import is
// written (or, with --dry-run, would be), 1 when it is refused (a row, a
// SIREN, the file), 2 when it cannot run (database, unexpected fault).

const USAGE = `Usage : npm run import -- <fichier> [--format scdl|minutes|registre] [--municipality <identifiant>]
         [--create-municipality] [--dry-run] [--skip-invalid] [--json]

  --format               le format du fichier ; deviné de son contenu sans lui (CSV SCDL, export NDJSON de Registre, PDF ou texte)
                         (minutes : procès-verbal ou extrait ; la proposition lue est affichée, rien n'est enregistré :
                         relisez-la et importez-la depuis l'espace du greffe, /admin/import)
  --municipality         la collectivité où importer (son identifiant, « aix-en-provence ») ; sans lui, celle du SIREN du fichier
  --create-municipality  crée la collectivité du fichier si le portail ne l'a pas (valeurs par défaut listées dans le rapport)
  --dry-run              lit tout et dit ce que l'import ferait, sans rien écrire
  --skip-invalid         écrit les lignes valides et écarte les autres (sans lui : une ligne refusée, rien n'est écrit)
  --json                 le rapport en JSON sur la sortie standard

Base : DATABASE_URL, sinon le PostgreSQL intégré (.data/postgres, REGISTRE_PG_PORT).`;

const say = (line: string) => process.stderr.write(`[import] ${line}\n`);

type Database = { url: string; stop: () => Promise<void> };

/** DATABASE_URL's server, or the embedded one: a running `npm start`'s, else started here. */
async function openDatabase(): Promise<Database> {
  const env = readEnv();
  const roles = serverDatabaseRoles(env);
  if (roles) return { url: roles.runtimeUrl, stop: async () => {} };
  const runtime = EMBEDDED_RUNTIME_ROLE;
  const url = `postgresql://${runtime.name}:${runtime.password}@127.0.0.1:${env.REGISTRE_PG_PORT}/registre`;
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await probe.connect();
    await probe.end();
    return { url, stop: async () => {} };
  } catch (error) {
    await probe.end().catch(() => {});
    if ((error as NodeJS.ErrnoException).code !== "ECONNREFUSED") throw error;
  }
  const dataDir = path.resolve(env.REGISTRE_DATA_DIR, "postgres");
  say(`PostgreSQL intégré démarré pour l'import : ${dataDir} (port ${env.REGISTRE_PG_PORT})`);
  const embedded = await startEmbeddedPostgres({ dataDir, port: env.REGISTRE_PG_PORT, database: "registre", log: say });
  try {
    await migrate({ connectionString: embedded.url, runtimeRole: embedded.runtimeRole, log: say });
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.runtimeUrl, stop: () => embedded.stop() };
}

function progressBar(): { update: (progress: ScdlImportProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: "{phase} [{bar}] {percentage} % | {rows} lignes | {created} actes créés | {eta_formatted}",
      barCompleteChar: "█",
      barIncompleteChar: "░",
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
  );
  let started = false;
  let phase: ScdlImportProgress["phase"] | null = null;
  return {
    update: (progress) => {
      const payload = {
        phase: progress.phase === "digest" ? "Empreinte" : "Import   ",
        rows: (progress.totals?.rowsRead ?? 0).toLocaleString("fr-FR"),
        created: (progress.totals?.created ?? 0).toLocaleString("fr-FR"),
      };
      if (!started || phase !== progress.phase) {
        if (started) bar.stop();
        bar.start(Math.max(progress.size, 1), progress.bytes, payload);
        started = true;
        phase = progress.phase;
      } else bar.update(progress.bytes, payload);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

/**
 * Old minutes or an extract: the assistant's proposal, printed (JSON with
 * --json), never saved. The clerk reviews it in the back office
 * (/admin/import), where it is imported once corrected.
 */
async function proposeMinutes(filePath: string, { municipality, json, refuse }: { municipality?: string; json: boolean; refuse: (message: string, code?: number) => number }): Promise<number> {
  let database: Database;
  try {
    database = await openDatabase();
  } catch (error) {
    return refuse(`La base de données est injoignable : ${(error as Error).message}`, 2);
  }
  const db = createPrismaClient(database.url);
  try {
    const towns = await db.municipality.findMany({ where: municipality ? { slug: municipality } : {}, select: { id: true, slug: true }, take: 2 });
    if (towns.length !== 1) {
      if (municipality) return refuse(`Le portail n'a pas de collectivité « ${municipality} ».`);
      return refuse(towns.length ? "Le portail a plusieurs collectivités : précisez --municipality <identifiant> pour reconnaître les noms de ses élus." : "Le portail n'a aucune collectivité : ses élus sont nécessaires pour reconnaître les noms.");
    }
    const councillors = await loadImportCouncillors(db, towns[0]!.id);
    const proposal = await proposeFromDocument(new Uint8Array(await readFile(filePath)), path.basename(filePath), councillors);
    if (json) console.log(JSON.stringify(proposal, null, 2));
    else {
      for (const sitting of proposal.sittings) {
        console.log(`Séance du ${sitting.date ?? "(date non lue)"}${sitting.hour ? ` à ${sitting.hour}` : ""} : ${sitting.present.length} présents, ${sitting.proxies.length} pouvoirs, ${sitting.deliberations.length} délibérations.`);
        for (const warning of sitting.warnings) console.log(`  - ${warning}`);
      }
      for (const warning of proposal.warnings) console.log(`- ${warning}`);
      console.log("Rien n'est enregistré : relisez et importez cette proposition depuis l'espace du greffe (/admin/import).");
    }
    return 0;
  } catch (error) {
    const refusal = toAppError(error);
    if (refusal) return refuse(refusal.message);
    return refuse(`La lecture a échoué : ${(error as Error).stack ?? String(error)}`, 2);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: "string" },
        municipality: { type: "string" },
        "create-municipality": { type: "boolean" },
        "dry-run": { type: "boolean" },
        "skip-invalid": { type: "boolean" },
        json: { type: "boolean" },
        "batch-size": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const json = values.json === true;
  const refuse = (message: string, code = 1) => {
    if (json) console.log(JSON.stringify({ ok: false, error: message }));
    console.error(message);
    return code;
  };
  if (positionals.length !== 1) return refuse(`Donnez un fichier à importer, un seul.\n\n${USAGE}`);
  const filePath = path.resolve(positionals[0]!);
  const batchSize = values["batch-size"] === undefined ? undefined : Number(values["batch-size"]);
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) return refuse("--batch-size attend un nombre entier de lignes, par exemple 2000.");

  let format: ImportFormat;
  try {
    if (values.format !== undefined) {
      if (!(IMPORT_FORMATS as readonly string[]).includes(values.format)) return refuse(`Format « ${values.format} » inconnu : ${IMPORT_FORMATS.join(", ")}.`);
      format = values.format as ImportFormat;
    } else {
      const guess = await guessImportFormat(filePath);
      if (!guess.ok) return refuse(`${guess.reason} Précisez --format (${IMPORT_FORMATS.join(", ")}).`);
      format = guess.format;
      say(`Format deviné : ${format} (${guess.why}).`);
    }
  } catch (error) {
    return refuse(`Le fichier ${filePath} ne peut être lu : ${(error as Error).message}`);
  }

  switch (format) {
    case "scdl":
      break;
    case "minutes":
      return proposeMinutes(filePath, { municipality: values.municipality, json, refuse });
    case "registre":
      if (values["skip-invalid"] || values["create-municipality"]) return refuse("Un export de Registre s'importe en entier dans un portail vide : --skip-invalid et --create-municipality ne s'y appliquent pas.");
      return runRegistreImport(filePath, { municipality: values.municipality, "dry-run": values["dry-run"], json });
  }

  let database: Database;
  try {
    database = await openDatabase();
  } catch (error) {
    return refuse(`La base de données est injoignable : ${(error as Error).message}`, 2);
  }
  const db = createPrismaClient(database.url);
  const bar = progressBar();
  const started = performance.now();
  try {
    const report = await importScdlFile({
      db,
      filePath,
      municipalitySlug: values.municipality ?? null,
      createMunicipality: values["create-municipality"] === true,
      skipInvalid: values["skip-invalid"] === true,
      dryRun: values["dry-run"] === true,
      batchSize,
      onProgress: bar.update,
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    // maxRSS is in kibibytes.
    const usage = { seconds: Math.round(seconds * 1000) / 1000, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10 };
    if (json) console.log(JSON.stringify({ ok: !report.refused, ...report, process: usage }));
    else {
      console.log(formatImportReport(report, { size: (await stat(filePath)).size }));
      console.log(`Durée : ${seconds.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s ; mémoire maximale : ${usage.peakRssMiB.toLocaleString("fr-FR")} Mio.`);
    }
    return report.refused ? 1 : 0;
  } catch (error) {
    bar.stop();
    if (isAppError(error)) return refuse(error.message);
    return refuse(`L'import a échoué : ${(error as Error).stack ?? String(error)}`, 2);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().then((code) => process.exit(code));
