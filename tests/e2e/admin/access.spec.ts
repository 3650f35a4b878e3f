import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// Who gets into the back office, and how they are turned away.

test("[access]: without a session, the back office sends to the sign-in page", async ({ page }) => {
  await page.goto("/admin/seances");
  await expect(page).toHaveURL(/\/connexion/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion à l'espace du greffe");
});

test("[access]: a wrong password gets the generic message and no session; the right one opens the back office", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByLabel("Adresse électronique").fill(DEMO_ACCOUNTS.clerk.email);
  await page.getByLabel("Mot de passe").fill("pas le bon mot de passe");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("status")).toContainText("Connexion impossible");
  expect((await page.context().cookies()).some((cookie) => cookie.name.endsWith("next-auth.session-token"))).toBe(false);

  await page.getByLabel("Mot de passe").fill(DEMO_ACCOUNTS.clerk.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Espace du greffe");
  await expect(page.getByText("Greffier de démonstration · Greffe")).toBeVisible();

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/connexion/);
});

test("[access]: staff read the sittings but may not create one nor read the audit trail", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.staff);
  await page.goto("/admin/seances");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Séances");
  await expect(page.getByRole("link", { name: "Nouvelle séance" })).toHaveCount(0);
  await page.goto("/admin/seances/nouvelle");
  await expect(page.getByText("Votre rôle ne permet pas cette opération")).toBeVisible();
  await page.goto("/admin/journal");
  await expect(page.getByText("Votre rôle ne permet pas cette opération")).toBeVisible();
  await expect(page.getByRole("link", { name: "Journal d'audit" })).toHaveCount(0);
});

test("[access]: an administrator reads the audit trail in French, filtered: actions, act numbers and names, one filter per kind, no command to run", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.admin);
  await page.goto("/admin/journal");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Journal d'audit");
  await expect(page.getByText("npm run")).toHaveCount(0);
  // One entry per kind of record ("Deliberation" from the seed and "deliberation" from the use cases are one), in French.
  const kinds = await page.getByLabel("Objet").locator("option").allTextContents();
  expect(new Set(kinds).size).toBe(kinds.length);
  expect(kinds).toEqual(expect.arrayContaining(["Délibération", "Séance", "Compte"]));
  expect(kinds.filter((kind) => /^[a-z_]+$/.test(kind))).toEqual([]);

  await page.getByLabel("Objet").selectOption("user");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/objet=user/);
  await expect(page.getByRole("cell", { name: /Compte créé/ }).first()).toBeVisible();

  await page.getByLabel("Objet").selectOption("deliberation");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/objet=deliberation/);
  const actions = await page.locator("tbody tr td:nth-child(4)").allTextContents();
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.filter((text) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(text))).toEqual([]);
  expect(actions.filter((text) => /deliberation\./.test(text))).toEqual([]);
  expect(actions.some((text) => /délibération DL\.\d{4}-\d+/.test(text))).toBe(true);
});

test("[access]: the annex upload route refuses an anonymous request (401) and staff (403)", async ({ page }) => {
  const draftPath = "/admin/deliberations/00000000-0000-4000-8000-000000000000/annexes";
  const anonymous = await page.request.post(draftPath, { multipart: { title: "X", isPublic: "true" } });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({ ok: false, message: expect.stringContaining("Connectez-vous") });
  await signIn(page, DEMO_ACCOUNTS.staff);
  const staff = await page.request.post(draftPath, { multipart: { title: "X", isPublic: "true" } });
  expect(staff.status()).toBe(403);
});

test("[access]: the session lasts half an hour idle, renewed by every back-office request", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.clerk);
  const expiry = async () => (await page.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"))!.expires;
  const first = await expiry();
  expect(first - Date.now() / 1000).toBeGreaterThan(25 * 60);
  expect(first - Date.now() / 1000).toBeLessThanOrEqual(30 * 60 + 5);
  await page.waitForTimeout(1500);
  await page.goto("/admin/seances");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Séances");
  expect(await expiry()).toBeGreaterThan(first);
});
