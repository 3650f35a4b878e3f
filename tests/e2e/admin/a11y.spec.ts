import { expect, test as base, type Page } from "@playwright/test";
import { queryOne } from "../public/support/db";
import { seriousViolations } from "../support/axe";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// axe on every page of the back office, signed in as an administrator (who sees every page).

/**
 * The administrator's browser for the tour of the back office, one per worker,
 * signed in once: the portal's scripts are fetched and compiled once, not once
 * per page, and one session serves every page, as a clerk's does.
 */
const test = base.extend<object, { administrator: Page }>({
  administrator: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL, locale, timezoneId } = workerInfo.project.use;
      const context = await browser.newContext({ baseURL, locale, timezoneId });
      const page = await context.newPage();
      await signIn(page, DEMO_ACCOUNTS.admin);
      await use(page);
      await context.close();
    },
    { scope: "worker" },
  ],
});

// axe on a long page (a roll call of 55 councillors) takes its time on a loaded 2-core machine: each page has its own test and budget.
test.describe.configure({ timeout: 120_000 });

async function expectNoSeriousViolation(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  const serious = await seriousViolations(page);
  expect(serious, `${url}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
}

async function idOf(sql: string): Promise<string> {
  const row = await queryOne<{ id: string }>(sql, [process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence"]);
  if (!row) throw new Error(`Aucune ligne pour ${sql}`);
  return row.id;
}

test("[a11y]: the sign-in page has no serious or critical axe violation", async ({ page }) => {
  await expectNoSeriousViolation(page, "/connexion");
});

const MUNICIPALITY = "(SELECT id FROM municipality WHERE slug = $1)";
const sittingId = () => idOf(`SELECT id FROM sitting WHERE municipality_id = ${MUNICIPALITY} AND NOT is_demo ORDER BY starts_at LIMIT 1`);
const draftSittingId = () => idOf(`SELECT d.sitting_id AS id FROM deliberation d WHERE d.municipality_id = ${MUNICIPALITY} AND d.status = 'DRAFT' LIMIT 1`);
const councillorId = () => idOf(`SELECT id FROM councillor WHERE municipality_id = ${MUNICIPALITY} AND NOT is_demo ORDER BY last_name LIMIT 1`);
const deliberationId = (where: string) => idOf(`SELECT d.id FROM deliberation d WHERE d.municipality_id = ${MUNICIPALITY} AND ${where} LIMIT 1`);
const userId = () => idOf(`SELECT id FROM app_user WHERE municipality_id = ${MUNICIPALITY} ORDER BY email LIMIT 1`);

// One test per page, each with its own time budget: a page added costs its own test, not the others' margin.
const BACK_OFFICE_PAGES: [name: string, url: () => Promise<string> | string][] = [
  ["the dashboard", () => "/admin"],
  ["the sittings", () => "/admin/seances"],
  ["a new sitting", () => "/admin/seances/nouvelle"],
  ["a sitting", async () => `/admin/seances/${await sittingId()}`],
  ["a new deliberation", async () => `/admin/seances/${await sittingId()}/deliberations/nouvelle`],
  ["a sitting's roll call", async () => `/admin/seances/${await sittingId()}/appel`],
  ["a sitting's procès-verbal", async () => `/admin/seances/${await sittingId()}/proces-verbal`],
  ["the roll call of a sitting with a draft", async () => `/admin/seances/${await draftSittingId()}/appel`],
  ["the councillors", () => "/admin/elus"],
  ["a councillor search", () => "/admin/elus?q=bou"],
  ["a new councillor", () => "/admin/elus/nouveau"],
  ["the political groups", () => "/admin/groupes"],
  ["a councillor", async () => `/admin/elus/${await councillorId()}`],
  ["a draft deliberation", async () => `/admin/deliberations/${await deliberationId("d.status = 'DRAFT'")}`],
  ["a voted deliberation", async () => `/admin/deliberations/${await deliberationId("d.status = 'VOTED'")}`],
  ["a published deliberation", async () => `/admin/deliberations/${await deliberationId("d.status = 'PUBLISHED' AND NOT d.is_demo")}`],
  ["the audit journal", () => "/admin/journal"],
  ["the users", () => "/admin/utilisateurs"],
  ["a user", async () => `/admin/utilisateurs/${await userId()}`],
  ["the municipality's settings", () => "/admin/collectivite"],
  ["the archive import", () => "/admin/import"],
];

test.describe("back office, signed in as an administrator", () => {
  for (const [name, url] of BACK_OFFICE_PAGES) {
    test(`[a11y]: ${name} has no serious or critical axe violation`, async ({ administrator }) => {
      await expectNoSeriousViolation(administrator, await url());
    });
  }
});
