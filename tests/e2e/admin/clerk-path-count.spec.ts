import { expect, test, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { formatCouncillorName } from "@/lib/domain/format";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// The clerk's path for a two-item sitting, measured: the roll call of the
// sitting, a named public vote on each item with a political group voting
// against, the prefecture's receipt and the publication of both. Every field
// action (fill, click, select, key) and every form submission is counted; the
// figures are written in the README ("Le parcours du greffe, mesuré").

const MUNICIPALITY = process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence";

/** Counts what the clerk does: field actions and form submissions, through the locators it returns. */
function measure(page: Page) {
  const counts = { fieldActions: 0, submissions: 0 };
  const field = (locator: Locator) => ({
    fill: async (value: string) => {
      counts.fieldActions += 1;
      await locator.fill(value);
    },
    click: async () => {
      counts.fieldActions += 1;
      await locator.click();
    },
    selectOption: async (value: string | { label: string }) => {
      counts.fieldActions += 1;
      await locator.selectOption(value);
    },
    press: async (key: string) => {
      counts.fieldActions += 1;
      await locator.press(key);
    },
  });
  const submit = async (name: string) => {
    counts.submissions += 1;
    await page.getByRole("button", { name }).click();
  };
  return { counts, field, submit };
}

test("[clerk's path]: a two-item sitting from the roll call to publication takes few actions", async ({ page }) => {
  test.setTimeout(120_000);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows: [municipality] } = await client.query<{ id: string; siren: string; department_code: string }>(`SELECT id, siren, department_code FROM municipality WHERE slug = $1`, [MUNICIPALITY]);
    const { rows: people } = await client.query<{ id: string; civility: "MADAME" | "MONSIEUR"; first_name: string; last_name: string }>(
      `SELECT id, civility, first_name, last_name FROM councillor WHERE municipality_id = $1 AND NOT is_demo AND mandate_start <= '2024-03-07' AND (mandate_end IS NULL OR mandate_end >= '2024-03-07') ORDER BY last_name, first_name`,
      [municipality!.id],
    );
    const names = people.map((row) => formatCouncillorName({ civility: row.civility, firstName: row.first_name, lastName: row.last_name }));
    // What the agenda gives before the sitting: the sitting, its two items, a group of the opposition.
    const { rows: [sitting] } = await client.query<{ id: string }>(
      `INSERT INTO sitting (municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
       VALUES ($1, '2024-03-07T17:00:00Z', 'Salle du conseil', '2024-03-01', $2, $2, $3) RETURNING id`,
      [municipality!.id, people[0]!.id, people[1]!.id],
    );
    const numbers = ["DL.2024-921", "DL.2024-922"];
    const deliberationIds: string[] = [];
    for (const [index, number] of numbers.entries()) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO deliberation (municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject, matter_code, report, proposals)
         VALUES ($1, $2, $3, 2024, $4, $5, $6, '7.5', 'Rapport.', 'APPROUVER.') RETURNING id`,
        [municipality!.id, sitting!.id, number, 921 + index, index + 1, `Point ${index + 1} : subvention ${index + 1}`],
      );
      deliberationIds.push(rows[0]!.id);
    }
    const groupName = `Opposition e2e ${Date.now()}`;
    const { rows: [group] } = await client.query<{ id: string }>(`INSERT INTO political_group (municipality_id, name) VALUES ($1, $2) RETURNING id`, [municipality!.id, groupName]);
    for (const member of people.slice(-8)) {
      await client.query(`INSERT INTO group_membership (municipality_id, group_id, councillor_id, starts_on) VALUES ($1, $2, $3, '2024-01-01')`, [municipality!.id, group!.id, member.id]);
    }

    await signIn(page, DEMO_ACCOUNTS.clerk);
    const { counts, field, submit } = measure(page);

    // The roll call, once for the sitting: everyone present but one excused and one proxy.
    await page.goto(`/admin/seances/${sitting!.id}/appel`);
    await field(page.getByLabel(`Présence de ${names[2]}`, { exact: true })).selectOption("EXCUSED");
    await field(page.getByLabel(`Présence de ${names[3]}`, { exact: true })).selectOption("REPRESENTED");
    await field(page.getByLabel(`Mandataire de ${names[3]}`, { exact: true })).selectOption({ label: names[4]! });
    await submit("Enregistrer l'appel de la séance");
    await expect(page.getByRole("status").filter({ hasText: "L'appel est enregistré" })).toBeVisible();

    for (const [index, id] of deliberationIds.entries()) {
      await page.goto(`/admin/deliberations/${id}`);
      // The vote: the group against in one click; the next item copies the previous one.
      if (index === 0) await field(page.getByRole("button", { name: `Tout le groupe ${groupName} : contre` })).click();
      else await field(page.getByRole("button", { name: /Reprendre le vote de la délibération n° 1/ })).click();
      await expect(page.getByText("Résultat : Adopté à la majorité")).toBeVisible();
      await submit("Enregistrer le vote");
      await expect(page.getByText("État : Votée")).toBeVisible();

      // The receipt.
      await field(page.getByRole("textbox", { name: "Identifiant ACTES de l'accusé de réception" })).fill(`${municipality!.department_code}-${municipality!.siren}-20240307-E2E${index + 1}-DE-1-1`);
      await field(page.getByLabel("Date de réception en préfecture")).fill("2024-03-11");
      await field(page.getByLabel("Date de signature de l'acte")).fill("2024-03-08");
      await submit("Enregistrer l'accusé de réception");
      await expect(page.getByText("État : Transmise")).toBeVisible();

      // The publication: asked, then confirmed (it cannot be undone).
      await field(page.getByRole("button", { name: "Publier la délibération…" })).click();
      await submit("Confirmer la publication");
      await expect(page.getByText("État : Publiée")).toBeVisible();
    }

    const votes = await client.query<{ number: string; votes_against: number; votes_for: number }>(
      `SELECT d.number, v.votes_against, v.votes_for FROM vote v JOIN deliberation d ON d.id = v.deliberation_id WHERE d.sitting_id = $1 ORDER BY d.number`,
      [sitting!.id],
    );
    expect(votes.rows).toEqual(numbers.map((number) => ({ number, votes_against: 8, votes_for: people.length - 1 - 8 })));
    // The path ends with both acts published, their receipts recorded.
    const states = await client.query<{ number: string; status: string; actes_id: string | null }>(
      `SELECT d.number, d.status, r.actes_id FROM deliberation d LEFT JOIN prefecture_receipt r ON r.deliberation_id = d.id WHERE d.sitting_id = $1 ORDER BY d.number`,
      [sitting!.id],
    );
    expect(states.rows).toEqual(numbers.map((number, index) => ({ number, status: "PUBLISHED", actes_id: `${municipality!.department_code}-${municipality!.siren}-20240307-E2E${index + 1}-DE-1-1` })));
    // Measured on 2026-12-01: 13 field actions and 7 submissions (before: about 75 and 10). The README gives the figures.
    console.log(`Parcours du greffe : ${counts.fieldActions} actions sur les champs, ${counts.submissions} envois de formulaire.`);
    expect(counts.fieldActions).toBeLessThanOrEqual(15);
    expect(counts.submissions).toBeLessThanOrEqual(7);
  } finally {
    await client.end();
  }
});
