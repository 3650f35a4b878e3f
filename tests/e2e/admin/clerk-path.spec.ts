import { expect, test } from "@playwright/test";
import { queryOne } from "../public/support/db";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// The clerk's path where a first real use stumbled: typing under the restore
// offer was lost, the sitting form spoke of the wrong mistakes and offered
// every councillor of every mandate, nothing confirmed a sitting's creation,
// and publishing (irreversible) took one unconfirmed click.

const MUNICIPALITY = process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence";

async function councillorsInOfficeOn(day: string): Promise<number> {
  const row = await queryOne<{ n: number }>(
    `SELECT count(*)::int AS n FROM councillor c JOIN municipality m ON m.id = c.municipality_id
     WHERE m.slug = $1 AND c.mandate_start <= $2::date AND (c.mandate_end IS NULL OR c.mandate_end >= $2::date)`,
    [MUNICIPALITY, day],
  );
  return row!.n;
}

test("[forms]: typing under the restore offer is kept: after a reload, the offer brings back the newest text, and setting the older one aside keeps it", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.clerk);
  const sitting = await queryOne<{ id: string }>(
    `SELECT s.id FROM sitting s JOIN municipality m ON m.id = s.municipality_id WHERE m.slug = $1 AND NOT s.is_demo ORDER BY s.starts_at DESC LIMIT 1`,
    [MUNICIPALITY],
  );
  await page.goto(`/admin/seances/${sitting!.id}/deliberations/nouvelle`);
  const subject = page.getByRole("textbox", { name: "Objet", exact: true });
  const notice = page.getByRole("region", { name: "Saisie non enregistrée" });
  await subject.fill("Première saisie");
  await page.waitForTimeout(800);

  await page.reload();
  await expect(notice).toBeVisible();
  // New typing while the older draft is offered.
  await subject.fill("Seconde saisie, tapée sous le bandeau");
  await page.waitForTimeout(800);
  await page.reload();
  await expect(notice).toBeVisible();
  await notice.getByRole("button", { name: "Reprendre cette saisie" }).click();
  await expect(subject).toHaveValue("Seconde saisie, tapée sous le bandeau");

  // Setting the older draft aside after typing keeps what was typed.
  await page.reload();
  await subject.fill("Troisième saisie");
  await page.waitForTimeout(800);
  await notice.getByRole("button", { name: "L'écarter" }).click();
  await expect(subject).toHaveValue("Troisième saisie");
  await page.reload();
  await notice.getByRole("button", { name: "Reprendre cette saisie" }).click();
  await expect(subject).toHaveValue("Troisième saisie");
});

test("[sitting form]: one message per empty field, officers required, only those in office on the day offered, and the created sitting confirmed", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.clerk);
  await page.goto("/admin/seances/nouvelle");
  await page.getByRole("button", { name: "Créer la séance" }).click();
  await expect(page.locator("#date-error")).toHaveText("Saisissez la date de la séance.");
  await expect(page.locator("#presidentId-error")).toHaveText("Choisissez le président de séance : ce champ est obligatoire.");
  await expect(page.locator("#secretaryId-error")).toHaveText("Choisissez le secrétaire de séance : ce champ est obligatoire.");

  // The choices follow the day typed: the councillors in office that day, and them only.
  const president = page.getByLabel("Présidence de séance");
  await page.getByLabel("Date de la séance").fill("2022-04-07");
  await expect(president.locator("option")).toHaveCount(1 + (await councillorsInOfficeOn("2022-04-07")));
  await page.getByLabel("Date de la séance").fill("2019-02-13");
  const inOffice2019 = await councillorsInOfficeOn("2019-02-13");
  expect(inOffice2019).toBeGreaterThan(0);
  await expect(president.locator("option")).toHaveCount(1 + inOffice2019);
  const ended = await queryOne<{ label: string }>(
    `SELECT c.last_name || ' ' || c.first_name AS label FROM councillor c JOIN municipality m ON m.id = c.municipality_id
     WHERE m.slug = $1 AND NOT c.is_demo AND c.mandate_end IS NOT NULL AND c.mandate_end < '2022-04-07' AND c.mandate_start <= '2019-02-13' AND c.mandate_end >= '2019-02-13' LIMIT 1`,
    [MUNICIPALITY],
  );
  if (ended) await expect(president.locator("option", { hasText: ended.label })).toHaveCount(1);

  await page.getByLabel("Heure d'ouverture").fill("18:00");
  await page.getByLabel("Lieu").fill("Salle des états de Provence (essai e2e)");
  await page.getByLabel("Date de la convocation").fill("2019-02-06");
  await page.getByLabel("Convoquée par").selectOption({ index: 1 });
  await president.selectOption({ index: 1 });
  await page.getByLabel("Secrétaire de séance").selectOption({ index: 2 });
  await page.getByRole("button", { name: "Créer la séance" }).click();
  await expect(page).toHaveURL(/\/admin\/seances\/[0-9a-f-]{36}$/);
  const status = page.getByRole("status").filter({ hasText: "La séance est créée" });
  await expect(status).toBeVisible();
  await expect(status).toBeFocused();
  // Said once: a reload does not say it again.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("13 février 2019");
  await expect(page.getByRole("status").filter({ hasText: "La séance est créée" })).toHaveCount(0);
});

test("[publication]: publishing asks first, in a step the keyboard reaches; going back publishes nothing and keeps what was typed", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.clerk);
  const transmitted = await queryOne<{ id: string; number: string; actes_id: string }>(
    `SELECT d.id, d.number, p.actes_id FROM deliberation d JOIN municipality m ON m.id = d.municipality_id JOIN prefecture_receipt p ON p.deliberation_id = d.id
     WHERE m.slug = $1 AND d.status = 'TRANSMITTED' ORDER BY d.number LIMIT 1`,
    [MUNICIPALITY],
  );
  // The demo data holds one transmitted deliberation (prisma/seed/demo-data.ts): its absence is a failure, not a reason to skip.
  expect(transmitted, "the demo data's transmitted deliberation").not.toBeNull();
  await page.goto(`/admin/deliberations/${transmitted!.id}`);

  // Until publication, the receipt can be corrected: the form starts from what was recorded.
  await page.getByText("Corriger l'accusé de réception ou les dates").click();
  await expect(page.getByRole("textbox", { name: "Identifiant ACTES de l'accusé de réception" })).toHaveValue(transmitted!.actes_id);

  await page.getByLabel("Date de mise en ligne (facultatif)").fill("2020-03-02");
  const ask = page.getByRole("button", { name: "Publier la délibération…" });
  await ask.click();
  const confirmation = page.getByRole("group", { name: `Confirmer la publication de ${transmitted!.number} ?` });
  await expect(confirmation).toBeFocused();
  await expect(confirmation).toContainText("Elle sera publiée le 2 mars 2020, définitivement");
  await page.keyboard.press("Escape");
  await expect(confirmation).toHaveCount(0);
  await expect(ask).toBeFocused();
  await expect(page.getByLabel("Date de mise en ligne (facultatif)")).toHaveValue("2020-03-02");

  await page.keyboard.press("Enter");
  await expect(confirmation).toBeVisible();
  await confirmation.getByRole("button", { name: "Revenir sans publier" }).click();
  await expect(confirmation).toHaveCount(0);
  const row = await queryOne<{ status: string }>(`SELECT status FROM deliberation WHERE id = $1`, [transmitted!.id]);
  expect(row!.status).toBe("TRANSMITTED");
});
