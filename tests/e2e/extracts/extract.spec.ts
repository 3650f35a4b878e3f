import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { queryOne } from "../public/support/db";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// A citizen downloads the certified extract of the reference deliberation from
// its page, then checks it on /verifier: the file as downloaded is recognised,
// a copy with one byte changed is not, and the code printed on it (the QR
// code's address) leads to the same answer.

async function downloadReferenceExtract(page: Page): Promise<Buffer> {
  await page.goto("/deliberations/DL.2022-91");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Télécharger l'extrait certifié DL\.2022-91/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("DL.2022-91-extrait.pdf");
  return readFile(await download.path());
}

test("[extract]: a citizen downloads the signed extract of DL.2022-91 from its page", async ({ page, request }) => {
  const pdf = await downloadReferenceExtract(page);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.toString("latin1")).toContain("/SubFilter /ETSI.CAdES.detached");

  const response = await request.get("/deliberations/DL.2022-91/extrait.pdf");
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toContain('filename="DL.2022-91-extrait.pdf"');
  // Stored once: the second download is the same bytes, and the ETag revalidates.
  expect(Buffer.compare(await response.body(), pdf)).toBe(0);
  const etag = response.headers().etag ?? "";
  const again = await request.get("/deliberations/DL.2022-91/extrait.pdf", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
});

test("[extract]: /verifier confirms the downloaded extract and rejects a modified copy", async ({ page }) => {
  const pdf = await downloadReferenceExtract(page);
  await page.goto("/verifier");
  await page.getByLabel("Fichier PDF à vérifier").setInputFiles({ name: "DL.2022-91-extrait.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(page.getByRole("heading", { name: /Document authentique/ })).toBeVisible();
  await expect(page.getByText("CAF - CONVENTION TERRITORIALE GLOBALE DE SERVICE AUX FAMILLES 2022-2026")).toBeVisible();
  await expect(page.getByText("C'est la version en vigueur")).toBeVisible();

  const modified = Buffer.from(pdf);
  const index = Math.floor(modified.length / 3);
  modified[index] = (modified[index] ?? 0) ^ 0x20;
  await page.goto("/verifier");
  await page.getByLabel("Fichier PDF à vérifier").setInputFiles({ name: "copie.pdf", mimeType: "application/pdf", buffer: modified });
  await expect(page.getByRole("heading", { name: "Document non reconnu" })).toBeVisible();
});

test("[extract]: /verifier clears its progress message once the verdict is shown, and moves the focus to it", async ({ page }) => {
  const pdf = await downloadReferenceExtract(page);
  await page.goto("/verifier");
  await page.getByLabel("Fichier PDF à vérifier").setInputFiles({ name: "DL.2022-91-extrait.pdf", mimeType: "application/pdf", buffer: pdf });
  const verdict = page.getByRole("heading", { name: /Document authentique/ });
  await expect(verdict).toBeVisible();
  await expect(verdict).toBeFocused();
  await expect(page.getByText(/Empreinte calculée/)).toHaveCount(0);
  await expect(page.getByText(/vérification en cours/)).toHaveCount(0);
});

test("[extract]: a file that is not a PDF dropped on /verifier is told so, in French, and nothing is looked up", async ({ page }) => {
  await page.goto("/verifier");
  const csv = Buffer.from("COLL_NOM,COLL_SIRET,DELIB_ID\r\nVille d'Aix-en-Provence,21130001700011,DL.2022-91\r\n");
  await page.getByLabel("Fichier PDF à vérifier").setInputFiles({ name: "deliberations.csv", mimeType: "text/csv", buffer: csv });
  await expect(page.getByText(/« deliberations\.csv » n'est pas un fichier PDF/)).toBeVisible();
  await expect(page.getByLabel("Fichier PDF à vérifier")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/verifier$/);
  await expect(page.getByRole("heading", { name: "Document non reconnu" })).toHaveCount(0);
});

test("[extract]: the code printed on the extract (its QR code's address) is recognised on /verifier", async ({ page }) => {
  const pdf = await downloadReferenceExtract(page);
  const code = /\/verifier\?code=([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(pdf.toString("latin1"))?.[1];
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await page.goto("/verifier");
  await page.getByLabel("Code de vérification").fill((code ?? "").toLowerCase().replace(/-/g, " "));
  await page.getByRole("button", { name: "Vérifier le code" }).click();
  await expect(page.getByRole("heading", { name: /Code reconnu/ })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "DL.2022-91" })).toBeVisible();

  expect(await seriousViolations(page)).toEqual([]);
});

test("[extract]: the signed list of the sitting's deliberations is downloadable from the sitting's page", async ({ page }) => {
  await page.goto("/seances/2022-04-07");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Télécharger la liste des délibérations/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("seance-2022-04-07-liste-des-deliberations.pdf");
  expect((await readFile(await download.path())).toString("latin1")).toContain("/SubFilter /ETSI.CAdES.detached");
});

test("[extract]: staff download a draft as an unsigned working document; citizens cannot", async ({ page, request }) => {
  const draft = await queryOne<{ id: string }>(`SELECT id FROM deliberation WHERE status = 'DRAFT' ORDER BY number LIMIT 1`);
  expect(draft).not.toBeNull();
  const anonymous = await request.get(`/api/extracts/deliberations/${draft?.id}`);
  expect(anonymous.status()).toBe(401);

  await signIn(page, DEMO_ACCOUNTS.staff);
  const response = await page.request.get(`/api/extracts/deliberations/${draft?.id}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toContain("document-de-travail.pdf");
  expect((await response.body()).toString("latin1")).not.toContain("/ByteRange");
});

test("[extract]: the administrator sees the signing certificate and its expiry", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.admin);
  await page.goto("/admin/certificat");
  await expect(page.getByRole("heading", { name: "Certificat de signature des extraits" })).toBeVisible();
  await expect(page.getByText("Certificat de développement.")).toBeVisible();
  await expect(page.getByText(/Valide du/).first()).toBeVisible();
});
