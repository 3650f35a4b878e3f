import { expect, test } from "@playwright/test";
import { queryOne } from "./support/db";

const NOTICE = /Donnée de démonstration : cette séance, ses délibérations et les élus qui y figurent sont fictifs/;

test("[demo]: a demo deliberation says it is fictional, the reference case does not", async ({ page }) => {
  const demo = await queryOne<{ number: string }>(
    `SELECT number FROM deliberation WHERE is_demo AND status = 'PUBLISHED' ORDER BY number LIMIT 1`,
  );
  expect(demo).not.toBeNull();
  await page.goto(`/deliberations/${demo!.number}`);
  await expect(page.getByRole("note").filter({ hasText: NOTICE })).toBeVisible();

  await page.goto("/deliberations/DL.2022-91");
  await expect(page.getByText(NOTICE)).toHaveCount(0);
});

test("[demo]: lists mark each demo item, and only those", async ({ page }) => {
  await page.goto("/seances");
  const reference = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Séance du 7 avril 2022" }) });
  await expect(reference.getByText("Démonstration (fictif)")).toHaveCount(0);
  const demo = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Séance du 15 novembre 2018" }) });
  await expect(demo.getByText("Démonstration (fictif)")).toBeVisible();
});

test("[demo]: a sitting's page lists who left in the course of the sitting, from which deliberation", async ({ page }) => {
  await page.goto("/seances/2018-06-28");
  const presences = page.getByRole("region", { name: "Présences" });
  await expect(presences.getByRole("heading", { name: "Arrivées, départs et pouvoirs en cours de séance" })).toBeVisible();
  await expect(presences.getByRole("listitem")).toHaveText(["Monsieur Laurent CHABAUD est absent à partir de la délibération DL.2018-154 (A quitté la séance)."]);
});
