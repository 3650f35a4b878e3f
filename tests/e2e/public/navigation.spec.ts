import { expect, test, type Locator, type Page } from "@playwright/test";

/** Presses Tab until the target has the focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator, maxPresses = 150): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < maxPresses; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Focus never reached the target after ${maxPresses} presses of Tab`);
}

test("[navigation]: a citizen goes from home to séances to 7 avril 2022 to DL.2022-91 with the keyboard", async ({ page }) => {
  await page.goto("/");
  const menu = page.getByRole("navigation", { name: "Menu principal" });
  await expect(menu.getByRole("link", { name: "Accueil" })).toHaveAttribute("aria-current", "page");

  await tabTo(page, menu.getByRole("link", { name: "Séances" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/seances$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Séances du conseil municipal");
  await expect(menu.getByRole("link", { name: "Séances" })).toHaveAttribute("aria-current", "page");

  await tabTo(page, page.getByRole("link", { name: "Séance du 7 avril 2022", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/seances\/2022-04-07$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Séance du 7 avril 2022");

  await tabTo(page, page.getByRole("link", { name: "DL.2022-91", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/deliberations\/DL\.2022-91$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("N° DL.2022-91");
});

test("[navigation]: the year filter lists only that year's sittings and marks the current year", async ({ page }) => {
  await page.goto("/seances");
  const filter = page.getByRole("navigation", { name: "Filtrer les séances par année" });
  await tabTo(page, filter.getByRole("link", { name: /2022/ }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/seances\?annee=2022$/);
  await expect(filter.getByRole("link", { name: /2022/ })).toHaveAttribute("aria-current", "page");
  const sittingLinks = page.getByRole("main").getByRole("link", { name: /^Séance du / });
  await expect(sittingLinks.first()).toBeVisible();
  for (const name of await sittingLinks.allInnerTexts()) expect(name).toMatch(/ 2022$/);
});

test("[navigation]: the breadcrumb leads back from the deliberation to the list", async ({ page }) => {
  await page.goto("/deliberations/DL.2022-91");
  const breadcrumb = page.getByRole("navigation", { name: "Fil d'Ariane" });
  await tabTo(page, breadcrumb.getByRole("link", { name: "Délibérations" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/deliberations$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Délibérations publiées");
});

test("[navigation]: the home page's link to every deliberation gives the number the list counts", async ({ page }) => {
  await page.goto("/");
  const all = page.getByRole("link", { name: /^Toutes les délibérations \(\d+\)$/ });
  const count = Number(/\((\d+)\)/.exec(await all.innerText())?.[1]);
  // More than the five the home page lists: the number is the record's, not the page's.
  expect(count).toBeGreaterThan(5);
  await all.click();
  await expect(page).toHaveURL(/\/deliberations$/);
  await expect(page.getByRole("main")).toContainText(`${count} délibérations publiées, de la séance la plus récente à la plus ancienne.`);
});
