import { expect, test, type Page } from "@playwright/test";
import { formatCouncillorName } from "@/lib/domain/format";
import { referenceCouncillors, referenceDeliberation, referenceRollCall, referenceSitting } from "@/prisma/seed/reference-case";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// The whole of DL.2022-91 entered by a clerk through the back office, on a
// portal that holds only the municipality and its 55 councillors (see
// support/serve-entry-portal.ts): sitting, deliberation, roll call and
// proxies, vote, receipt, publication. The public page must then read exactly
// as the main portal's seeded reference case does.

const ENTRY_URL = process.env.REGISTRE_E2E_ENTRY_URL ?? "";
test.use({ baseURL: ENTRY_URL });

const councillorByName = new Map(referenceCouncillors.map((councillor) => [`${councillor.firstName} ${councillor.lastName}`, councillor]));

function councillor(name: string) {
  const found = councillorByName.get(name);
  if (!found) throw new Error(`Élu inconnu : ${name}`);
  return found;
}

/** The label of a councillor in the back office's select lists: "JOISSAINS Sophie". */
const optionOf = (name: string) => `${councillor(name).lastName} ${councillor(name).firstName}`;
/** As the roll call and the vote name them: "Madame Sophie JOISSAINS". */
const fullName = (name: string) => formatCouncillorName(councillor(name));

async function mainText(page: Page, url: string): Promise<string> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  return (await page.locator("main").innerText()).replace(/\s+/g, " ").trim();
}

test("[entry]: a clerk records the sitting of 7 April 2022 and DL.2022-91 from scratch; the public page reads as the seeded reference", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, DEMO_ACCOUNTS.clerk);

  // The sitting.
  await page.goto("/admin/seances/nouvelle");
  await page.getByLabel("Date de la séance").fill("2022-04-07");
  await page.getByLabel("Heure d'ouverture").fill("14:00");
  await page.getByLabel("Lieu").fill(referenceSitting.place);
  await page.getByLabel("Type de séance").selectOption("ORDINARY");
  await page.getByLabel("Date de la convocation").fill(referenceSitting.convocationDate);
  await page.getByLabel("Convoquée par").selectOption({ label: optionOf(referenceSitting.convenedBy) });
  await page.getByLabel("Présidence de séance").selectOption({ label: optionOf(referenceSitting.president) });
  await page.getByLabel("Secrétaire de séance").selectOption({ label: optionOf(referenceSitting.secretary) });
  await page.getByLabel("Affichage de la liste des délibérations (facultatif)").fill(referenceSitting.listPostedAt);
  await page.getByRole("button", { name: "Créer la séance" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Séance du 7 avril 2022 à 14h00");

  // The deliberation: its number is proposed from the year's sequence (empty here), the clerk types 91.
  await page.getByRole("link", { name: "Ajouter une délibération" }).click();
  await expect(page.getByRole("textbox", { name: "Numéro", exact: true })).toHaveValue("DL.2022-1");
  const deliberation = referenceDeliberation;
  await page.getByRole("textbox", { name: "Numéro", exact: true }).fill(deliberation.number);
  await page.getByLabel("Rang dans l'ordre du jour").fill(String(deliberation.orderInSitting));
  await page.getByRole("textbox", { name: "Objet", exact: true }).fill(deliberation.subject);
  await page.getByLabel("Intitulé du rapport (s'il diffère de l'objet)").fill(deliberation.reportSubject ?? "");
  await page.getByLabel("Rapporteur").selectOption({ label: optionOf(deliberation.rapporteur!) });
  await page.getByLabel("Service").fill(deliberation.service ?? "");
  await page.getByLabel("Rechercher une matière (code ou mot)").fill("finances divers");
  await page.getByLabel("Matière retenue").selectOption(deliberation.matterCode);
  await page.getByLabel("Politique publique").fill(deliberation.policyHeading ?? "");
  await page.getByRole("textbox", { name: "Rapport", exact: true }).fill(deliberation.report);
  await page.getByRole("button", { name: "Aperçu : rapport" }).click();
  await expect(page.locator("#report-preview")).toContainText("La Convention Territoriale Globale (CTG)");
  await page.getByRole("button", { name: "Modifier : rapport" }).click();
  await page.getByRole("textbox", { name: "Propositions", exact: true }).fill(deliberation.proposals);
  await page.getByRole("combobox", { name: "Second signataire", exact: true }).selectOption({ label: optionOf(deliberation.cosignatory!) });
  await page.getByLabel("Qualité du second signataire").fill(deliberation.cosignatoryTitle ?? "");
  await page.getByRole("button", { name: "Enregistrer le projet" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Délibération DL.2022-91");

  // The roll call: everyone present by default; proxies and excuses as the extract lists them.
  for (const { giver, holder } of referenceRollCall.represented) {
    await page.getByLabel(`Présence de ${fullName(giver)}`, { exact: true }).selectOption("REPRESENTED");
    await page.getByLabel(`Mandataire de ${fullName(giver)}`, { exact: true }).selectOption({ label: fullName(holder) });
  }
  for (const name of referenceRollCall.excused) await page.getByLabel(`Présence de ${fullName(name)}`, { exact: true }).selectOption("EXCUSED");
  // A third proxy to one holder is flagged as it is typed, then undone.
  const extra = referenceRollCall.excused[0];
  await page.getByLabel(`Présence de ${fullName(extra)}`, { exact: true }).selectOption("REPRESENTED");
  await page.getByLabel(`Mandataire de ${fullName(extra)}`, { exact: true }).selectOption({ label: fullName("Dominique AUGÉY") });
  await expect(page.getByText("1 problème de pouvoir à corriger")).toBeVisible();
  await page.getByLabel(`Présence de ${fullName(extra)}`, { exact: true }).selectOption("EXCUSED");
  await expect(page.getByText("Pouvoirs conformes.")).toBeVisible();
  await expect(page.getByText("40 présents, 7 représentés, 8 excusés, 0 absent.")).toBeVisible();
  await expect(page.getByText(/^Quorum atteint/)).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer l'appel" }).click();
  await expect(page.getByRole("status").filter({ hasText: "La liste de présence est enregistrée." })).toBeVisible();

  // The vote: unanimous, computed live.
  await expect(page.getByText("Résultat : Adopté à l'unanimité")).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer le vote" }).click();
  await expect(page.getByText("État : Votée")).toBeVisible();

  // The prefecture's receipt, read as it is typed.
  const receipt = deliberation.prefectureReceipt!;
  await page.getByRole("textbox", { name: "Identifiant ACTES de l'accusé de réception" }).fill(receipt.actesId.replace("-DE-1-1", "-XX"));
  await expect(page.getByText(/La nature « XX » est inconnue/)).toBeVisible();
  await page.getByRole("textbox", { name: "Identifiant ACTES de l'accusé de réception" }).fill(receipt.actesId);
  await expect(page.getByText("Identifiant conforme à la collectivité et à la séance.")).toBeVisible();
  await page.getByLabel("Date de réception en préfecture").fill(receipt.receivedAt);
  await page.getByLabel("Date de signature de l'acte").fill(receipt.signedAt!);
  await page.getByLabel("Date d'affichage du compte rendu (facultatif)").fill(deliberation.postedAt!);
  await page.getByRole("button", { name: "Enregistrer l'accusé de réception" }).click();
  await expect(page.getByText("État : Transmise")).toBeVisible();

  // Publication, at the moment the reference case was put online.
  await page.getByLabel("Date de mise en ligne (facultatif)").fill("2022-04-12");
  await page.getByLabel("Heure de mise en ligne (facultatif)").fill("10:00");
  await page.getByRole("button", { name: "Publier la délibération…" }).click();
  await page.getByRole("button", { name: "Confirmer la publication" }).click();
  await expect(page.getByText("État : Publiée")).toBeVisible();

  // The public page, read anonymously on both portals.
  const anonymous = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const reader = await anonymous.newPage();
  const entered = await mainText(reader, `${ENTRY_URL}/deliberations/DL.2022-91`);
  const seeded = await mainText(reader, `${new URL(process.env.REGISTRE_E2E_MAIN_URL ?? "http://127.0.0.1:3200").origin}/deliberations/DL.2022-91`);
  expect(entered).toContain("Adopté à l'unanimité");
  expect(entered).toBe(seeded);
  await anonymous.close();
});
