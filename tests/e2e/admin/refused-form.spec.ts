import { expect, test } from "@playwright/test";
import { queryOne } from "../public/support/db";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// A form the server refuses keeps everything the user typed, with the error next to the field.

test("[forms]: a deliberation refused by the server (number taken) keeps every field typed", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.clerk);
  const sitting = await queryOne<{ id: string }>(
    // The reference sitting itself (other specs add sittings of their own, on other days, whose councillors in office differ).
    `SELECT s.id FROM sitting s JOIN municipality m ON m.id = s.municipality_id JOIN deliberation d ON d.sitting_id = s.id WHERE m.slug = $1 AND d.number = 'DL.2022-91' LIMIT 1`,
    [process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence"],
  );
  await page.goto(`/admin/seances/${sitting!.id}/deliberations/nouvelle`);
  const typed = {
    Numéro: "DL.2022-91",
    "Rang dans l'ordre du jour": "7",
    Objet: "Subvention à l'association des jardins partagés",
    "Intitulé du rapport (s'il diffère de l'objet)": "Subvention 2022 - Décision du Conseil",
    Service: "Direction de la vie associative",
    "Politique publique": "03-VIE ASSOCIATIVE",
    Rapport: "Le rapport, **tapé** à la main.\n\nSecond paragraphe.",
    Propositions: "- **APPROUVER** la subvention ;",
    "Qualité du second signataire": "L'adjoint délégué",
  };
  for (const [label, value] of Object.entries(typed)) await page.getByRole("textbox", { name: label, exact: true }).fill(value);
  await page.getByLabel("Rapporteur").selectOption({ label: "VINCENTI Fabienne" });
  await page.getByLabel("Rechercher une matière (code ou mot)").fill("subventions");
  await page.getByLabel("Matière retenue").selectOption("7.5");
  await page.getByRole("combobox", { name: "Second signataire", exact: true }).selectOption({ label: "JANER Amandine" });
  await page.getByRole("button", { name: "Enregistrer le projet" }).click();

  await expect(page.getByRole("status")).toContainText("Le formulaire contient des erreurs");
  const numberField = page.getByRole("textbox", { name: "Numéro", exact: true });
  await expect(numberField).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#number-error")).toContainText("déjà pris");
  for (const [label, value] of Object.entries(typed)) await expect(page.getByRole("textbox", { name: label, exact: true })).toHaveValue(value);
  await expect(page.getByLabel("Matière retenue")).toHaveValue("7.5");
  await expect(page.getByLabel("Rapporteur").locator("option:checked")).toHaveText("VINCENTI Fabienne");
  await expect(page.getByRole("combobox", { name: "Second signataire", exact: true }).locator("option:checked")).toHaveText("JANER Amandine");
  await expect(page).toHaveURL(/\/deliberations\/nouvelle$/);
});

test("[forms]: municipality settings refused (invalid e-mail) keep every field typed, with the error next to the field and nothing saved", async ({ page }) => {
  const slug = process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence";
  const stored = () => queryOne<{ name: string; email: string | null; phone: string | null }>(`SELECT name, email, phone FROM municipality WHERE slug = $1`, [slug]);
  const before = await stored();
  await signIn(page, DEMO_ACCOUNTS.admin);
  await page.goto("/admin/collectivite");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Collectivité");
  await expect(page.getByText("ne se modifient pas ici")).toBeVisible();
  await expect(page.getByRole("link", { name: "Collectivité", exact: true })).toHaveAttribute("aria-current", "page");

  const typed = {
    "Nom de la collectivité": "Ville d'Aix-en-Provence (essai)",
    "Adresse électronique (facultatif)": "pas-un-courriel",
    "Téléphone (facultatif)": "04 42 91 90 01",
    "Membres du conseil en exercice": "54",
    "Consultation des annexes (facultatif)": "Auprès de la direction des assemblées,\ndu lundi au vendredi.",
  };
  for (const [label, value] of Object.entries(typed)) await page.getByRole("textbox", { name: label, exact: true }).fill(value);
  await page.getByRole("button", { name: "Enregistrer les réglages" }).click();

  // The settings page has a second form (derogation windows) with its own status region.
  await expect(page.getByRole("status").filter({ hasText: "Le formulaire contient des erreurs" })).toHaveCount(1);
  const emailField = page.getByRole("textbox", { name: "Adresse électronique (facultatif)", exact: true });
  await expect(emailField).toHaveAttribute("aria-invalid", "true");
  await expect(emailField).toHaveAttribute("aria-describedby", /email-error/);
  await expect(page.locator("#email-error")).toContainText("Saisissez une adresse électronique valide");
  await expect(emailField).toBeFocused();
  for (const [label, value] of Object.entries(typed)) await expect(page.getByRole("textbox", { name: label, exact: true })).toHaveValue(value);
  expect(await stored()).toEqual(before);

  // Saved as it stands (nothing changed), the settings are accepted by the server and stay the same.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Nom de la collectivité", exact: true })).toHaveValue(before!.name);
  await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
  // The settings page has a second form (derogation windows) with its own status region.
  await expect(page.getByRole("status").filter({ hasText: "Les réglages de la collectivité sont enregistrés" })).toHaveCount(1);
  expect(await stored()).toEqual(before);
});

test("[forms]: what is typed and not saved survives a reload, offered back until saved, discarded or signed out", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.clerk);
  const sitting = await queryOne<{ id: string }>(
    // The reference sitting itself (other specs add sittings of their own, on other days, whose councillors in office differ).
    `SELECT s.id FROM sitting s JOIN municipality m ON m.id = s.municipality_id JOIN deliberation d ON d.sitting_id = s.id WHERE m.slug = $1 AND d.number = 'DL.2022-91' LIMIT 1`,
    [process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence"],
  );
  const url = `/admin/seances/${sitting!.id}/deliberations/nouvelle`;
  const subject = page.getByRole("textbox", { name: "Objet", exact: true });
  const report = page.getByRole("textbox", { name: "Rapport", exact: true });
  const notice = page.getByRole("region", { name: "Saisie non enregistrée" });
  await page.goto(url);
  await expect(notice).toHaveCount(0);
  await subject.fill("Convention avec la médiathèque");
  await report.fill("Un rapport long, tapé pendant la séance.");
  await page.waitForTimeout(800);

  await page.reload();
  await expect(notice).toContainText("Une saisie non enregistrée de ce formulaire");
  await expect(subject).toHaveValue("");
  await notice.getByRole("button", { name: "Reprendre cette saisie" }).click();
  await expect(subject).toHaveValue("Convention avec la médiathèque");
  await expect(report).toHaveValue("Un rapport long, tapé pendant la séance.");
  await expect(notice).toHaveCount(0);

  await page.reload();
  await notice.getByRole("button", { name: "L'écarter" }).click();
  await page.reload();
  await expect(notice).toHaveCount(0);

  await subject.fill("Saisie sur un poste partagé");
  await page.waitForTimeout(800);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion/);
  await signIn(page, DEMO_ACCOUNTS.clerk);
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle délibération");
  await expect(notice).toHaveCount(0);
});
