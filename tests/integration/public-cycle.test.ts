import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { cancelSitting } from "@/lib/sittings/cancel-sitting";
import { getAnnouncedSitting } from "@/lib/sittings/get-announced-sitting";
import { listPublicSittings, listUpcomingSittings } from "@/lib/sittings/list-public-sittings";
import { renderSittingCalendar, renderSittingsCalendar, sittingEventUid } from "@/lib/sittings/render-sittings-calendar";
import { toAppError } from "@/lib/to-app-error";
import { connect, createDatabase, resetDatabase } from "./support/database";
import { insertDeliberation, insertMunicipality, insertUser, type Fixture } from "./support/factories";

// A sitting's public life before and after it is held: the address it is given
// once, its agenda, its calendar event.

const baseUrl = "https://deliberations.example.fr";

async function addSitting(client: pg.Client, fixture: Fixture, startsAt: string, convocationDate = "2022-04-01"): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO sitting (municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
     VALUES ($1, $2, 'Salle du conseil', $3, $4, $4, $5) RETURNING id`,
    [fixture.municipalityId, startsAt, convocationDate, fixture.councillorIds[0], fixture.councillorIds[1]],
  );
  return rows[0]!.id;
}

async function publishIn(client: pg.Client, fixture: Fixture, sittingId: string, sequence: number, subject = "Objet publié"): Promise<string> {
  const id = await insertDeliberation(client, { ...fixture, sittingId }, { sequence, status: "TRANSMITTED", outcome: "ADOPTED", subject });
  await client.query(
    `INSERT INTO attendance (municipality_id, deliberation_id, councillor_id, status) SELECT $1, $2, unnest($3::uuid[]), 'PRESENT'`,
    [fixture.municipalityId, id, fixture.councillorIds],
  );
  const members = fixture.councillorIds.length;
  await client.query(
    `INSERT INTO vote (municipality_id, deliberation_id, present_and_represented, present, represented, abstentions,
       non_participation, expressed, votes_for, votes_against, result)
     VALUES ($1, $2, $3, $3, 0, 0, 0, $3, $3, 0, 'ADOPTED')`,
    [fixture.municipalityId, id, members],
  );
  await client.query(`UPDATE deliberation SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [id]);
  return id;
}

async function addAgendaItem(client: pg.Client, fixture: Fixture, sittingId: string, item: { position: number; kind: string; title: string; deliberationId?: string; summaryNote?: string }) {
  await client.query(
    `INSERT INTO agenda_item (municipality_id, sitting_id, position, kind, title, deliberation_id, summary_note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [fixture.municipalityId, sittingId, item.position, item.kind, item.title, item.deliberationId ?? null, item.summaryNote ?? null],
  );
}

const slugOf = async (client: pg.Client, sittingId: string) =>
  (await client.query<{ public_slug: string | null }>(`SELECT public_slug FROM sitting WHERE id = $1`, [sittingId])).rows[0]!.public_slug;
const sequenceOf = async (client: pg.Client, sittingId: string) =>
  (await client.query<{ calendar_sequence: number }>(`SELECT calendar_sequence FROM sitting WHERE id = $1`, [sittingId])).rows[0]!.calendar_sequence;

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
}

/** A database error as the application tells it. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return toAppError(error);
  }
  throw new Error("expected a refusal");
}

describe("public sittings: address, agenda, calendar", () => {
  let client: pg.Client;
  let db: Db;
  let fixture: Fixture;
  let municipality: { id: string; name: string; timeZone: string };

  beforeAll(async () => {
    const url = await createDatabase("registre_public_cycle");
    client = await connect(url);
    db = createPrismaClient(url);
  });
  beforeEach(async () => {
    await resetDatabase(client);
    fixture = await insertMunicipality(client);
    municipality = (await client.query(`SELECT id, name, time_zone AS "timeZone" FROM municipality WHERE id = $1`, [fixture.municipalityId])).rows[0];
  });
  afterAll(async () => {
    await db.$disconnect();
    await client.end();
  });

  it("[slug]: a sitting keeps the address it was given when a sitting opening earlier that day becomes public after it", async () => {
    // The fixture's sitting opens at 14:00 (Paris) on 7 April 2022; another opens at 09:00 that day.
    const morning = await addSitting(client, fixture, "2022-04-07T07:00:00Z");
    expect(await slugOf(client, fixture.sittingId)).toBeNull();
    await publishIn(client, fixture, fixture.sittingId, 1);
    expect(await slugOf(client, fixture.sittingId)).toBe("2022-04-07");
    await publishIn(client, fixture, morning, 2);
    // Ranked by opening, the morning sitting would have taken "2022-04-07" and shifted the other to "-2".
    expect(await slugOf(client, fixture.sittingId)).toBe("2022-04-07");
    expect(await slugOf(client, morning)).toBe("2022-04-07-2");
    const { sittings } = await listPublicSittings({ municipalityId: fixture.municipalityId, db });
    expect(new Map(sittings.map((sitting) => [sitting.id, sitting.slug]))).toEqual(
      new Map([
        [fixture.sittingId, "2022-04-07"],
        [morning, "2022-04-07-2"],
      ]),
    );
  });

  it("[slug]: an address given out never changes, even when the sitting moves to another day (RG020)", async () => {
    const convened = await addSitting(client, fixture, "2099-03-12T17:30:00Z");
    await addAgendaItem(client, fixture, convened, { position: 1, kind: "COMMUNICATION", title: "Communication du maire" });
    expect(await slugOf(client, convened)).toBe("2099-03-12");
    const error = await refusal(client.query(`UPDATE sitting SET public_slug = '2099-03-13' WHERE id = $1`, [convened]));
    expect(error).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/adresse publique de cette séance/) });
    await client.query(`UPDATE sitting SET starts_at = '2099-03-19T17:30:00Z' WHERE id = $1`, [convened]);
    expect(await slugOf(client, convened)).toBe("2099-03-12");
    // Another sitting convened for the address's day takes the next rank, not the address already given.
    const sameDay = await addSitting(client, fixture, "2099-03-12T08:00:00Z");
    await addAgendaItem(client, fixture, sameDay, { position: 1, kind: "COMMUNICATION", title: "Communication" });
    expect(await slugOf(client, sameDay)).toBe("2099-03-12-2");
  });

  it("[agenda]: a convened sitting becomes public with its agenda, and no draft's text nor e-mail shows", async () => {
    const upcoming = await addSitting(client, fixture, "2099-03-12T17:30:00Z", "2022-04-01");
    const draft = await insertDeliberation(client, { ...fixture, sittingId: upcoming }, { year: 2099, sequence: 1, subject: "Objet du projet" });
    await client.query(`UPDATE deliberation SET report = 'Texte du projet, confidentiel avant la séance.' WHERE id = $1`, [draft]);
    await addAgendaItem(client, fixture, upcoming, { position: 1, kind: "DELIBERATION", title: "Budget primitif 2099", deliberationId: draft, summaryNote: "Le budget s'équilibre." });
    await addAgendaItem(client, fixture, upcoming, { position: 2, kind: "ORAL_QUESTION", title: "Question sur la voirie" });
    const slug = await slugOf(client, upcoming);
    expect(slug).toBe("2099-03-12");

    const list = await listUpcomingSittings({ municipalityId: fixture.municipalityId, now: new Date("2099-03-01T00:00:00Z"), db });
    expect(list.map((sitting) => sitting.id)).toEqual([upcoming]);
    expect(list[0]!.agenda).toEqual([
      { position: 1, kind: "DELIBERATION", title: "Budget primitif 2099", summaryNote: "Le budget s'équilibre.", deliberationNumber: null, minutesSittingSlug: null },
      { position: 2, kind: "ORAL_QUESTION", title: "Question sur la voirie", summaryNote: null, deliberationNumber: null, minutesSittingSlug: null },
    ]);
    const page = await getAnnouncedSitting({ municipalityId: fixture.municipalityId, date: slug!, db });
    expect(JSON.stringify(page)).not.toMatch(/confidentiel|@/);
    // A sitting whose convocation date has not come is not convened.
    const later = await addSitting(client, fixture, "2099-06-12T17:30:00Z", "2099-06-01");
    await addAgendaItem(client, fixture, later, { position: 1, kind: "COMMUNICATION", title: "Communication du maire" });
    expect(await slugOf(client, later)).toBeNull();
  });

  it("[agenda]: once held, each item links to the published deliberation it became", async () => {
    const act = await publishIn(client, fixture, fixture.sittingId, 91, "Convention territoriale globale");
    await addAgendaItem(client, fixture, fixture.sittingId, { position: 1, kind: "DELIBERATION", title: "Convention territoriale globale", deliberationId: act });
    const page = await getAnnouncedSitting({ municipalityId: fixture.municipalityId, date: "2022-04-07", db });
    expect(page?.agenda.map((item) => item.deliberationNumber)).toEqual(["DL.2022-91"]);
  });

  it("[ics]: the feed parses with ical.js; a moved, then cancelled sitting keeps its UID with a higher SEQUENCE", async () => {
    const upcoming = await addSitting(client, fixture, "2099-03-12T17:30:00Z");
    await addAgendaItem(client, fixture, upcoming, { position: 1, kind: "COMMUNICATION", title: "Communication du maire, rapport annuel" });
    const eventOf = async () => {
      const events = parseCalendar(await renderSittingsCalendar({ municipality, baseUrl, db }));
      expect(events).toHaveLength(1);
      return events[0]!;
    };
    const first = await eventOf();
    expect(first.uid).toBe(sittingEventUid(upcoming));
    expect(first.startDate.zone?.tzid).toBe("Europe/Paris");
    expect(first.startDate.toJSDate().toISOString()).toBe("2099-03-12T17:30:00.000Z");
    expect(first.description).toContain("1. Communication du maire, rapport annuel");
    expect(first.component.getFirstPropertyValue("url")).toBe(`${baseUrl}/seances/2099-03-12`);
    expect(first.component.getFirstPropertyValue("status")).toBe("CONFIRMED");

    await client.query(`UPDATE sitting SET list_posted_at = '2099-03-13', calendar_sequence = 40 WHERE id = $1`, [upcoming]);
    expect(await sequenceOf(client, upcoming)).toBe(first.sequence);
    await client.query(`UPDATE sitting SET starts_at = '2099-03-12T16:30:00Z' WHERE id = $1`, [upcoming]);
    const moved = await eventOf();
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBe(first.sequence + 1);
    expect(moved.startDate.toJSDate().toISOString()).toBe("2099-03-12T16:30:00.000Z");

    await client.query(`UPDATE sitting SET cancelled_at = now(), cancellation_reason = 'Report à une date ultérieure' WHERE id = $1`, [upcoming]);
    const cancelled = await eventOf();
    expect(cancelled.uid).toBe(first.uid);
    expect(cancelled.sequence).toBe(first.sequence + 2);
    expect(cancelled.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    const single = parseCalendar((await renderSittingCalendar({ municipality, sittingId: upcoming, baseUrl, db }))!);
    expect(single.map((event) => [event.uid, event.sequence])).toEqual([[first.uid, first.sequence + 2]]);
    // A sitting not public has no calendar file.
    const hidden = await addSitting(client, fixture, "2099-05-12T17:30:00Z");
    expect(await renderSittingCalendar({ municipality, sittingId: hidden, baseUrl, db })).toBeNull();
  });

  it("[ics]: the event is read in the municipality's own zone (overseas)", async () => {
    await client.query(`UPDATE municipality SET time_zone = 'America/Martinique' WHERE id = $1`, [fixture.municipalityId]);
    const upcoming = await addSitting(client, fixture, "2099-03-12T22:00:00Z");
    await addAgendaItem(client, fixture, upcoming, { position: 1, kind: "COMMUNICATION", title: "Communication" });
    expect(await slugOf(client, upcoming)).toBe("2099-03-12");
    const [event] = parseCalendar(await renderSittingsCalendar({ municipality: { ...municipality, timeZone: "America/Martinique" }, baseUrl, db }));
    expect(event!.startDate.zone?.tzid).toBe("America/Martinique");
    expect(event!.startDate.hour).toBe(18);
    expect(event!.startDate.toJSDate().toISOString()).toBe("2099-03-12T22:00:00.000Z");
  });

  it("[cancel]: a held sitting (an act published) cannot be cancelled (RG021)", async () => {
    await publishIn(client, fixture, fixture.sittingId, 1);
    const error = await refusal(client.query(`UPDATE sitting SET cancelled_at = now(), cancellation_reason = 'Erreur' WHERE id = $1`, [fixture.sittingId]));
    expect(error).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/ne peut plus être annulée/) });
  });

  it("[cancel]: a clerk cancels a convened sitting with its reason, audited; the page and the calendar say so; a second cancellation is refused", async () => {
    const clerk = await insertUser(client, fixture.municipalityId, "CLERK", `greffe-${Date.now()}@example.fr`);
    const upcoming = await addSitting(client, fixture, "2099-03-12T17:30:00Z");
    await addAgendaItem(client, fixture, upcoming, { position: 1, kind: "COMMUNICATION", title: "Communication" });
    await expect(cancelSitting({ db, actor: clerk, sittingId: upcoming, input: { reason: "  " } })).rejects.toMatchObject({ code: "VALIDATION" });
    await cancelSitting({ db, actor: clerk, sittingId: upcoming, input: { reason: "Défaut de quorum prévisible, report au 19 mars" } });
    const audit = await client.query(`SELECT user_id, after FROM audit_event WHERE action = 'sitting.cancel' AND entity_id = $1`, [upcoming]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ user_id: clerk.id, after: { reason: "Défaut de quorum prévisible, report au 19 mars" } });
    const page = await getAnnouncedSitting({ municipalityId: fixture.municipalityId, date: "2099-03-12", db });
    expect(page).toMatchObject({ cancellationReason: "Défaut de quorum prévisible, report au 19 mars", calendarSequence: 1 });
    const [event] = parseCalendar(await renderSittingsCalendar({ municipality, baseUrl, db }));
    expect(event!.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event!.summary).toMatch(/^Annulée : /);
    await expect(cancelSitting({ db, actor: clerk, sittingId: upcoming, input: { reason: "Encore" } })).rejects.toMatchObject({ code: "INVALID_STATE" });
    // A held sitting: the database refuses, and the clerk reads why.
    await publishIn(client, fixture, fixture.sittingId, 1);
    await expect(cancelSitting({ db, actor: clerk, sittingId: fixture.sittingId, input: { reason: "Erreur" } })).rejects.toSatisfy(
      (error: unknown) => toAppError(error)?.message.includes("ne peut plus être annulée") ?? false,
    );
  });

  it("[slug]: the migration gave existing public sittings the address they had: their day, ranked by opening among that day's public sittings", async () => {
    const migration = readFileSync("prisma/migrations/20261202030000_public_cycle/migration.sql", "utf8");
    const start = migration.indexOf('UPDATE "sitting" s SET "public_slug" = ranked."slug"');
    const backfill = migration.slice(start, migration.indexOf("\n\n", start));
    expect(backfill).toMatch(/WHERE ranked."id" = s."id";$/);
    const morning = await addSitting(client, fixture, "2022-04-07T07:00:00Z");
    const notPublic = await addSitting(client, fixture, "2022-04-07T05:00:00Z");
    await publishIn(client, fixture, fixture.sittingId, 1);
    await publishIn(client, fixture, morning, 2);
    // As before the migration: no address stored yet.
    await client.query(`ALTER TABLE sitting DISABLE TRIGGER sitting_public_slug_immutable`);
    try {
      await client.query(`UPDATE sitting SET public_slug = NULL WHERE municipality_id = $1`, [fixture.municipalityId]);
    } finally {
      await client.query(`ALTER TABLE sitting ENABLE TRIGGER sitting_public_slug_immutable`);
    }
    await client.query(backfill);
    expect(await slugOf(client, morning)).toBe("2022-04-07");
    expect(await slugOf(client, fixture.sittingId)).toBe("2022-04-07-2");
    expect(await slugOf(client, notPublic)).toBeNull();
  });
});
