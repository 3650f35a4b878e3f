import { expect, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { queryOne } from "../public/support/db";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// Annexes are PDF by content: a text file renamed .pdf is refused next to the
// field, the title typed stays; a real PDF is listed, then removed.

test("[annexes]: a renamed text file is refused, a real PDF is attached to the draft and can be removed", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.clerk);
  const draft = await queryOne<{ id: string }>(
    `SELECT d.id FROM deliberation d JOIN municipality m ON m.id = d.municipality_id WHERE m.slug = $1 AND d.status = 'DRAFT' ORDER BY d.number LIMIT 1`,
    [process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence"],
  );
  await page.goto(`/admin/deliberations/${draft!.id}`);
  const title = "Plan de financement (e2e)";
  await page.getByRole("textbox", { name: "Titre de l'annexe", exact: true }).fill(title);
  await page.getByLabel("Fichier PDF (10 Mo au plus)").setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: Buffer.from("Pas un PDF, seulement son nom.") });
  await page.getByRole("button", { name: "Ajouter l'annexe" }).click();
  await expect(page.locator("#annexFile-error")).toContainText("n'est pas un PDF lisible");
  await expect(page.getByRole("textbox", { name: "Titre de l'annexe", exact: true })).toHaveValue(title);

  const document = await PDFDocument.create();
  document.addPage();
  await page.getByLabel("Fichier PDF (10 Mo au plus)").setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: Buffer.from(await document.save()) });
  await page.getByRole("button", { name: "Ajouter l'annexe" }).click();
  await expect(page.getByText(`${title} · plan.pdf`)).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Retirer l'annexe « ${title} »` }).click();
  await expect(page.getByText(`${title} · plan.pdf`)).toHaveCount(0);
});
