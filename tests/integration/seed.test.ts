import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { seedDatabase } from "@/prisma/seed/seed";
import { connect, createDatabase } from "./support/database";

const TABLES = ["municipality", "councillor", "sitting", "deliberation", "attendance", "vote", "vote_record", "prefecture_receipt", "annex", "audit_event", "deliberation_snapshot"];

async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = rows[0].n;
  }
  return counts;
}

describe("seed", () => {
  let client: pg.Client;
  let db: Db;

  beforeAll(async () => {
    const url = await createDatabase("registre_seed");
    client = await connect(url);
    db = createPrismaClient(url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await client.end();
  });

  it("[seed]: store the reference case and the demo data on first run", async () => {
    const result = await seedDatabase(db, { demo: true });
    expect(result).toEqual({ reference: "created", demo: "created" });
    const counts = await countRows(client);
    expect(counts.municipality).toBe(1);
    expect(counts.deliberation).toBeGreaterThan(10);
    const council = await client.query(`SELECT is_demo, count(*)::int AS n FROM councillor GROUP BY is_demo ORDER BY is_demo`);
    expect(council.rows).toEqual([{ is_demo: false, n: 55 }, { is_demo: true, n: 55 }]);
    // The fictional council sits in three political groups, for the whole demo mandate.
    const groups = await client.query(
      `SELECT g.name, g.is_demo, count(m.id)::int AS members, bool_and(c.is_demo) AS fictional
       FROM political_group g JOIN group_membership m ON m.group_id = g.id JOIN councillor c ON c.id = m.councillor_id
       GROUP BY g.name, g.is_demo ORDER BY members DESC`,
    );
    expect(groups.rows).toEqual([
      { name: "Ensemble pour la ville", is_demo: true, members: 44, fictional: true },
      { name: "Agir pour demain", is_demo: true, members: 8, fictional: true },
      { name: "Citoyens indépendants", is_demo: true, members: 3, fictional: true },
    ]);
  });

  it("[seed]: is idempotent: a second run changes nothing", async () => {
    const before = await countRows(client);
    const snapshot = await client.query(`SELECT id, number, status, updated_at FROM deliberation ORDER BY number`);
    const result = await seedDatabase(db, { demo: true });
    expect(result).toEqual({ reference: "present", demo: "present" });
    expect(await countRows(client)).toEqual(before);
    const after = await client.query(`SELECT id, number, status, updated_at FROM deliberation ORDER BY number`);
    expect(after.rows).toEqual(snapshot.rows);
  });

  it("[seed]: every published deliberation, the reference case and the demo alike, is frozen with what it states", async () => {
    const { rows } = await client.query(
      `SELECT d.is_demo, count(*)::int AS published, count(s.deliberation_id)::int AS frozen
       FROM deliberation d LEFT JOIN deliberation_snapshot s ON s.deliberation_id = d.id
       WHERE d.status = 'PUBLISHED' GROUP BY d.is_demo ORDER BY d.is_demo`,
    );
    expect(rows.length).toBe(2);
    for (const row of rows) expect(row.frozen).toBe(row.published);
    expect(rows[1].published).toBeGreaterThan(10);
    const { rows: notPublished } = await client.query(
      `SELECT count(*)::int AS n FROM deliberation_snapshot s JOIN deliberation d ON d.id = s.deliberation_id WHERE d.status <> 'PUBLISHED'`,
    );
    expect(notPublished[0].n).toBe(0);
    const { rows: reference } = await client.query(
      `SELECT s.record -> 'sitting' -> 'president' ->> 'lastName' AS president, jsonb_array_length(s.record -> 'attendances') AS attendances,
         (s.municipality_record ->> 'membersInOffice')::int AS members, s.municipality_record ->> 'name' AS municipality
       FROM deliberation_snapshot s JOIN deliberation d ON d.id = s.deliberation_id WHERE d.number = 'DL.2022-91'`,
    );
    expect(reference).toEqual([{ president: "JOISSAINS", attendances: 55, members: 55, municipality: "Ville d'Aix-en-Provence" }]);
  });

  it("[seed]: the reference deliberation's roll call is 40 present, 7 represented, 8 excused", async () => {
    const { rows } = await client.query(
      `SELECT a.status, count(*)::int AS n FROM attendance a JOIN deliberation d ON d.id = a.deliberation_id
       WHERE d.number = 'DL.2022-91' GROUP BY a.status ORDER BY a.status`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.status, row.n]))).toEqual({ PRESENT: 40, REPRESENTED: 7, EXCUSED: 8 });
  });

  it("[seed]: the reference proxies name their holders as the extract does", async () => {
    const { rows } = await client.query(
      `SELECT g.last_name AS giver, h.last_name AS holder FROM attendance a
       JOIN deliberation d ON d.id = a.deliberation_id
       JOIN councillor g ON g.id = a.councillor_id JOIN councillor h ON h.id = a.proxy_holder_id
       WHERE d.number = 'DL.2022-91' ORDER BY g.last_name`,
    );
    expect(rows.map((row) => `${row.giver} à ${row.holder}`)).toEqual([
      "ANGELETTI à CALENDINI",
      "BOUDON à DUMICHEL",
      "BRAMOULLÉ à AUGÉY",
      "COURANJOU à AUGÉY",
      "KLEIN à CALENDINI",
      "SUSINI à FERAUD",
      "ZERKANI-RAYNAL à JOISSAINS",
    ]);
  });

  it("[seed]: the reference tally is 47/40/0/0/47/47/0, adopted, with its receipt", async () => {
    const { rows } = await client.query(
      `SELECT v.present_and_represented, v.present, v.abstentions, v.non_participation, v.expressed, v.votes_for, v.votes_against,
              v.result, d.status, r.actes_id, r.received_at::text, r.signed_at::text
       FROM vote v JOIN deliberation d ON d.id = v.deliberation_id JOIN prefecture_receipt r ON r.deliberation_id = d.id
       WHERE d.number = 'DL.2022-91'`,
    );
    expect(rows).toEqual([{
      present_and_represented: 47, present: 40, abstentions: 0, non_participation: 0, expressed: 47, votes_for: 47, votes_against: 0,
      result: "ADOPTED", status: "PUBLISHED", actes_id: "013-211300017-20220407-lmc1210471-DE-1-1",
      received_at: "2022-04-11", signed_at: "2022-04-12",
    }]);
  });

  it("[seed]: the reference case is not demo data, every demo sitting is marked", async () => {
    const { rows } = await client.query(
      `SELECT d.is_demo AS deliberation_demo, s.is_demo AS sitting_demo FROM deliberation d JOIN sitting s ON s.id = d.sitting_id WHERE d.number = 'DL.2022-91'`,
    );
    expect(rows).toEqual([{ deliberation_demo: false, sitting_demo: false }]);
    const unmarked = await client.query(`SELECT count(*)::int AS n FROM deliberation WHERE number <> 'DL.2022-91' AND NOT is_demo`);
    expect(unmarked.rows[0].n).toBe(0);
  });

  it("[seed]: demo records name no real councillor", async () => {
    const { rows } = await client.query(`
      SELECT count(*)::int AS n FROM deliberation d
      JOIN attendance a ON a.deliberation_id = d.id
      JOIN councillor c ON c.id = a.councillor_id OR c.id = a.proxy_holder_id
      WHERE d.is_demo AND NOT c.is_demo`);
    expect(rows[0].n).toBe(0);
    const officers = await client.query(`
      SELECT count(*)::int AS n FROM sitting s
      JOIN councillor c ON c.id IN (s.president_id, s.secretary_id, s.convened_by_id)
      WHERE s.is_demo AND NOT c.is_demo`);
    expect(officers.rows[0].n).toBe(0);
  });

  it("[seed]: writes through the use cases' cores as the installation: every step of every act is in the audit trail, naming no user", async () => {
    const { rows } = await client.query(`SELECT action, user_id FROM audit_event ORDER BY id`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.user_id !== null)).toEqual([]);
    const actions = new Map<string, number>();
    for (const row of rows) actions.set(row.action, (actions.get(row.action) ?? 0) + 1);
    const count = async (sql: string) => (await client.query(sql)).rows[0].n as number;
    expect(actions.get("councillor.create")).toBe(await count(`SELECT count(*)::int AS n FROM councillor`));
    // The demo's archive is the importer's: one event for its file, naming what it created (below).
    expect(actions.get("sitting.create")).toBe(await count(`SELECT count(*)::int AS n FROM sitting WHERE archive_import_id IS NULL`));
    expect(actions.get("deliberation.create")).toBe(await count(`SELECT count(*)::int AS n FROM deliberation WHERE archive_import_id IS NULL`));
    expect(actions.get("deliberation.vote")).toBe(await count(`SELECT count(*)::int AS n FROM vote v JOIN deliberation d ON d.id = v.deliberation_id WHERE d.archive_import_id IS NULL`));
    expect(actions.get("deliberation.transmit")).toBe(await count(`SELECT count(*)::int AS n FROM prefecture_receipt r JOIN deliberation d ON d.id = r.deliberation_id WHERE d.archive_import_id IS NULL`));
    expect(actions.get("deliberation.publish")).toBe(await count(`SELECT count(*)::int AS n FROM deliberation WHERE status = 'PUBLISHED' AND archive_import_id IS NULL`));
    const archive = await client.query(`SELECT (after ->> 'created')::int AS created FROM audit_event WHERE action = 'archive.import'`);
    expect(archive.rows.length).toBe(await count(`SELECT count(*)::int AS n FROM archive_import`));
    expect(archive.rows.reduce((sum, row) => sum + row.created, 0)).toBe(await count(`SELECT count(*)::int AS n FROM deliberation WHERE archive_import_id IS NOT NULL AND is_demo`));
    expect(archive.rows.length).toBeGreaterThan(0);
    expect(actions.get("group.create")).toBe(await count(`SELECT count(*)::int AS n FROM political_group`));
    expect(actions.get("group.membership.add")).toBe(await count(`SELECT count(*)::int AS n FROM group_membership`));
    expect(actions.get("minutes.create")).toBe(await count(`SELECT count(*)::int AS n FROM minutes`));
    expect(actions.get("minutes.publish")).toBe(await count(`SELECT count(*)::int AS n FROM minutes WHERE status = 'PUBLISHED'`));
    // The demo cycle: every held demo sitting but the last has its PV adopted at the next one and published
    // (an archived sitting's PV is in its paper register)
    // (the announced sitting, convened and not held, has none).
    expect(await count(`SELECT count(*)::int AS n FROM minutes m JOIN sitting s ON s.id = m.sitting_id WHERE s.is_demo AND m.status = 'PUBLISHED'`)).toBe(
      (await count(`SELECT count(*)::int AS n FROM sitting s WHERE s.is_demo AND s.archive_import_id IS NULL AND EXISTS (SELECT 1 FROM deliberation d WHERE d.sitting_id = s.id AND d.status = 'PUBLISHED')`)) - 1,
    );
    // Besides the cores' rows, only the seed's own summaries.
    expect(actions.get("agenda_item.create")).toBe(await count(`SELECT count(*)::int AS n FROM agenda_item`));
    expect(actions.get("convocation.send")).toBe(await count(`SELECT count(DISTINCT sitting_id)::int AS n FROM convocation_sending`));
    const others = [...actions.keys()].filter((action) => !/^(councillor|sitting|deliberation|group|agenda_item|convocation|minutes|archive)\./.test(action));
    expect(others.every((action) => action.startsWith("seed."))).toBe(true);
  });

  it("[seed]: a rejected act is published without a receipt, as the workflow wants", async () => {
    const { rows } = await client.query(
      `SELECT d.number, d.status, r.id IS NULL AS no_receipt FROM deliberation d LEFT JOIN prefecture_receipt r ON r.deliberation_id = d.id WHERE d.outcome = 'REJECTED'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatchObject({ status: "PUBLISHED", no_receipt: true });
  });
});
