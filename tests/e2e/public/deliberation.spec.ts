import { expect, test, type Page } from "@playwright/test";
import { deliberationNumberWithStatus, queryOne, rejectedDeliberationNumber } from "./support/db";
import { readReferenceExtract } from "./support/reference-extract";

const reference = readReferenceExtract();
const REFERENCE_URL = `/deliberations/${reference.number}`;

function listUnder(page: Page, heading: string) {
  return page.getByRole("region", { name: heading, exact: true }).getByRole("listitem");
}

/** Names as the list items print them: each followed by its comma, the last by a full stop (text, not CSS). */
const asPrinted = (names: string[]) => names.map((name, index) => `${name}${index < names.length - 1 ? "," : "."}`);

/** The figure a tally row holds, read from the cell next to its row header. */
async function tallyFigure(page: Page, label: string): Promise<string> {
  const table = page.getByRole("table", { name: /Décompte des voix/ });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
  await expect(row).toHaveCount(1);
  return (await row.getByRole("cell").innerText()).trim();
}

test.describe("reference deliberation DL.2022-91", () => {
  test.beforeEach(async ({ page }) => {
    const response = await page.goto(REFERENCE_URL);
    expect(response?.status()).toBe(200);
  });

  test("[deliberation]: the heading names the register, the number, the sitting and the presidency", async ({ page }) => {
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toHaveCount(1);
    // Worded as the reference extract prints it (and as the signed extract does): capitals without accents.
    await expect(heading).toContainText("EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL DE LA VILLE D'AIX-EN-PROVENCE");
    await expect(heading).toContainText(`N° ${reference.number}`);
    await expect(page.getByText("Séance publique du 7 avril 2022")).toBeVisible();
    await expect(page.getByText("Présidence de Sophie JOISSAINS, Maire")).toBeVisible();
  });

  test("[deliberation]: shows the 40 present members", async ({ page }) => {
    expect(reference.present).toHaveLength(40);
    await expect(listUnder(page, "Etaient Présents :")).toHaveText(asPrinted(reference.present));
  });

  test("[deliberation]: shows the 7 proxies as giver à holder", async ({ page }) => {
    expect(reference.proxies).toHaveLength(7);
    await expect(
      listUnder(page, "Excusés avec pouvoir donné conformément aux dispositions de l'article L 2121-20 du Code Général des Collectivités Territoriales :"),
    ).toHaveText(asPrinted(reference.proxies));
  });

  test("[deliberation]: shows the 8 members excused without proxy", async ({ page }) => {
    expect(reference.excused).toHaveLength(8);
    await expect(listUnder(page, "Excusés sans pouvoir :")).toHaveText(asPrinted(reference.excused));
  });

  test("[deliberation]: a list of names copied from the page keeps its separators", async ({ page }) => {
    const copied = await page.getByRole("region", { name: "Etaient Présents :", exact: true }).getByRole("list").evaluate((list) => {
      const selection = window.getSelection();
      const range = document.createRange();
      range.selectNodeContents(list);
      selection?.removeAllRanges();
      selection?.addRange(range);
      return selection?.toString() ?? "";
    });
    expect(copied.replace(/\s+/g, " ").trim()).toBe(`${reference.present.join(", ")}.`);
    expect(copied).toContain("Monsieur Marc PENA, Madame Laure SCANDOLERA");
  });

  test("[deliberation]: shows the secretary and the rapporteur's reading", async ({ page }) => {
    await expect(page.getByText(`Secrétaire : ${reference.secretary}`, { exact: true })).toBeVisible();
    await expect(page.getByText("Madame Fabienne VINCENTI donne lecture du rapport ci-joint.", { exact: true })).toBeVisible();
  });

  test("[deliberation]: the tally table holds every figure of the extract", async ({ page }) => {
    for (const { label, value } of reference.tally) {
      // The extract capitalises "Suffrages Exprimés"; the page writes it in sentence case.
      const pageLabel = label.charAt(0) + label.slice(1).toLowerCase();
      expect(await tallyFigure(page, pageLabel), label).toBe(String(value));
    }
  });

  test("[deliberation]: named vote lists say NEANT when empty", async ({ page }) => {
    for (const heading of ["Ont voté contre", "Se sont abstenus", "N'ont pas pris part au vote"]) {
      await expect(page.getByRole("region", { name: heading, exact: true })).toContainText("NEANT");
    }
  });

  test("[deliberation]: shows the prefecture receipt identifier and its dates", async ({ page }) => {
    const receipt = page.getByRole("region", { name: "Accusé de réception en préfecture" });
    const value = (term: string) => receipt.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");
    await expect(value("Identifiant")).toHaveText(reference.receipt.actesId);
    await expect(value("Date de signature")).toHaveText(reference.receipt.signedAt);
    await expect(value("Date de réception")).toHaveText(reference.receipt.receivedAt);
    for (const step of ["Acte signé", "Compte rendu affiché", "Acte transmis pour exercice du contrôle de légalité"]) {
      await expect(receipt.getByRole("listitem").filter({ hasText: step })).toContainText("✓");
    }
  });

  test("[deliberation]: states the result Adopté à l'unanimité", async ({ page }) => {
    expect(reference.result).toBe("Adopté à l'unanimité");
    await expect(page.getByText(`Le Conseil Municipal a ${reference.result} le rapport qui précède.`)).toBeVisible();
  });

  test("[deliberation]: shows the convocation paragraph as the extract words it", async ({ page }) => {
    await expect(
      page.getByText(
        "Le 7 avril 2022 à 14h00, le Conseil Municipal de la Commune d'Aix-en-Provence s'est réuni en session Ordinaire dans l'Amphithéâtre de la Verrière, 10 rue des Allumettes, 13100 Aix-en-Provence, sur la convocation qui lui a été adressée par Madame Sophie JOISSAINS, Maire, le 1er avril 2022, conformément aux articles L 2121-10 et L 2121-12 du Code Général des Collectivités Territoriales.",
        { exact: true },
      ),
    ).toBeVisible();
  });

  test("[deliberation]: shows the posting date, the signatures, the appeal and annex notices", async ({ page }) => {
    await expect(page.getByText(/Compte-rendu de la délibération affiché le : 12\/04\/2022/)).toBeVisible();
    const signatures = page.getByRole("region", { name: "Signatures" });
    await expect(signatures).toContainText("Ont signé Sophie JOISSAINS, Maire");
    await expect(signatures).toContainText("Président de séance et les membres du conseil présents");
    await expect(signatures).toContainText("L'adjoint ou le conseiller municipal délégué,");
    await expect(signatures).toContainText("Madame Amandine JANER");
    await expect(page.getByText(/Mis en ligne le/)).toBeVisible();
    await expect(page.getByText(/Tribunal administratif de Marseille/)).toBeVisible();
    await expect(page.getByText(/L'ANNEXE DE LA DELIBERATION/)).toBeVisible();
  });

  test("[deliberation]: the sections follow the order of the extract", async ({ page }) => {
    const text = await page.getByRole("article").innerText();
    const milestones = [
      reference.number,
      "Séance publique du",
      "Présidence de",
      "Accusé de réception en préfecture",
      "OBJET",
      "s'est réuni en session",
      "Etaient présents",
      "Excusés avec pouvoir",
      "Excusés sans pouvoir",
      "Secrétaire :",
      "donne lecture du rapport",
      "Nomenclature : 7.10",
      "Mes Chers Collègues",
      "APPROUVER",
      "Présents et représentés",
      "Ont voté contre",
      "Se sont abstenus",
      "N'ont pas pris part au vote",
      "Le Conseil Municipal a",
      "Ont signé",
      "Compte-rendu de la délibération affiché le",
      "Toute décision individuelle",
      "L'ANNEXE DE LA DELIBERATION",
    ];
    let position = -1;
    for (const milestone of milestones) {
      const found = text.toLowerCase().indexOf(milestone.toLowerCase(), position + 1);
      expect(found, `« ${milestone} » after the previous section`).toBeGreaterThan(position);
      position = found;
    }
  });
});

test.describe("unpublished deliberations", () => {
  for (const status of ["DRAFT", "VOTED", "TRANSMITTED", "WITHDRAWN"] as const) {
    test(`[deliberation]: a ${status} deliberation answers 404 and is in no list`, async ({ page }) => {
      const number = await deliberationNumberWithStatus(status);
      expect(number, `the seed holds a ${status} deliberation`).not.toBeNull();
      const response = await page.goto(`/deliberations/${number}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");

      let url: string | null = "/deliberations";
      while (url) {
        await page.goto(url);
        await expect(page.getByRole("link", { name: new RegExp(`^${String(number).replace(".", "\\.")}\\b`) })).toHaveCount(0);
        const next = page.getByRole("link", { name: /Suivante/ });
        url = (await next.count()) > 0 ? await next.getAttribute("href") : null;
      }
    });
  }

  test("[deliberation]: a malformed number answers 404", async ({ page }) => {
    const response = await page.goto("/deliberations/pas-un-numero");
    expect(response?.status()).toBe(404);
  });
});

test("[deliberation]: a rejected act says plainly that it is not executory, without a certification of unticked steps", async ({ page }) => {
  // Without a receipt: "not transmitted" in place of the box; with one (as the seed once had): the receipt, and no certification.
  const number = await rejectedDeliberationNumber();
  expect(number, "the seed holds a published rejected deliberation").not.toBeNull();
  const receipt = await queryOne(
    `SELECT 1 FROM prefecture_receipt r JOIN deliberation d ON d.id = r.deliberation_id WHERE d.number = $1 AND d.status = 'PUBLISHED'`,
    [number],
  );
  await page.goto(`/deliberations/${number}`);
  await expect(page.getByTestId(receipt ? "receipt-note" : "rejected-not-transmitted")).toHaveText(
    receipt
      ? /rejeté ce projet de délibération : il n'a pas de caractère exécutoire à certifier/
      : /rejeté ce projet de délibération : il n'a pas été transmis au contrôle de légalité et n'a pas de caractère exécutoire/,
  );
  await expect(page.getByText(/Pour certification du caractère exécutoire/i)).toHaveCount(0);
  await expect(page.getByRole("article")).not.toContainText("✗");
});
