import { expect, test } from "@playwright/test";
import { PHONE, PUBLIC_PAGES, urlOf } from "./support/public-pages";

// No public page is wider than a 390 px phone: nothing to scroll sideways, no
// label cut. The widest elements are named when a page overflows.

test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

test("[phone]: every public page fits a 390 px phone (document scrollWidth ≤ 390)", async ({ page }) => {
  test.setTimeout(120_000);
  const overflows: string[] = [];
  for (const publicPage of PUBLIC_PAGES) {
    const url = await urlOf(publicPage);
    const status = publicPage.status ?? 200;
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(status);
    const measure = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll("body *")]
        .map((element) => ({ element, right: element.getBoundingClientRect().right }))
        .filter(({ right }) => right > width + 0.5)
        .slice(0, 5)
        .map(({ element, right }) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${String(element.className).slice(0, 60)} → ${Math.round(right)}`);
      return { scrollWidth: document.documentElement.scrollWidth, bodyWidth: document.body.scrollWidth, wide };
    });
    if (measure.scrollWidth > PHONE.width || measure.bodyWidth > PHONE.width) overflows.push(`${url}: ${measure.scrollWidth} px (${measure.wide.join(" ; ")})`);
  }
  expect(overflows, overflows.join("\n")).toEqual([]);
});

test("[phone]: the statistics' labels and values are text that wraps, never cut (\"100 % (1 s\")", async ({ page }) => {
  await page.goto("/statistiques");
  const rows = page.getByTestId("chart-unanimity-bars").getByRole("listitem");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const row of await rows.all()) {
    await expect(row).toHaveText(/^\d{4}.*\s:\s\d+\s%\s\(\d+ sur \d+\)$/);
    const fits = await row.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return [...element.querySelectorAll("span:not(.sr-only)")].every((span) => {
        const inner = span.getBoundingClientRect();
        return span.scrollWidth <= span.clientWidth + 1 && inner.right <= box.right + 1 && inner.left >= box.left - 1;
      });
    });
    expect(fits, await row.innerText()).toBe(true);
    // Legible: the text keeps its size (the scaled SVG made it about 7 px).
    expect(await row.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(14);
  }
});
