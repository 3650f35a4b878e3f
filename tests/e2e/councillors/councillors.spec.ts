import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";

async function expectNoSeriousViolation(page: Page) {
  const serious = await seriousViolations(page);
  expect(serious, `${page.url()}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
}

async function openCouncillor(page: Page, name: RegExp) {
  await page.goto("/elus");
  await page.getByRole("table").getByRole("link", { name }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

test.describe("councillors", () => {
  test("[councillors]: at the reference sitting, a present member reads present, a represented one represented", async ({ page }) => {
    await openCouncillor(page, /Dominique AUGÉY/);
    await expect(page.getByTestId("presence-2022-04-07")).toHaveText("Présente");
    // The reference sitting's two proxies (an archive imported by another test may hold more of hers).
    await expect(page.getByRole("region", { name: /Pouvoirs reçus/ }).getByRole("listitem").filter({ hasText: "séance du 7 avril 2022" })).toHaveCount(2);

    await openCouncillor(page, /Jacques BOUDON/);
    await expect(page.getByTestId("presence-2022-04-07")).toHaveText("Représenté (pouvoir donné)");
    await expect(page.getByRole("region", { name: /Pouvoirs donnés/ })).toContainText("Frédérique DUMICHEL");
  });

  test("[councillors]: the list sorts by attendance through its column header, and says so", async ({ page }) => {
    await page.goto("/elus");
    await page.getByRole("columnheader", { name: /Présence aux séances/ }).getByRole("link").click();
    await expect(page).toHaveURL(/tri=presence&ordre=desc/);
    await expect(page.getByRole("columnheader", { name: /Présence aux séances/ })).toHaveAttribute("aria-sort", "descending");
  });

  test("[councillors]: a fictional councillor's page is labelled as demonstration", async ({ page }) => {
    await page.goto("/elus");
    const demoRow = page.getByRole("row").filter({ hasText: "Démonstration (fictif)" }).first();
    await demoRow.getByRole("link").first().click();
    await expect(page.getByRole("note")).toContainText("fictifs");
  });

  test("[a11y]: the councillors' list and a councillor's page have no serious or critical axe violation", async ({ page }) => {
    // Two axe runs, one over a table of 110 rows: about 30 s on a loaded 2-core machine.
    test.setTimeout(60_000);
    await page.goto("/elus");
    await expectNoSeriousViolation(page);
    await openCouncillor(page, /Jacques BOUDON/);
    await expectNoSeriousViolation(page);
  });
});
