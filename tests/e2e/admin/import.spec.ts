import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { expect, test, type Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// A clerk brings an archive in from the back office: an SCDL file (a dry run
// first, then the import), and an old extract as a PDF whose names the
// assistant matches to the council; one name it cannot be sure of is
// corrected by hand. The acts then show on the public pages and in search.

// A letter first: "2021-<run>" must not read as a Registre number (DL.2021-…).
const run = `e${Date.now().toString(36).slice(-4)}`;

function scdlFile(): Buffer {
  const header = "COLL_NOM;COLL_SIRET;DELIB_ID;DELIB_DATE;DELIB_MATIERE_CODE;DELIB_MATIERE_NOM;DELIB_OBJET;PREF_ID;PREF_DATE;VOTE_EFFECTIF;VOTE_REEL;VOTE_POUR;VOTE_CONTRE;VOTE_ABSTENTION;NATURE_ACTE";
  const rows = [
    `Ville d'Aix-en-Provence;21130001700011;AP D 19-${run}-1;12/03/2019;8.8;ENVIRONNEMENT;"Plan de gestion des platanes ${run} du cours Mirabeau";PREF013;15/03/2019;55;50;45;3;2;DE`,
    `Ville d'Aix-en-Provence;21130001700011;AP D 19-${run}-2;12/03/2019;7.5;finances locales/subventions;Subvention au comité des fêtes ${run};PREF013;15/03/2019;55;50;50;0;0;DE`,
  ];
  return Buffer.from(`\uFEFF${[header, ...rows].join("\r\n")}\r\n`, "utf8");
}

/** The reference extract as another act of another day would print it, one name misspelt, set in a real PDF with a text layer. */
async function extractPdf(): Promise<Buffer> {
  const reference = readFileSync("/work/shared/reference/aix-DL-2022-91.txt", "utf8");
  const text = reference
    .replaceAll("N° DL.2022-91", `N° 2021-${run}`)
    .replaceAll("7 avril 2022", "9 décembre 2021")
    .replaceAll("1er avril 2022", "3 décembre 2021")
    .replaceAll("lundi 11 avril 2022", "lundi 13 décembre 2021")
    .replaceAll("12/04/2022", "14/12/2021")
    .replaceAll("20220407", "20211209")
    .replaceAll("CAF - CONVENTION TERRITORIALE GLOBALE DE SERVICE AUX FAMILLES 2022-2026", `JARDINS PARTAGÉS ${run.toUpperCase()} - CONVENTION D'OCCUPATION`)
    .replaceAll("Monsieur Moussa BENKACI", "Monsieur Moussa BENKASSI")
    .replace(/\*\*|<\/?b>|✓/g, "");
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf")));
  const size = 9;
  const lines = text.split("\n").flatMap((line) => {
    const words = line.split(/\s+/).filter(Boolean);
    if (!words.length) return [""];
    const wrapped: string[] = [];
    let current = "";
    for (const word of words) {
      const next = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > 500 && current) {
        wrapped.push(current);
        current = word;
      } else current = next;
    }
    wrapped.push(current);
    return wrapped;
  });
  let page = pdf.addPage([595, 842]);
  let y = 800;
  for (const line of lines) {
    if (y < 50) {
      page = pdf.addPage([595, 842]);
      y = 800;
    }
    if (line) page.drawText(line, { x: 48, y, size, font });
    y -= size * 1.4;
  }
  return Buffer.from(await pdf.save());
}

test("[import]: a clerk imports an SCDL file and an old extract, corrects a name, and the acts are public and found", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_ACCOUNTS.clerk);
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import d'archives" })).toBeVisible();

  // SCDL: a dry run writes nothing, then the import.
  const file = page.locator("#importFile");
  await file.setInputFiles({ name: `deliberations-2019-${run}.csv`, mimeType: "text/csv", buffer: scdlFile() });
  await page.getByRole("button", { name: "Vérifier sans rien enregistrer" }).click();
  await expect(page.getByRole("heading", { name: /Rapport de l'essai à blanc/ })).toBeVisible();
  await expect(page.getByTestId("import-created")).toHaveText("2");
  expect((await page.goto(`/deliberations/${encodeURIComponent(`AP D 19-${run}-1`)}`))?.status(), "a dry run publishes nothing").toBe(404);

  await page.goto("/admin/import");
  await page.locator("#importFile").setInputFiles({ name: `deliberations-2019-${run}.csv`, mimeType: "text/csv", buffer: scdlFile() });
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(page.getByText("Import enregistré : les actes sont publiés.")).toBeVisible();
  await expect(page.getByRole("table", { name: /Imports d'archives/ })).toContainText(`deliberations-2019-${run}.csv`);

  // An old extract, as a PDF: the proposal to review.
  await page.locator("#importFile").setInputFiles({ name: `extrait-2021-${run}.pdf`, mimeType: "application/pdf", buffer: await extractPdf() });
  await page.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Proposition à relire : extrait-2021-${run}.pdf` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel("Date (AAAA-MM-JJ)")).toHaveValue("2021-12-09");
  // The misspelt name is not matched for sure: the clerk chooses the councillor.
  const misspelt = page.getByLabel("Élu pour « Moussa BENKASSI »");
  await expect(misspelt).toHaveValue("");
  await misspelt.selectOption({ label: "BENKACI Moussa" });
  const identifier = page.getByLabel("Identifiant de l'acte");
  if ((await identifier.inputValue()) === "") await identifier.fill(`2021-${run}`);
  const outcome = page.getByLabel("Sort", { exact: true });
  if ((await outcome.inputValue()) === "") await outcome.selectOption("ADOPTED");
  await page.getByRole("button", { name: "Importer la proposition relue" }).click();
  await expect(page.getByText("Import enregistré : les actes sont publiés.")).toBeVisible();
  await expect(page.getByRole("table", { name: /Imports d'archives/ })).toContainText(`extrait-2021-${run}.pdf`);

  // Public: the archived acts, their provenance, and search.
  await page.goto(`/deliberations/${encodeURIComponent(`AP D 19-${run}-1`)}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`AP D 19-${run}-1`);
  await expect(page.getByText(`« deliberations-2019-${run}.csv »`)).toBeVisible();
  await expect(page.getByText("45 pour, 3 contre")).toBeVisible();

  const identifierValue = await identifierOf(page, `2021-${run}`);
  await page.goto(`/deliberations/${encodeURIComponent(identifierValue)}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`JARDINS PARTAGÉS ${run.toUpperCase()}`);
  await expect(page.getByText("Moussa BENKACI").first()).toBeVisible();

  await page.goto(`/recherche?q=${encodeURIComponent(`platanes ${run}`)}`);
  await expect(page.getByRole("link", { name: new RegExp(`AP D 19-${run}-1`) }).first()).toBeVisible();
});

/** The act's number as the portal keeps it: its identifier, found through the search's reference lookup. */
async function identifierOf(page: Page, identifier: string): Promise<string> {
  await page.goto(`/recherche?q=${encodeURIComponent(identifier)}`);
  const url = new URL(page.url());
  return decodeURIComponent(url.pathname.replace(/^\/deliberations\//, ""));
}
