import { expect, test } from "@playwright/test";
import ICAL from "ical.js";
import pg from "pg";
import { seriousViolations } from "../support/axe";
import { DEMO_ACCOUNTS, signIn } from "../support/sign-in";

// A clerk prepares a sitting three days ahead: the agenda (a deliberation item
// that creates its draft, a communication), then records the convocation's
// sending by hand (no SMTP on this server). The short delay is announced as
// they type and refused until the urgency is marked with its reason; then the
// sending is recorded, the signed convocation downloads, and the home shows
// the deadlines. From that moment the citizen sees the sitting coming: on the
// public home page with its agenda, and in its calendar file.

const MUNICIPALITY = process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence";

function parisDay(offsetDays: number): string {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(day);
}

async function insertSittingToConvene(client: pg.Client, day: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `WITH officers AS (
       SELECT c.id FROM councillor c JOIN municipality m ON m.id = c.municipality_id
       WHERE m.slug = $1 AND NOT c.is_demo AND c.mandate_end IS NULL ORDER BY c.last_name, c.first_name LIMIT 2)
     INSERT INTO sitting (municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
     SELECT m.id, ($2::date + time '18:00') AT TIME ZONE 'Europe/Paris', 'Salle du conseil (essai de convocation)', NULL,
       (SELECT id FROM officers LIMIT 1), (SELECT id FROM officers LIMIT 1), (SELECT id FROM officers OFFSET 1 LIMIT 1)
     FROM municipality m WHERE m.slug = $1 RETURNING id`,
    [MUNICIPALITY, day],
  );
  return rows[0]!.id;
}

function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
}

test("[convocation]: a clerk prepares the agenda and records the convocation; a short delay needs the urgency and its reason; the citizen then sees it coming", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const today = parisDay(0);
    const sittingId = await insertSittingToConvene(client, parisDay(3));
    await signIn(page, DEMO_ACCOUNTS.clerk);
    await page.goto(`/admin/seances/${sittingId}`);
    await expect(page.getByText("La séance n'est pas encore convoquée.")).toBeVisible();

    // A deliberation item creates its draft.
    await page.getByLabel("Intitulé du point").fill("Tarifs de la restauration scolaire (essai)");
    await page.getByLabel("Rechercher une matière (code ou mot)").fill("7.10");
    await page.getByLabel("Matière retenue").selectOption("7.10");
    await page.getByLabel("Note explicative de synthèse").fill("Les tarifs évoluent de **2 %** à la rentrée.");
    await page.getByRole("button", { name: "Ajouter le point" }).click();
    await expect(page.getByText("Le point est ajouté, avec son projet de délibération.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "1. Tarifs de la restauration scolaire (essai)" })).toBeVisible();

    // A communication, then moved to the top.
    await page.getByLabel("Nature du point").selectOption("COMMUNICATION");
    await page.getByLabel("Intitulé du point").fill("Communication sur la rentrée scolaire (essai)");
    await page.getByRole("button", { name: "Ajouter le point" }).click();
    await expect(page.getByRole("heading", { name: "2. Communication sur la rentrée scolaire (essai)" })).toBeVisible();
    await page.getByRole("button", { name: "Monter le point 2" }).click();
    await expect(page.getByRole("heading", { name: "1. Communication sur la rentrée scolaire (essai)" })).toBeVisible();

    // The convocation: sent today, three days before: 2 clear days, 5 required.
    await expect(page.getByLabel("Date de l'envoi")).toHaveValue(today);
    await page.getByLabel("Heure de l'envoi").fill("00:05");
    const delay = page.locator("#convocation-delay");
    await expect(delay).toContainText("Délai trop court : 2 jours francs avant la séance, la loi en demande 5");
    await page.getByRole("button", { name: "Enregistrer l'envoi" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Délai trop court" }).first()).toBeVisible();
    expect((await client.query("SELECT count(*)::int AS n FROM convocation_sending WHERE sitting_id = $1", [sittingId])).rows[0].n).toBe(0);

    await page.getByLabel("Urgence : le maire abrège le délai (un jour franc au moins)").check();
    await expect(delay).toContainText("Délai abrégé pour urgence : 2 jours francs avant la séance, au lieu de 5.");
    await page.getByLabel("Motif de l'urgence").fill("Inondation de la cantine : les tarifs provisoires doivent être votés avant lundi.");
    await page.getByRole("button", { name: "Enregistrer l'envoi" }).click();
    await expect(page.getByText(/La convocation est enregistrée : \d+ envois? par courriel, \d+ envois? sur papier/)).toBeVisible({ timeout: 30_000 });

    await page.reload();
    await expect(page.getByText(/Convocation du .* — en urgence : Inondation de la cantine/)).toBeVisible();
    const { rows } = await client.query("SELECT convocation_date::text AS day, urgent FROM sitting WHERE id = $1", [sittingId]);
    expect(rows[0]).toEqual({ day: today, urgent: true });
    const pdf = await page.request.get(`/admin/seances/${sittingId}/convocation.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // The citizen sees it coming from now on: the public home page lists it with its agenda, and its calendar file
    // (read with ical.js) holds its event, in the municipality's zone, with the agenda in its description.
    const { rows: slugs } = await client.query<{ public_slug: string | null }>("SELECT public_slug FROM sitting WHERE id = $1", [sittingId]);
    const slug = slugs[0]!.public_slug;
    expect(slug).toMatch(/^\d{4}-\d{2}-\d{2}(-\d+)?$/);
    const citizenContext = await browser.newContext({ baseURL });
    const citizen = await citizenContext.newPage();
    try {
      await citizen.goto("/");
      const upcoming = citizen.getByRole("region", { name: "Prochaines séances" });
      await expect(upcoming.getByText("Communication sur la rentrée scolaire (essai)")).toBeVisible();
      await expect(upcoming.getByText("Tarifs de la restauration scolaire (essai)")).toBeVisible();
      const ics = await citizen.request.get(`/seances/${slug}/seance.ics`);
      expect(ics.status()).toBe(200);
      const events = eventsOf(await ics.text());
      expect(events.map((event) => event.uid)).toEqual([`seance-${sittingId}@registre-deliberations`]);
      expect(events[0]!.startDate.zone?.tzid).toBe("Europe/Paris");
      expect(events[0]!.description).toContain("Tarifs de la restauration scolaire (essai)");
      // The convocation itself is public from then on, as signed: downloaded from the sitting's page.
      await citizen.goto(`/seances/${slug}`);
      const link = citizen.getByRole("link", { name: /Télécharger la convocation/ });
      await expect(link).toHaveAttribute("href", `/seances/${slug}/convocation.pdf`);
      const convocation = await citizen.request.get(`/seances/${slug}/convocation.pdf`);
      expect(convocation.status()).toBe(200);
      expect((await convocation.body()).subarray(0, 5).toString()).toBe("%PDF-");
    } finally {
      await citizenContext.close();
    }

    expect((await seriousViolations(page)).map((violation) => violation.id)).toEqual([]);

    // The home lists the deadlines, with their legal dates.
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "Échéances" })).toBeVisible();
    await expect(page.getByRole("table", { name: /Échéances légales/ })).toBeVisible();
  } finally {
    await client.end();
  }
});
