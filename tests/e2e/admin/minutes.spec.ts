import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { queryOne } from "../public/support/db";
import { seriousViolations } from "../support/axe";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// The procès-verbal's cycle in the browser, on the fictional demo council: the
// clerk writes the PV of the last demo sitting (12 December 2019, left a
// draft by the seed), submits it to a later sitting, records its adoption
// there, publishes it; a citizen sees its state on the sitting's page,
// downloads the signed PDF and /verifier recognises it. Axe on the pages.

const MUNICIPALITY = process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence";

async function expectNoSeriousViolation(page: Page): Promise<void> {
  const serious = await seriousViolations(page);
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
}

/** The demo sitting of 12 December 2019, and a later demo sitting (23 January 2020) for its PV to be adopted at. */
async function sittings(): Promise<{ sittingId: string; laterSittingId: string }> {
  const sitting = await queryOne<{ id: string; convened_by_id: string; secretary_id: string; municipality_id: string }>(
    `SELECT s.id, s.convened_by_id, s.secretary_id, s.municipality_id FROM sitting s JOIN municipality m ON m.id = s.municipality_id
     WHERE m.slug = $1 AND s.is_demo AND s.starts_at::date = '2019-12-12'`,
    [MUNICIPALITY],
  );
  expect(sitting, "the demo holds the sitting of 12 December 2019").not.toBeNull();
  const laterSittingId = randomUUID();
  await queryOne(
    `INSERT INTO sitting (id, municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id, is_demo)
     VALUES ($1, $2, '2020-01-23T17:00:00Z', 'Hôtel de Ville, salle du conseil (essai e2e)', '2020-01-16', $3, $3, $4, true)`,
    [laterSittingId, sitting!.municipality_id, sitting!.convened_by_id, sitting!.secretary_id],
  );
  return { sittingId: sitting!.id, laterSittingId };
}

test("[minutes]: the clerk writes the PV, submits it, records its adoption at the next sitting and publishes it; the citizen downloads it and /verifier confirms it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { sittingId, laterSittingId } = await sittings();
  await signIn(page, DEMO_ACCOUNTS.clerk);
  await page.goto(`/admin/seances/${sittingId}/proces-verbal`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Procès-verbal de la séance du 12 décembre 2019");
  await expect(page.getByRole("status").filter({ hasText: "État" })).toContainText("En cours de rédaction");
  await expectNoSeriousViolation(page);

  // The opening's account: kept in the browser until saved, previewed as Markdown.
  const opening = page.getByRole("textbox", { name: "Ouverture de la séance" });
  const text = "Le Maire ouvre la séance à 14 h 05 ; **Monsieur le Maire** rend hommage aux agents municipaux.";
  await opening.fill(text);
  await page.waitForTimeout(800);
  await page.reload();
  const notice = page.getByRole("region", { name: "Saisie non enregistrée" });
  await notice.getByRole("button", { name: "Reprendre cette saisie" }).click();
  await expect(opening).toHaveValue(text);
  await page.getByRole("button", { name: "Aperçu : ouverture de la séance" }).click();
  await expect(page.locator("#openingDiscussion-preview strong")).toHaveText("Monsieur le Maire");
  await page.getByRole("button", { name: "Enregistrer le projet de procès-verbal" }).click();
  await expect(page.getByText("Le projet de procès-verbal est enregistré.")).toBeVisible();

  // Submitted to the sitting of 23 January 2020: its agenda gains the approval item.
  await page.getByLabel("Séance qui adoptera le procès-verbal").selectOption(laterSittingId);
  await page.getByRole("button", { name: "Soumettre le procès-verbal à cette séance" }).click();
  await expect(page.getByRole("status").filter({ hasText: "État" })).toContainText("soumis à la séance du 23 janvier 2020");
  const item = await queryOne<{ title: string; kind: string }>(`SELECT title, kind FROM agenda_item WHERE sitting_id = $1`, [laterSittingId]);
  expect(item).toEqual({ title: "Approbation du procès-verbal de la séance du 12 décembre 2019", kind: "MINUTES_APPROVAL" });

  // Adopted at that sitting, then signed and published.
  await page.getByLabel("Voix pour").fill("48");
  await page.getByLabel("Abstentions").fill("2");
  await page.getByRole("button", { name: "Enregistrer l'adoption" }).click();
  await expect(page.getByRole("status").filter({ hasText: "État" })).toContainText("adopté le 23 janvier 2020");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Signer et publier le procès-verbal" }).click();
  await expect(page.getByRole("status").filter({ hasText: "État" })).toContainText("Publié");
  await expect(page.getByRole("link", { name: "Télécharger le procès-verbal signé (PDF)" })).toBeVisible();

  // The citizen, signed in nowhere.
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto("/seances/2019-12-12");
  const section = citizen.getByRole("region", { name: "Procès-verbal" });
  await expect(section).toContainText("Procès-verbal adopté le 23 janvier 2020, publié le ");
  const [download] = await Promise.all([citizen.waitForEvent("download"), section.getByRole("link", { name: /Télécharger le procès-verbal de la séance/ }).click()]);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.toString("latin1")).toContain("/SubFilter /ETSI.CAdES.detached");
  const stored = await queryOne<{ sha256: string }>(`SELECT sha256 FROM issued_extract WHERE kind = 'MINUTES' AND sitting_id = $1`, [sittingId]);
  expect(stored?.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));

  await citizen.goto("/verifier");
  await citizen.getByLabel("Fichier PDF à vérifier").setInputFiles({ name: "proces-verbal.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(citizen.getByRole("heading", { name: /Document authentique/ })).toBeVisible();
  await expect(citizen.getByText("Procès-verbal de la")).toBeVisible();

  // The sitting's page with its PV section, at a desktop's width and at a phone's.
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    await citizen.setViewportSize(viewport);
    await citizen.goto("/seances/2019-12-12");
    await expectNoSeriousViolation(citizen);
  }
});

test("[minutes]: a demo PV adopted at the next sitting shows as published on its sitting's page, and its PDF is signed", async ({ page, request }) => {
  await page.goto("/seances/2018-02-22");
  await expect(page.getByRole("region", { name: "Procès-verbal" })).toContainText("Procès-verbal adopté le 28 juin 2018, publié le 1er juillet 2018.");
  const response = await request.get("/seances/2018-02-22/proces-verbal.pdf");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).toString("latin1")).toContain("/SubFilter /ETSI.CAdES.detached");
  expect((await request.get("/seances/2019-07-04/proces-verbal.pdf")).status()).toBe(200);
});
