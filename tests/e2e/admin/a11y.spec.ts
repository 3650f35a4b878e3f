import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { queryOne } from "../public/support/db";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// axe on every page of the back office, signed in as an administrator (who sees every page).

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoSeriousViolation(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, help: violation.help, targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")) }));
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

test("[a11y]: every back-office page has no serious or critical axe violation", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_ACCOUNTS.admin);
  const municipality = "(SELECT id FROM municipality WHERE slug = $1)";
  const sittingId = await idOf(`SELECT id FROM sitting WHERE municipality_id = ${municipality} AND NOT is_demo ORDER BY starts_at LIMIT 1`);
  const councillorId = await idOf(`SELECT id FROM councillor WHERE municipality_id = ${municipality} AND NOT is_demo ORDER BY last_name LIMIT 1`);
  const draftId = await idOf(`SELECT d.id FROM deliberation d WHERE d.municipality_id = ${municipality} AND d.status = 'DRAFT' LIMIT 1`);
  const draftSittingId = await idOf(`SELECT d.sitting_id AS id FROM deliberation d WHERE d.municipality_id = ${municipality} AND d.status = 'DRAFT' LIMIT 1`);
  const votedId = await idOf(`SELECT d.id FROM deliberation d WHERE d.municipality_id = ${municipality} AND d.status = 'VOTED' LIMIT 1`);
  const userId = await idOf(`SELECT id FROM app_user WHERE municipality_id = ${municipality} ORDER BY email LIMIT 1`);
  const publishedId = await idOf(`SELECT d.id FROM deliberation d WHERE d.municipality_id = ${municipality} AND d.status = 'PUBLISHED' AND NOT d.is_demo LIMIT 1`);
  for (const url of [
    "/admin",
    "/admin/seances",
    "/admin/seances/nouvelle",
    `/admin/seances/${sittingId}`,
    `/admin/seances/${sittingId}/deliberations/nouvelle`,
    `/admin/seances/${sittingId}/appel`,
    `/admin/seances/${draftSittingId}/appel`,
    "/admin/elus",
    "/admin/elus?q=bou",
    "/admin/elus/nouveau",
    `/admin/elus/${councillorId}`,
    `/admin/deliberations/${draftId}`,
    `/admin/deliberations/${votedId}`,
    `/admin/deliberations/${publishedId}`,
    "/admin/journal",
    "/admin/utilisateurs",
    `/admin/utilisateurs/${userId}`,
    "/admin/collectivite",
  ]) {
    await expectNoSeriousViolation(page, url);
  }
});
