import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma";
import { seedDemoUsers } from "@/prisma/seed/demo-users";
import { referenceCouncillors, referenceMunicipality } from "@/prisma/seed/reference-case";

// The e2e "entry" portal: the reference municipality with its 55 councillors
// and nothing else (no sitting, no DL.2022-91), the demo accounts, served by
// `next start` from the build the main e2e server made. The admin entry spec
// records the sitting of 7 April 2022 and DL.2022-91 on it through the UI and
// compares the public page with the main server's seeded one.

const projectRoot = path.resolve(import.meta.dirname, "../../../..");
const port = Number(process.env.ENTRY_PORT);
const pgPort = Number(process.env.ENTRY_PG_PORT);
const dataDir = path.resolve(projectRoot, process.env.ENTRY_DATA_DIR ?? ".data/e2e-saisie");
const mainUrl = process.env.MAIN_URL ?? "";
const say = (line: string) => console.log(`[saisie] ${line}`);

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} ne répond pas.`);
}

async function main() {
  await rm(dataDir, { recursive: true, force: true });
  const embedded = await startEmbeddedPostgres({ dataDir, port: pgPort, database: "registre", log: say });
  const web: { process?: ChildProcess } = {};
  const stop = async (code: number) => {
    web.process?.kill("SIGTERM");
    await embedded.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  await migrate({ connectionString: embedded.url, runtimeRole: embedded.runtimeRole });
  const db = createPrismaClient(embedded.url);
  await db.$transaction(async (tx) => {
    const municipality = await tx.municipality.create({ data: { ...referenceMunicipality }, select: { id: true } });
    await tx.councillor.createMany({
      data: referenceCouncillors.map((councillor) => ({
        municipalityId: municipality.id,
        civility: councillor.civility,
        firstName: councillor.firstName,
        lastName: councillor.lastName,
        role: councillor.role,
        roleLabel: councillor.roleLabel,
        mandateStart: new Date(`${councillor.mandateStart}T00:00:00Z`),
        mandateEnd: councillor.mandateEnd ? new Date(`${councillor.mandateEnd}T00:00:00Z`) : null,
      })),
    });
    await appendAuditEvent(tx, { municipalityId: municipality.id, action: "seed.e2e-entry", entity: "Municipality", entityId: municipality.id, after: { councillors: referenceCouncillors.length } });
  });
  await seedDemoUsers(db, { municipalitySlug: referenceMunicipality.slug });
  await db.$disconnect();
  say(`${referenceCouncillors.length} élus, aucune séance ; attente de la construction du portail principal…`);
  if (mainUrl) await waitFor(mainUrl);

  web.process = spawn(process.execPath, [path.join(projectRoot, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: projectRoot,
    stdio: "inherit",
    env: {
      ...process.env,
      // The web process connects as the runtime role, as under npm start.
      DATABASE_URL: embedded.runtimeUrl,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: "e2e-entry-portal-secret-0123456789abcdef",
    },
  });
  web.process.on("exit", (code) => void stop(code ?? 0));
}

void main();
