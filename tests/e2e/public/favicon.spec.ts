import { expect, test } from "@playwright/test";

test("[favicon]: /favicon.ico is an icon, and every page names its icons", async ({ page, request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  const bytes = await icon.body();
  expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // ICO header: reserved 0, type 1 (icon)

  await page.goto("/deliberations/DL.2022-91");
  await expect(page.locator('head link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  const svgHref = await page.locator('head link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  const svg = await request.get(svgHref ?? "");
  expect(svg.status()).toBe(200);
  expect(await svg.text()).toContain("<svg");
});
