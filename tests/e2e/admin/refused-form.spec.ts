import { expect, test } from "@playwright/test";
import { queryOne } from "../public/support/db";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// A form the server refuses keeps everything the user typed, with the error next to the field.

test("[forms]: a deliberation refused by the server (number taken) keeps every field typed", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.clerk);
  const sitting = await queryOne<{ id: string }>(
    `SELECT s.id FROM sitting s JOIN municipality m ON m.id = s.municipality_id WHERE m.slug = $1 AND NOT s.is_demo ORDER BY s.starts_at LIMIT 1`,
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
