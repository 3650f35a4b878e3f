import { expect, test as base, type Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { secretBallotDeliberationNumber, withdrawnDeliberationNumber } from "./support/db";
import { DESKTOP, PHONE, PUBLIC_PAGES, urlOf } from "./support/public-pages";

/**
 * One browser context per worker for the tour of every public page, as a
 * visitor's browser is: the portal's scripts are fetched and compiled once,
 * not once per page.
 */
const test = base.extend<object, { visitor: Page }>({
  visitor: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL, locale, timezoneId } = workerInfo.project.use;
      const context = await browser.newContext({ baseURL, locale, timezoneId });
      await use(await context.newPage());
      await context.close();
    },
    { scope: "worker" },
  ],
});

async function expectNoSeriousViolation(page: Page, url: string, expectedStatus = 200) {
  const response = await page.goto(url);
  expect(response?.status()).toBe(expectedStatus);
  const serious = await seriousViolations(page);
  expect(serious, `${url}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
}

test("[a11y]: the axe run these tests rely on finds a serious violation where there is one", async ({ page }) => {
  await page.setContent(`<html lang="fr"><head><title>Essai</title></head><body><main><h1>Essai</h1><img src="data:,"><button></button></main></body></html>`);
  expect((await seriousViolations(page)).map((violation) => violation.id).sort()).toEqual(["button-name", "image-alt"]);
});

// Every public page (support/public-pages.ts), at a desktop's width and then, the same document
// resized, at a phone's. The layout follows the width through CSS; the one script that reads it (the
// search's filters, unfolded on a wide screen when one is set) leaves them unfolded: more is checked.
for (const publicPage of PUBLIC_PAGES) {
  test(`[a11y]: ${publicPage.name} has no serious or critical axe violation at ${DESKTOP.width} px nor at ${PHONE.width} px`, async ({ visitor }) => {
    const url = await urlOf(publicPage);
    await visitor.setViewportSize(DESKTOP);
    const response = await visitor.goto(url);
    expect(response?.status()).toBe(publicPage.status ?? 200);
    for (const viewport of [DESKTOP, PHONE]) {
      await visitor.setViewportSize(viewport);
      const serious = await seriousViolations(visitor);
      expect(serious, `${url} at ${viewport.width} px: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
    }
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(visitor.locator("html")).toHaveAttribute("lang", "fr");
  });
}

test("[a11y]: a withdrawn deliberation has no serious or critical axe violation", async ({ page }) => {
  const number = await withdrawnDeliberationNumber();
  expect(number, "the seed holds a published withdrawn deliberation").not.toBeNull();
  await expectNoSeriousViolation(page, `/deliberations/${number}`);
  await expect(page.getByText("Retiré de l'ordre du jour").first()).toBeVisible();
  await expect(page.getByRole("table", { name: /Décompte des voix/ })).toHaveCount(0);
});

test("[a11y]: a secret-ballot deliberation has no serious or critical axe violation", async ({ page }) => {
  const number = await secretBallotDeliberationNumber();
  expect(number, "the seed holds a published secret-ballot deliberation").not.toBeNull();
  await expectNoSeriousViolation(page, `/deliberations/${number}`);
  await expect(page.getByText("Scrutin secret", { exact: true })).toBeVisible();
});

test("[a11y]: the audit checkpoints page lists the signed checkpoint npm start made, and has no serious or critical axe violation", async ({ page, request }) => {
  // npm start signs the chain's head as it starts (a child process): wait for it.
  await expect(async () => {
    const response = await page.goto("/verifier/journal");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("table", { name: /Points de contrôle signés/ }).getByRole("link", { name: /^Télécharger le point de contrôle n° \d+$/ }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expectNoSeriousViolation(page, "/verifier/journal");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Points de contrôle du journal d'audit");
  const download = page.getByRole("link", { name: /^Télécharger le point de contrôle n° \d+$/ }).first();
  const file = await request.get((await download.getAttribute("href")) ?? "");
  expect(file.status()).toBe(200);
  const checkpoint = (await file.json()) as { type: string; payload: string; signature: string };
  expect(checkpoint.type).toBe("registre.audit-checkpoint");
  expect(JSON.parse(checkpoint.payload)).toMatchObject({ type: "registre.audit-checkpoint", version: 1, eventId: expect.stringMatching(/^\d+$/) });
  const feed = await request.get("/flux/journal.json");
  expect(feed.headers()["content-type"]).toBe("application/feed+json; charset=utf-8");
  const items = ((await feed.json()) as { items: { _registre_checkpoint: { payload: string } }[] }).items;
  expect(items.map((item) => item._registre_checkpoint.payload)).toContain(checkpoint.payload);
});

test("[a11y]: the 404 page has no serious or critical axe violation", async ({ page }) => {
  await expectNoSeriousViolation(page, "/deliberations/DL.1900-1", 404);
  await expectNoSeriousViolation(page, "/cette-page-n-existe-pas", 404);
});

test("[a11y]: the skip link is the first stop and leads to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#contenu$/);
  await expect(page.getByRole("main")).toBeFocused();
});
