import { expect, test } from "@playwright/test";
import pg from "pg";
import { formatCouncillorName } from "@/lib/domain/format";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// The roll call of a whole sitting: the clerk calls the roll once, then records an
// arrival and a proxy given during the sitting; the proxy rules are checked per
// deliberation as they type, and each draft gets its own list on saving.

const MUNICIPALITY = process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence";

type Councillor = { id: string; name: string };

/** A sitting of three drafts with no roll call yet, as a clerk leaves it after entering the agenda. */
async function insertSittingOfThreeDrafts(client: pg.Client): Promise<{ sittingId: string; deliberationIds: string[]; councillors: Councillor[] }> {
  const { rows: people } = await client.query<{ id: string; civility: "MADAME" | "MONSIEUR"; first_name: string; last_name: string }>(
    `SELECT c.id, c.civility, c.first_name, c.last_name FROM councillor c JOIN municipality m ON m.id = c.municipality_id
     WHERE m.slug = $1 AND NOT c.is_demo AND c.mandate_end IS NULL ORDER BY c.last_name, c.first_name LIMIT 5`,
    [MUNICIPALITY],
  );
  const councillors = people.map((row) => ({ id: row.id, name: formatCouncillorName({ civility: row.civility, firstName: row.first_name, lastName: row.last_name }) }));
  const { rows: sittings } = await client.query<{ id: string }>(
    `INSERT INTO sitting (municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
     SELECT m.id, '2023-01-26T17:00:00Z', 'Salle du conseil', '2023-01-20', $2, $2, $3 FROM municipality m WHERE m.slug = $1 RETURNING id`,
    [MUNICIPALITY, councillors[0]!.id, councillors[1]!.id],
  );
  const sittingId = sittings[0]!.id;
  const deliberationIds: string[] = [];
  for (const order of [1, 2, 3]) {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO deliberation (municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject, matter_code, report, proposals)
       SELECT m.id, $2, $3, 2023, $4, $4, $5, '7.5', 'Rapport.', 'APPROUVER.' FROM municipality m WHERE m.slug = $1 RETURNING id`,
      [MUNICIPALITY, sittingId, `DL.2023-${order}`, order, `Point ${order} de l'ordre du jour`],
    );
    deliberationIds.push(rows[0]!.id);
  }
  return { sittingId, deliberationIds, councillors };
}

test("[roll call]: a clerk calls the roll once for the sitting, records an arrival and a late proxy, checked per deliberation", async ({ page }) => {
  test.setTimeout(90_000);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { sittingId, deliberationIds, councillors } = await insertSittingOfThreeDrafts(client);
    const [a, b, c, d, e] = councillors as [Councillor, Councillor, Councillor, Councillor, Councillor];
    await signIn(page, DEMO_ACCOUNTS.clerk);
    await page.goto(`/admin/seances/${sittingId}`);
    await page.getByRole("link", { name: "Appel de la séance (arrivées et départs)" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Appel de la séance du 26 janvier 2023 à 18h00");

    // The opening call: everyone present by default; one excused, one proxy.
    await page.getByLabel(`Présence de ${a.name}`, { exact: true }).selectOption("EXCUSED");
    await page.getByLabel(`Présence de ${b.name}`, { exact: true }).selectOption("REPRESENTED");
    await page.getByLabel(`Mandataire de ${b.name}`, { exact: true }).selectOption({ label: c.name });

    // From n° 2 on, a councillor leaves and gives a proxy to the same holder: one too many in 2023.
    await page.getByRole("button", { name: "Ajouter une arrivée, un départ ou un pouvoir" }).click();
    await expect(page.getByLabel("Changement 1 : à partir de la délibération")).toBeFocused();
    await page.getByLabel("Changement 1 : à partir de la délibération").selectOption({ label: "n° 2 · DL.2023-2" });
    await page.getByLabel("Changement 1 : élu").selectOption({ label: d.name });
    await page.getByLabel("Changement 1 : présence").selectOption("REPRESENTED");
    await page.getByLabel("Changement 1 : mandataire").selectOption({ label: c.name });
    const summary = page.getByRole("table", { name: /pour chaque délibération/ });
    await expect(summary.getByRole("row", { name: /DL\.2023-2/ })).toContainText("1 problème");
    await expect(summary.getByRole("row", { name: /DL\.2023-1/ })).toContainText("Conformes");
    // Said once per row for both deliberations concerned, not once per deliberation.
    const twoProxies = page.getByText(`Aux délibérations n° 2 (DL.2023-2) et n° 3 (DL.2023-3) : ${c.name} porte déjà 2 pouvoirs (maximum 1 à cette date).`);
    await expect(twoProxies).toHaveCount(2);
    await expect(page.getByText(`La délibération n° 3 (DL.2023-3) : ${c.name}`)).toHaveCount(0);
    await page.getByLabel("Changement 1 : mandataire").selectOption({ label: e.name });
    await expect(page.getByText("Pouvoirs conformes pour toutes les délibérations.")).toBeVisible();

    // From n° 3 on, the excused councillor arrives.
    await page.getByRole("button", { name: "Ajouter une arrivée, un départ ou un pouvoir" }).click();
    await page.getByLabel("Changement 2 : à partir de la délibération").selectOption({ label: "n° 3 · DL.2023-3" });
    await page.getByLabel("Changement 2 : élu").selectOption({ label: a.name });
    await page.getByLabel("Changement 2 : présence").selectOption("PRESENT");
    await page.getByLabel("Changement 2 : remarque").fill("arrivée à 19 h 10");
    await expect(summary.getByRole("row", { name: /DL\.2023-3/ }).getByRole("cell").nth(0)).toHaveText("53");
    await expect(summary.getByRole("row", { name: /DL\.2023-2/ }).getByRole("cell").nth(0)).toHaveText("52");

    await page.getByRole("button", { name: "Enregistrer l'appel de la séance" }).click();
    await expect(page.getByRole("status").filter({ hasText: "L'appel est enregistré : la liste de présence de 3 délibérations est à jour." })).toBeVisible();

    const marks = async (deliberationId: string, councillor: Councillor) =>
      (
        await client.query<{ status: string; proxy_holder_id: string | null; note: string | null }>(
          `SELECT status, proxy_holder_id, note FROM attendance WHERE deliberation_id = $1 AND councillor_id = $2`,
          [deliberationId, councillor.id],
        )
      ).rows[0];
    expect(await marks(deliberationIds[0]!, a)).toEqual({ status: "EXCUSED", proxy_holder_id: null, note: null });
    expect(await marks(deliberationIds[0]!, d)).toEqual({ status: "PRESENT", proxy_holder_id: null, note: null });
    expect(await marks(deliberationIds[1]!, d)).toEqual({ status: "REPRESENTED", proxy_holder_id: e.id, note: null });
    expect(await marks(deliberationIds[2]!, a)).toEqual({ status: "PRESENT", proxy_holder_id: null, note: "arrivée à 19 h 10" });
    expect(await marks(deliberationIds[2]!, b)).toEqual({ status: "REPRESENTED", proxy_holder_id: c.id, note: null });

    // The page shows the call as recorded, and each deliberation its own list.
    await page.reload();
    await expect(page.getByLabel(`Présence de ${a.name}`, { exact: true })).toHaveValue("EXCUSED");
    await expect(page.getByLabel("Changement 1 : élu")).toHaveValue(d.id);
    await expect(page.getByLabel("Changement 2 : remarque")).toHaveValue("arrivée à 19 h 10");
    await page.goto(`/admin/deliberations/${deliberationIds[2]!}`);
    await expect(page.getByLabel(`Présence de ${a.name}`, { exact: true })).toHaveValue("PRESENT");
  } finally {
    await client.end();
  }
});
