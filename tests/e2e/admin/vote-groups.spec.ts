import { expect, test } from "@playwright/test";
import pg from "pg";
import { formatCouncillorName } from "@/lib/domain/format";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// A named public vote without one select per councillor: a whole political
// group votes against in one click, everyone else follows in one more, the
// keyboard enters a choice per key, and the next item copies the vote.

const MUNICIPALITY = process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence";

type Councillor = { id: string; name: string };

/** A sitting of two drafts, everyone present, and a group of four among those in office. */
async function insertCalledSitting(client: pg.Client, groupName: string | null, firstSequence = 901) {
  const { rows: people } = await client.query<{ id: string; civility: "MADAME" | "MONSIEUR"; first_name: string; last_name: string; municipality_id: string }>(
    `SELECT c.id, c.civility, c.first_name, c.last_name, c.municipality_id FROM councillor c JOIN municipality m ON m.id = c.municipality_id
     WHERE m.slug = $1 AND NOT c.is_demo AND c.mandate_start <= '2024-02-01' AND (c.mandate_end IS NULL OR c.mandate_end >= '2024-02-01') ORDER BY c.last_name, c.first_name`,
    [MUNICIPALITY],
  );
  const municipalityId = people[0]!.municipality_id;
  const councillors: Councillor[] = people.map((row) => ({ id: row.id, name: formatCouncillorName({ civility: row.civility, firstName: row.first_name, lastName: row.last_name }) }));
  const { rows: sittings } = await client.query<{ id: string }>(
    `INSERT INTO sitting (municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
     VALUES ($1, '2024-02-01T17:00:00Z', 'Salle du conseil', '2024-01-26', $2, $2, $3) RETURNING id`,
    [municipalityId, councillors[0]!.id, councillors[1]!.id],
  );
  const sittingId = sittings[0]!.id;
  const deliberationIds: string[] = [];
  for (const order of [1, 2]) {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO deliberation (municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject, matter_code, report, proposals)
       VALUES ($1, $2, $3, 2024, $4, $5, $6, '7.5', 'Rapport.', 'APPROUVER.') RETURNING id`,
      [municipalityId, sittingId, `DL.2024-${firstSequence - 1 + order}`, firstSequence - 1 + order, order, `Point ${order} de l'ordre du jour`],
    );
    deliberationIds.push(rows[0]!.id);
    for (const councillor of councillors) {
      await client.query(`INSERT INTO attendance (municipality_id, deliberation_id, councillor_id, status) VALUES ($1, $2, $3, 'PRESENT')`, [municipalityId, rows[0]!.id, councillor.id]);
    }
  }
  // Councillors 6 to 9 by name: the measured path's group takes the last eight, and one group at a time holds in the database.
  const members = groupName ? councillors.slice(5, 9) : [];
  const { rows: groups } = groupName
    ? await client.query<{ id: string }>(`INSERT INTO political_group (municipality_id, name) VALUES ($1, $2) RETURNING id`, [municipalityId, groupName])
    : { rows: [] };
  for (const member of members) {
    await client.query(`INSERT INTO group_membership (municipality_id, group_id, councillor_id, starts_on) VALUES ($1, $2, $3, '2024-01-01')`, [municipalityId, groups[0]!.id, member.id]);
  }
  return { sittingId, deliberationIds, councillors, members };
}

test("[vote]: a whole group votes against in one click, the keyboard enters one choice per key, the next item copies the vote", async ({ page }) => {
  test.setTimeout(90_000);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const groupName = `Groupe e2e ${Date.now()}`;
    const { deliberationIds, councillors, members } = await insertCalledSitting(client, groupName);
    await signIn(page, DEMO_ACCOUNTS.clerk);
    await page.goto(`/admin/deliberations/${deliberationIds[0]!}`);
    await expect(page.getByText("P (pour), C (contre), A (abstention) ou N")).toBeVisible();

    await page.getByRole("button", { name: `Tout le groupe ${groupName} : contre` }).click();
    for (const member of members) await expect(page.getByLabel(`Vote de ${member.name}`, { exact: true })).toHaveValue("AGAINST");
    await expect(page.getByLabel(`Vote de ${councillors[0]!.name}`, { exact: true })).toHaveValue("FOR");

    // One key per row: A on the first councillor's row, and the cursor moves to the next one.
    await page.getByLabel(`Vote de ${councillors[0]!.name}`, { exact: true }).focus();
    await page.keyboard.press("a");
    await expect(page.getByLabel(`Vote de ${councillors[0]!.name}`, { exact: true })).toHaveValue("ABSTENTION");
    await expect(page.getByLabel(`Vote de ${councillors[1]!.name}`, { exact: true })).toBeFocused();
    const voters = councillors.length;
    await expect(page.getByText(`Résultat : Adopté à la majorité`)).toBeVisible();

    await page.getByRole("button", { name: "Enregistrer le vote" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Le vote est enregistré : adopté." })).toBeVisible();
    const recorded = await client.query<{ choice: string; count: number }>(
      `SELECT r.choice, count(*)::int AS count FROM vote_record r JOIN vote v ON v.id = r.vote_id WHERE v.deliberation_id = $1 GROUP BY r.choice ORDER BY r.choice::text`,
      [deliberationIds[0]!],
    );
    expect(recorded.rows).toEqual([
      { choice: "FOR", count: voters - 5 },
      { choice: "AGAINST", count: 4 },
      { choice: "ABSTENTION", count: 1 },
    ].sort((a, b) => a.choice.localeCompare(b.choice)));

    // The next item: the same vote in one click.
    await page.goto(`/admin/deliberations/${deliberationIds[1]!}`);
    await page.getByRole("button", { name: /Reprendre le vote de la délibération n° 1/ }).click();
    for (const member of members) await expect(page.getByLabel(`Vote de ${member.name}`, { exact: true })).toHaveValue("AGAINST");
    await expect(page.getByLabel(`Vote de ${councillors[0]!.name}`, { exact: true })).toHaveValue("ABSTENTION");
    // "Everyone else": the copied votes stay, nobody is left untouched, so nothing changes.
    await page.getByRole("button", { name: "Tout remettre à « pour »" }).click();
    await page.getByRole("button", { name: `Tout le groupe ${groupName} : abstention` }).click();
    await page.getByLabel("Tous les autres présents et représentés votent").selectOption("AGAINST");
    await page.getByRole("button", { name: /Appliquer aux autres/ }).click();
    for (const member of members) await expect(page.getByLabel(`Vote de ${member.name}`, { exact: true })).toHaveValue("ABSTENTION");
    await expect(page.getByLabel(`Vote de ${councillors[0]!.name}`, { exact: true })).toHaveValue("AGAINST");
    await expect(page.getByText("Résultat : Rejeté")).toBeVisible();
  } finally {
    await client.end();
  }
});

test("[vote]: a secret ballot's mismatch is said once, an empty count never shows NaN, an error goes when its field changes", async ({ page }) => {
  test.setTimeout(90_000);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { deliberationIds, councillors } = await insertCalledSitting(client, null, 931);
    await signIn(page, DEMO_ACCOUNTS.clerk);
    await page.goto(`/admin/deliberations/${deliberationIds[0]!}`);
    await page.getByLabel("Scrutin secret (décompte seulement)").check();
    await page.getByRole("textbox", { name: "Abstentions", exact: true }).fill("");
    await expect(page.getByText(/NaN/)).toHaveCount(0);

    // Submitted with an empty count: said under the field, and gone as soon as the field changes.
    await page.getByRole("button", { name: "Enregistrer le vote" }).click();
    await expect(page.getByText("Pour : saisissez un nombre entier.")).toBeVisible();
    await page.getByRole("textbox", { name: "Pour", exact: true }).fill("3");
    await expect(page.getByText("Pour : saisissez un nombre entier.")).toHaveCount(0);

    // Counts that do not add up: one message, in the tally, before and after the server's refusal.
    await page.getByRole("textbox", { name: "Contre", exact: true }).fill("2");
    await page.getByRole("textbox", { name: "Abstentions", exact: true }).fill("0");
    const mismatch = `Pour (3) + contre (2) ne font pas les suffrages exprimés (${councillors.length}).`;
    await expect(page.getByText(mismatch)).toHaveCount(1);
    await page.getByRole("button", { name: "Enregistrer le vote" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Le vote ne peut pas être enregistré : corrigez ce qui est signalé." })).toBeVisible();
    await expect(page.getByText(mismatch)).toHaveCount(1);
    await expect(page.getByText(/NaN/)).toHaveCount(0);
  } finally {
    await client.end();
  }
});
