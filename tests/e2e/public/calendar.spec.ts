import ICAL from "ical.js";
import { expect, test } from "@playwright/test";
import { queryOne } from "./support/db";

// A citizen finds the next sitting on the home page, with its agenda, and puts
// it in a calendar: the feed and the sitting's own file parse with ical.js and
// carry the same event. The sitting is written here, convened (an agenda, a
// convocation date already past), flagged demo and removed afterwards.

const MUNICIPALITY = process.env.REGISTRE_MUNICIPALITY ?? "aix-en-provence";

function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
}

test.describe("calendar of the sittings", () => {
  let sittingId = "";
  const title = `Point d'essai du calendrier ${Date.now()}`;

  test.beforeAll(async () => {
    const sitting = await queryOne<{ id: string }>(
      `INSERT INTO sitting (municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id, is_demo)
       SELECT m.id, '2099-03-12T17:30:00Z', 'Salle du conseil, essai', CURRENT_DATE - 1, c.id, c.id, c.id, true
       FROM municipality m JOIN councillor c ON c.municipality_id = m.id AND c.is_demo AND c.role = 'MAYOR'
       WHERE m.slug = $1 LIMIT 1 RETURNING id`,
      [MUNICIPALITY],
    );
    sittingId = sitting!.id;
    await queryOne(
      `INSERT INTO agenda_item (municipality_id, sitting_id, position, kind, title)
       SELECT municipality_id, id, 1, 'COMMUNICATION', $2 FROM sitting WHERE id = $1`,
      [sittingId, title],
    );
  });
  test.afterAll(async () => {
    if (sittingId) await queryOne(`DELETE FROM sitting WHERE id = $1`, [sittingId]);
  });

  test("[calendar]: the home page shows the convened sitting with its agenda, and its calendar link gives a feed ical.js reads", async ({ page, request }) => {
    await page.goto("/");
    const upcoming = page.getByRole("region", { name: "Prochaines séances" });
    await expect(upcoming.getByRole("link", { name: /Séance du 12 mars 2099 à 18h30/ })).toBeVisible();
    await expect(upcoming.getByText(title)).toBeVisible();

    const feedLink = upcoming.getByRole("link", { name: /S'abonner au calendrier des séances/ });
    const feed = await request.get((await feedLink.getAttribute("href"))!);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
    const events = eventsOf(await feed.text());
    const event = events.find((candidate) => candidate.uid === `seance-${sittingId}@registre-deliberations`);
    expect(event, "the feed holds the convened sitting").toBeDefined();
    expect(event!.startDate.toJSDate().toISOString()).toBe("2099-03-12T17:30:00.000Z");
    expect(event!.startDate.zone?.tzid).toBe("Europe/Paris");
    expect(event!.description).toContain(title);
    // The demo's convened sitting, not yet held, is in the feed too.
    expect(events.some((candidate) => candidate.startDate.toJSDate().toISOString() === "2020-02-06T17:00:00.000Z")).toBe(true);

    // The sitting's page, and its own calendar file with the same event.
    await upcoming.getByRole("link", { name: /Séance du 12 mars 2099 à 18h30/ }).click();
    await expect(page).toHaveURL(/\/seances\/2099-03-12(-\d+)?$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Séance du 12 mars 2099");
    await expect(page.getByRole("region", { name: "Ordre du jour" }).getByText(title)).toBeVisible();
    const single = await request.get((await page.getByRole("link", { name: /Ajouter cette séance à mon agenda/ }).getAttribute("href"))!);
    expect(single.status()).toBe(200);
    const [only] = eventsOf(await single.text());
    expect([only?.uid, only?.sequence]).toEqual([event!.uid, event!.sequence]);
  });

  test("[calendar]: the register page lists the years and links the signed sheets", async ({ page, request }) => {
    await page.goto("/registre");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registre des délibérations");
    const link = page.getByRole("link", { name: /Table chronologique des délibérations de 2022/ });
    const table = await request.get((await link.getAttribute("href"))!);
    expect(table.status()).toBe(200);
    expect(table.headers()["content-type"]).toBe("application/pdf");
    const closing = await request.get("/seances/2022-04-07/feuillet-de-cloture.pdf");
    expect(closing.status()).toBe(200);
    expect((await closing.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
