import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import { PROJECT_ROOT } from "../support/app-source";
import { builtServerActions, callServerAction } from "../support/server-actions";
import { DEMO_ACCOUNTS, signInRequest } from "../support/sign-in";

// Two web instances of one build on one database, as behind a load balancer:
// the portal served by `npm start` (A) and a second web process (B, the one
// `npm start` supervises: lib/db/cli/web.ts, Next behind the front and its
// copies of cached pages) started here. A publication through A reaches B's
// cached pages, and the front's copies of them, through PostgreSQL's NOTIFY
// (lib/cache/tag-cache-handler.mjs), and a draft saved through A renders no
// public page again, on A or on B.

test.describe.configure({ mode: "serial" });

let second: ChildProcess | undefined;
let secondUrl: string;
let mainUrl: string;
let clerk: APIRequestContext;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Copies rows of `table` matching `where`, every stored column as is but those overridden (SQL expressions over the source row `s`). */
async function copyRows(client: pg.Client, table: string, where: string, values: unknown[], overrides: Record<string, string>): Promise<void> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  const columns = rows.map((row) => row.column_name);
  const selected = columns.map((column) => overrides[column] ?? `s.${client.escapeIdentifier(column)}`);
  await client.query(
    `INSERT INTO ${client.escapeIdentifier(table)} (${columns.map((column) => client.escapeIdentifier(column)).join(", ")})
     SELECT ${selected.join(", ")} FROM ${client.escapeIdentifier(table)} s WHERE ${where}`,
    values,
  );
}

/**
 * A withdrawn report of its own, not yet published, in a public demo sitting:
 * a copy of a published withdrawn one (its attendance included) under the
 * year's next number. Withdrawn acts are published without transmission.
 * The sitting must hold a published adopted act too (the test's neighbour):
 * the annexes spec adds a withdrawn act alone in a sitting of its own.
 */
async function unpublishedWithdrawnAct(): Promise<{ id: string; number: string }> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string; year: number; sitting_id: string }>(
      `SELECT d.id, d.year, d.sitting_id FROM deliberation d
        WHERE d.status = 'PUBLISHED' AND d.outcome = 'WITHDRAWN' AND d.is_demo
          AND EXISTS (SELECT 1 FROM deliberation n WHERE n.sitting_id = d.sitting_id AND n.status = 'PUBLISHED' AND n.outcome = 'ADOPTED')
        ORDER BY d.number LIMIT 1`,
    );
    const source = rows[0];
    if (!source) throw new Error("the demo data has no published withdrawn report");
    const id = randomUUID();
    await client.query("BEGIN");
    const { rows: next } = await client.query<{ sequence: number; order: number }>(
      `SELECT (SELECT max(sequence) + 1 FROM deliberation WHERE municipality_id = s.municipality_id AND year = $2) AS sequence,
              (SELECT max(order_in_sitting) + 1 FROM deliberation WHERE sitting_id = $3) AS order
         FROM deliberation s WHERE s.id = $1`,
      [source.id, source.year, source.sitting_id],
    );
    const { sequence, order } = next[0]!;
    await copyRows(client, "deliberation", "s.id = $1", [source.id, id, sequence, order], {
      id: "$2::uuid",
      sequence: "$3::int",
      number: `'DL.' || s.year || '-' || $3::int`,
      order_in_sitting: "$4::int",
      subject: `'Rapport retiré, copie pour le cache partagé ' || $3::int`,
      status: `'WITHDRAWN'`,
      published_at: "NULL",
      created_at: "now()",
      updated_at: "now()",
    });
    await copyRows(client, "attendance", "s.deliberation_id = $1", [source.id, id], { id: "gen_random_uuid()", deliberation_id: "$2::uuid" });
    await client.query("COMMIT");
    return { id, number: `DL.${source.year}-${sequence}` };
  });
}

function actionId(file: string, name: string): string {
  const action = builtServerActions().find((candidate) => candidate.file.endsWith(file) && candidate.name === name);
  if (!action) throw new Error(`no built action ${name} in ${file}`);
  return action.id;
}

/** The page as the instance serves it; `copy`: from the front's copy (it alone sends Age). */
async function cacheState(baseURL: string, pathname: string): Promise<{ status: number; cache: string | undefined; copy: boolean; body: string }> {
  const response = await fetch(new URL(pathname, baseURL), { redirect: "manual" });
  return { status: response.status, cache: response.headers.get("x-nextjs-cache") ?? undefined, copy: response.headers.has("age"), body: await response.text() };
}

/**
 * Asks until the page is served from the instance's cache (the first request
 * renders it), then until the front serves its copy (it copies a hit whose
 * entry it had seen read: lib/http/page-copies.ts).
 */
async function warm(baseURL: string, pathname: string): Promise<void> {
  await expect.poll(async () => (await cacheState(baseURL, pathname)).cache, { timeout: 20_000 }).toBe("HIT");
  await expect.poll(async () => (await cacheState(baseURL, pathname)).copy, { timeout: 10_000 }).toBe(true);
}

test.beforeAll(async ({}, testInfo) => {
  // Starting a second server on a busy 2-core machine takes a while.
  testInfo.setTimeout(180_000);
  mainUrl = testInfo.project.use.baseURL!;
  const port = await freePort();
  secondUrl = `http://127.0.0.1:${port}`;
  const dataDir = path.resolve(PROJECT_ROOT, process.env.REGISTRE_E2E_DATA_DIR ?? ".data/e2e");
  second = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "lib/db/cli/web.ts"), "start"], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: process.env.DATABASE_URL,
      PUBLIC_BASE_URL: mainUrl,
      NEXTAUTH_URL: mainUrl,
      NEXTAUTH_SECRET: readFileSync(path.join(dataDir, "nextauth-secret"), "utf8").trim(),
      REGISTRE_DEVELOPMENT_SIGNING: "1",
      REGISTRE_LISTEN_HOST: "127.0.0.1",
      PORT: String(port),
    },
  });
  second.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[instance B] ${chunk}`));
  await expect.poll(async () => (await fetch(secondUrl).catch(() => null))?.status, { timeout: 150_000 }).toBe(200);
  clerk = await playwrightRequest.newContext({ baseURL: mainUrl });
  await signInRequest(clerk, DEMO_ACCOUNTS.clerk);
});

test.afterAll(async ({}, testInfo) => {
  testInfo.setTimeout(60_000);
  await clerk?.dispose();
  const server = second;
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    const stubborn = setTimeout(() => server.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(stubborn);
  }
});

/** The published acts of `year`'s fictional council, as /statistiques on the instance counts them (its cached figures). */
async function demoActsOfYear(page: Page, baseURL: string, year: string): Promise<number> {
  await page.goto(new URL("/statistiques", baseURL).href);
  const bar = page.getByTestId("chart-years-bars").getByRole("listitem").filter({ hasText: `${year} (démonstration, fictif)` });
  return (await bar.count()) ? Number((await bar.locator("span.tabular-nums").innerText()).replace(/\D/g, "")) : 0;
}

test("[cache]: a publication through one instance is seen promptly on the other, whose pages were cached", async ({ page }) => {
  const act = await unpublishedWithdrawnAct();
  // B's figures (data cache, lib/statistics/public-figures.ts) are read before the publication, and kept.
  const year = act.number.slice(3, 7);
  const countedBefore = await demoActsOfYear(page, secondUrl, year);
  expect(countedBefore).toBeGreaterThan(0);
  const sitting = await withDatabase(async (client) =>
    (await client.query<{ slug: string }>(`SELECT to_char(s.starts_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS slug FROM deliberation d JOIN sitting s ON s.id = d.sitting_id WHERE d.id = $1`, [act.id])).rows[0]!.slug,
  );
  const actPath = `/deliberations/${act.number}`;
  const sittingPath = `/seances/${sitting}`;
  // An adopted act of the same sitting, whose page the publication revalidates (lib/cache/public-pages.ts): its
  // certified extract, copied by B's front once served, is dropped with it.
  const neighbour = await withDatabase(async (client) =>
    (
      await client.query<{ number: string }>(
        `SELECT d.number FROM deliberation d WHERE d.sitting_id = (SELECT sitting_id FROM deliberation WHERE id = $1)
            AND d.status = 'PUBLISHED' AND d.outcome = 'ADOPTED' ORDER BY d.number LIMIT 1`,
        [act.id],
      )
    ).rows[0]!.number,
  );
  const extractPath = `/deliberations/${encodeURIComponent(neighbour)}/extrait.pdf`;
  await expect.poll(async () => (await cacheState(secondUrl, extractPath)).copy, { timeout: 20_000 }).toBe(true);
  // B has the sitting's page in its cache, without the act, and answers 404 for the act.
  await warm(secondUrl, sittingPath);
  expect((await cacheState(secondUrl, sittingPath)).body).not.toContain(act.number);
  expect((await cacheState(secondUrl, actPath)).status).toBe(404);

  const answer = await callServerAction(clerk, {
    baseURL: mainUrl,
    pagePath: `/admin/deliberations/${act.id}`,
    actionId: actionId("app/(admin)/admin/deliberations/actions.ts", "publishDeliberationAction"),
    args: [act.id, { publishedOn: "", publishedAtTime: "" }],
  });
  expect(answer.result).toEqual({ ok: true, data: { id: act.id, number: act.number }, message: `La délibération ${act.number} est publiée.` });

  // No request to A in between: B learns of the publication from PostgreSQL alone.
  await expect.poll(async () => (await cacheState(secondUrl, actPath)).status, { timeout: 10_000, intervals: [100, 250, 500] }).toBe(200);
  await expect.poll(async () => (await cacheState(secondUrl, sittingPath)).body.includes(act.number), { timeout: 10_000, intervals: [100, 250, 500] }).toBe(true);
  // The extract's copy was dropped: the next answer comes from the route (no Age), then a new copy serves it.
  await expect.poll(async () => (await cacheState(secondUrl, extractPath)).copy, { timeout: 10_000, intervals: [100, 250, 500] }).toBe(false);
  const extract = await fetch(new URL(extractPath, secondUrl));
  expect(extract.headers.get("content-type")).toBe("application/pdf");
  expect(extract.headers.get("x-registre-copy-tags")).toBeNull();
  // B's cached statistics count the act: the publication expired them too.
  await expect.poll(() => demoActsOfYear(page, secondUrl, year), { timeout: 10_000, intervals: [250, 500, 1000] }).toBe(countedBefore + 1);
});

test("[cache]: a draft saved through one instance renders no public page again, on either instance", async () => {
  const draft = await withDatabase(async (client) =>
    (
      await client.query<Record<string, string | number | null>>(
        `SELECT d.id, d.number, d.order_in_sitting, d.subject, d.report_subject, d.rapporteur_id, d.service, d.matter_code,
                d.policy_heading, d.report, d.proposals, d.cosignatory_id, d.cosignatory_title
           FROM deliberation d WHERE d.status = 'DRAFT' AND d.is_demo ORDER BY d.number LIMIT 1`,
      )
    ).rows[0]!,
  );
  const published = await withDatabase(async (client) =>
    (
      await client.query<{ number: string; slug: string }>(
        `SELECT d.number, to_char(s.starts_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS slug
           FROM deliberation d JOIN sitting s ON s.id = d.sitting_id WHERE d.status = 'PUBLISHED' AND d.number = 'DL.2022-91'`,
      )
    ).rows[0]!,
  );
  const pages = [`/deliberations/${published.number}`, `/seances/${published.slug}`];
  for (const baseURL of [mainUrl, secondUrl]) for (const page of pages) await warm(baseURL, page);

  const text = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));
  const answer = await callServerAction(clerk, {
    baseURL: mainUrl,
    pagePath: `/admin/deliberations/${draft.id}`,
    actionId: actionId("app/(admin)/admin/deliberations/actions.ts", "updateDeliberationAction"),
    args: [
      draft.id,
      {
        number: text(draft.number),
        orderInSitting: text(draft.order_in_sitting),
        subject: text(draft.subject),
        reportSubject: text(draft.report_subject),
        rapporteurId: text(draft.rapporteur_id),
        service: text(draft.service),
        matterCode: text(draft.matter_code),
        policyHeading: text(draft.policy_heading),
        report: text(draft.report),
        proposals: text(draft.proposals),
        cosignatoryId: text(draft.cosignatory_id),
        cosignatoryTitle: text(draft.cosignatory_title),
      },
    ],
  });
  expect(answer.result).toEqual({ ok: true, data: { id: draft.id }, message: "Le contenu est enregistré." });

  // Had the save revalidated them, the next request would render them again (MISS on the instance that saved).
  for (const baseURL of [mainUrl, secondUrl]) {
    for (const page of pages) {
      const { cache, copy } = await cacheState(baseURL, page);
      expect({ baseURL, page, cache, copy }).toEqual({ baseURL, page, cache: "HIT", copy: true });
    }
  }
});

/** When the newest valid stored page of a path was rendered (lib/http/stored-pages.ts: no tag of it invalidated since), or null. */
async function storedPageRenderedAt(pathname: string): Promise<number | null> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ at: number }>(
      `SELECT (extract(epoch FROM p.rendered_at) * 1000)::float8 AS at FROM rendered_page p
        WHERE p.scope = 'aix-en-provence' AND p.path = $1
          AND NOT EXISTS (SELECT 1 FROM cache_tag_invalidation i WHERE i.scope = p.scope AND i.tag = ANY (p.tags) AND i.invalidated_at >= p.rendered_at)
        ORDER BY p.rendered_at DESC LIMIT 1`,
      [pathname],
    );
    return rows[0]?.at ?? null;
  });
}

test("[cache]: a page the portal stored is served by the other instance before it renders it, and no longer once its path is revalidated", async () => {
  const { number } = await withDatabase(async (client) =>
    (
      await client.query<{ number: string }>(
        `SELECT d.number FROM deliberation d WHERE d.status = 'PUBLISHED' AND d.is_demo AND d.outcome = 'ADOPTED' AND d.number <> 'DL.2022-91'
          ORDER BY d.number DESC LIMIT 1`,
      )
    ).rows[0]!,
  );
  const actPath = `/deliberations/${encodeURIComponent(number)}`;
  // The renderer of `npm start` (lib/http/render-ahead.ts) stores every act of the sitemap soon after the start.
  await expect.poll(() => storedPageRenderedAt(actPath), { timeout: 90_000, intervals: [1_000] }).not.toBeNull();

  // An Accept-Encoding no other request sent: B has no copy of its own under it, so an answer with Age comes from the store.
  const encoding = "gzip;q=0.9, identity;q=0.5";
  const read = async () => {
    const response = await fetch(new URL(actPath, secondUrl), { headers: { "accept-encoding": encoding } });
    return { status: response.status, age: response.headers.get("age"), body: await response.text() };
  };
  const stored = await read();
  expect(stored.status).toBe(200);
  expect(stored.age).not.toBeNull();
  expect(stored.body).toContain(number);

  // A rectification revalidates the act's path: the tag cache handler writes its tag (lib/cache/tag-cache-handler.mjs).
  const invalidatedAt = await withDatabase(async (client) =>
    (
      await client.query<{ at: number }>(
        `INSERT INTO cache_tag_invalidation (scope, tag) VALUES ('aix-en-provence', $1)
         ON CONFLICT (scope, tag) DO UPDATE SET invalidated_at = clock_timestamp(), expire_seconds = NULL
         RETURNING (extract(epoch FROM invalidated_at) * 1000)::float8 AS at`,
        [`_N_T_${actPath}`],
      )
    ).rows[0]!.at,
  );
  expect(await storedPageRenderedAt(actPath)).toBeNull();
  // Neither the store nor B's copy of the stored answer serves it any more: Next renders it again.
  await expect.poll(async () => (await read()).age, { timeout: 10_000, intervals: [100, 250, 500] }).toBeNull();
  expect((await read()).body).toContain(number);
  // The hit Next serves next is copied and stored again, rendered after the invalidation.
  await expect
    .poll(
      async () => {
        await fetch(new URL(actPath, secondUrl), { headers: { "accept-encoding": "gzip" } }).then((response) => response.arrayBuffer());
        return (await storedPageRenderedAt(actPath)) ?? 0;
      },
      { timeout: 20_000, intervals: [250, 500, 1_000] },
    )
    .toBeGreaterThan(invalidatedAt);
});
