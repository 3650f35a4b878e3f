import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { secretBallotDeliberationNumber, withdrawnDeliberationNumber } from "./support/db";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoSeriousViolation(page: Page, url: string, expectedStatus = 200) {
  const response = await page.goto(url);
  expect(response?.status()).toBe(expectedStatus);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
  expect(serious, `${url}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
}

const STATIC_PAGES = [
  { name: "home", url: "/" },
  { name: "séances", url: "/seances" },
  { name: "séances filtered by year", url: "/seances?annee=2022" },
  { name: "a séance", url: "/seances/2022-04-07" },
  { name: "a demo séance", url: "/seances/2018-11-15" },
  { name: "délibérations", url: "/deliberations" },
  { name: "délibérations, page 2", url: "/deliberations?page=2" },
  { name: "the accessibility statement", url: "/accessibilite" },
  { name: "the reference deliberation", url: "/deliberations/DL.2022-91" },
];

for (const { name, url } of STATIC_PAGES) {
  test(`[a11y]: ${name} has no serious or critical axe violation`, async ({ page }) => {
    await expectNoSeriousViolation(page, url);
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
