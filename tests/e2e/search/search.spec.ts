import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";

async function expectNoSeriousViolation(page: Page) {
  const serious = await seriousViolations(page);
  expect(serious, `${page.url()}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
}

const results = (page: Page) => page.getByTestId("search-results").getByRole("listitem");

test.describe("search", () => {
  test("[search]: a citizen finds DL.2022-91 first, narrows to 2022 and matter 7, and opens it", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Recherche" }).click();
    await expect(page).toHaveURL(/\/recherche$/);
    await page.getByLabel(/Mots, expression entre guillemets/).fill("convention territoriale globale");
    await page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await expect(page).toHaveURL(/q=convention\+territoriale\+globale/);
    await expect(page.getByRole("heading", { level: 2, name: /délibérations? trouvées?/ })).toBeVisible();
    await expect(results(page).first().getByRole("link")).toContainText("DL.2022-91");
    await expect(results(page).first().locator("mark").first()).toBeVisible();

    await page.waitForLoadState("load");
    const filters = page.locator("details", { has: page.getByText("Filtres et tri") });
    await expect(async () => {
      if ((await filters.getAttribute("open")) === null) await page.getByText("Filtres et tri").click();
      await expect(filters).toHaveAttribute("open", "", { timeout: 1000 });
    }).toPass();
    await page.getByLabel("Année").selectOption("2022");
    await page.getByLabel("Matière").selectOption("7");
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect(page).toHaveURL(/annee=2022/);
    await expect(page).toHaveURL(/matiere=7(&|$)/);
    await expect(results(page).first().getByRole("link")).toContainText("DL.2022-91");
    for (const item of await results(page).all()) await expect(item.getByRole("link")).toContainText("DL.2022-");

    await results(page).first().getByRole("link").click();
    await expect(page).toHaveURL(/\/deliberations\/DL\.2022-91$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("DL.2022-91");
  });

  test("[search]: words typed in the empty form are ranked by relevance, and the address carries no empty parameter", async ({ page }) => {
    await page.goto("/recherche");
    await page.waitForLoadState("load");
    await page.getByLabel(/Mots, expression entre guillemets/).fill("convention territoriale globale");
    await page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await expect(page).toHaveURL(/\/recherche\?q=convention\+territoriale\+globale$/);
    await expect(page.getByText(/^Les plus pertinentes d'abord/)).toBeVisible();
    await expect(page.getByLabel("Trier par")).toHaveValue("");
  });

  test("[search]: a plain form's empty parameters are redirected to the clean address", async ({ request }) => {
    const response = await request.get("/recherche?q=convention&annee=&du=&au=&seance=&matiere=&rapporteur=&resultat=&unanimite=&tri=", { maxRedirects: 0 });
    expect([303, 307, 308]).toContain(response.status());
    expect(response.headers().location).toMatch(/\/recherche\?q=convention$/);
  });

  test("[search]: a councillor's name finds the councillor, above the acts they reported", async ({ page }) => {
    await page.goto("/recherche?q=Fabienne+VINCENTI");
    const councillors = page.getByRole("region", { name: "Élus" });
    await expect(councillors.getByRole("link", { name: "Madame Fabienne VINCENTI" })).toBeVisible();
    await expect(councillors).toContainText("rapporteur de 1 délibération publiée");
    await expect(results(page).first().getByRole("link")).toContainText("DL.2022-91");
    await page.goto("/recherche?q=JOISSAINS");
    await expect(page.getByRole("region", { name: "Élus" }).getByRole("link", { name: "Madame Sophie JOISSAINS" })).toBeVisible();
    await page.getByRole("region", { name: "Élus" }).getByRole("link", { name: "Madame Sophie JOISSAINS" }).click();
    await expect(page).toHaveURL(/\/elus\/[0-9a-f-]{36}$/);
  });

  test.describe("on a 390 px phone", () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test("[search]: the filters stay folded, even when some are set, and the first result shows on the first screen", async ({ page }) => {
      await page.goto("/recherche?annee=2019");
      await page.waitForLoadState("load");
      const filters = page.locator("details", { has: page.getByText("Filtres et tri") });
      await expect(filters).toContainText("(1 filtre actif)");
      await expect(filters).not.toHaveAttribute("open");
      const first = results(page).first();
      await expect(first).toBeVisible();
      const box = await first.boundingBox();
      expect(box?.y ?? Infinity).toBeLessThan(844);
      await page.getByText("Filtres et tri").click();
      await expect(filters).toHaveAttribute("open", "");
      await expect(page.getByLabel("Année")).toHaveValue("2019");
    });
  });

  test("[search]: the filters offer the sittings by their date, and a sitting narrows the results to it", async ({ page }) => {
    await page.goto("/recherche?q=convention&tri=date");
    await expect(page.locator("details", { has: page.getByText("Filtres et tri") })).toHaveAttribute("open", "");
    const sitting = page.getByLabel("Séance", { exact: true });
    await expect(sitting.getByRole("option", { name: "7 avril 2022", exact: true })).toHaveCount(1);
    await expect(page.getByLabel("Trier par")).toHaveValue("date");
    await sitting.selectOption({ label: "7 avril 2022" });
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await expect(page).toHaveURL(/seance=[0-9a-f-]{36}/);
    await expect(results(page).first()).toBeVisible();
    for (const item of await results(page).all()) await expect(item).toContainText("Séance du 7 avril 2022");
    await expect(page.getByLabel("Séance", { exact: true })).toHaveValue(/^[0-9a-f-]{36}$/);
  });

  test("[search]: with a year chosen, the form offers that year's sittings and says so", async ({ page }) => {
    await page.goto("/recherche?q=convention&annee=2019");
    const sitting = page.getByLabel("Séance", { exact: true });
    await expect(sitting).toHaveAccessibleDescription("Les séances de 2019.");
    const labels = (await sitting.getByRole("option").allTextContents()).slice(1);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/ 2019/);
    await expect(sitting.getByRole("option", { name: "7 avril 2022", exact: true })).toHaveCount(0);
  });

  test("[search]: a number or a receipt identifier goes straight to the deliberation", async ({ page }) => {
    await page.goto("/recherche?q=2022-91");
    await expect(page).toHaveURL(/\/deliberations\/DL\.2022-91$/);
    await page.goto("/recherche?q=013-211300017-20220407-lmc1210471-DE-1-1");
    await expect(page).toHaveURL(/\/deliberations\/DL\.2022-91$/);
  });

  test("[search]: hostile queries give a sensible page, never an error", async ({ page }) => {
    for (const q of ["'; DROP TABLE deliberation; --", "!!! ??? ,,,", "famille & | ! ( :* <->", "x".repeat(10_000)]) {
      const response = await page.goto(`/recherche?q=${encodeURIComponent(q)}&annee=abc&page=-3&matiere=%27`);
      expect(response?.status(), q.slice(0, 40)).toBe(200);
      await expect(page.getByRole("heading", { level: 2 })).toBeVisible();
    }
  });

  test("[search]: the search page links to its own Atom feed, which answers with the same results", async ({ page, request }) => {
    await page.goto("/recherche?q=convention+territoriale+globale");
    const href = await page.getByRole("link", { name: "Suivre cette recherche (flux Atom)" }).getAttribute("href");
    expect(href).toBe("/flux/recherche.atom?q=convention+territoriale+globale");
    const feed = await request.get(href!);
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    expect(await feed.text()).toContain("/deliberations/DL.2022-91");
  });

  test("[search]: the CSV export, the API and the JSON-LD of a deliberation are served", async ({ page, request }) => {
    const csv = await request.get("/donnees/scdl/deliberations.csv");
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\r\n")[0]).toBe(
      "COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,DELIB_OBJET,BUDGET_ANNEE,BUDGET_NOM,PREF_ID,PREF_DATE,VOTE_EFFECTIF,VOTE_REEL,VOTE_POUR,VOTE_CONTRE,VOTE_ABSTENTION,DELIB_URL",
    );
    const api = await request.get("/api/v1/deliberations/DL.2022-91");
    expect(api.headers()["access-control-allow-origin"]).toBe("*");
    expect((await api.json()).number).toBe("DL.2022-91");
    await page.goto("/deliberations/DL.2022-91");
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(jsonLd).toMatchObject({ "@type": "Legislation", legislationIdentifier: "DL.2022-91", legislationDate: "2022-04-07" });
    const robots = await request.get("/robots.txt");
    expect(await robots.text()).toContain("sitemap.xml");
    const sitemap = await request.get("/sitemap.xml");
    expect(sitemap.headers()["content-type"]).toBe("application/xml; charset=utf-8");
    expect(await sitemap.text()).toContain("/deliberations/DL.2022-91");
    // The files an index would list are served too; a made-up one is not.
    expect(await (await request.get("/sitemaps/deliberations-2022.xml")).text()).toContain("/deliberations/DL.2022-91");
    expect((await request.get("/sitemaps/deliberations-1850.xml")).status()).toBe(404);
  });

  for (const url of ["/recherche", "/recherche?q=convention+territoriale&annee=2022", "/recherche?q=%21%21%21", "/donnees", "/statistiques"]) {
    test(`[a11y]: ${url} has no serious or critical axe violation`, async ({ page }) => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      await expectNoSeriousViolation(page);
    });
  }
});
