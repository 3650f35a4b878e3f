import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connect, createDatabase, resetDatabase } from "./support/database";
import { insertDeliberation, insertMunicipality, type Fixture } from "./support/factories";

// Rules that lived only in TypeScript, refused by PostgreSQL itself when the
// application is bypassed (plain SQL): the proxy limit against the derogation
// windows stored as data, a vote's counts tied to its roll call and bounded by
// the sitting's members in office. Each refusal carries its own SQLSTATE.

type Row = { councillor: string; status: "PRESENT" | "REPRESENTED" | "EXCUSED" | "ABSENT"; holder?: string };

describe("rules the database enforces", () => {
  let client: pg.Client;
  let fixture: Fixture;

  beforeAll(async () => {
    client = await connect(await createDatabase("registre_database_rules"));
  });
  afterAll(() => client.end());
  beforeEach(async () => {
    await resetDatabase(client);
    fixture = await insertMunicipality(client, { members: 55 });
  });

  /** Runs the statements in one transaction: resolves when it commits, rejects with the refusal (rolled back). */
  async function inTransaction(work: () => Promise<unknown>): Promise<void> {
    await client.query("BEGIN");
    try {
      await work();
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  }

  const insertRows = (deliberationId: string, rows: Row[]) =>
    Promise.all(
      rows.map((row) =>
        client.query(
          `INSERT INTO attendance (municipality_id, deliberation_id, councillor_id, status, proxy_holder_id) VALUES ($1, $2, $3, $4, $5)`,
          [fixture.municipalityId, deliberationId, row.councillor, row.status, row.holder ?? null],
        ),
      ),
    );

  const insertVote = (deliberationId: string, present: number, represented: number) =>
    client.query(
      `INSERT INTO vote (municipality_id, deliberation_id, secret, present_and_represented, present, represented,
         abstentions, non_participation, expressed, votes_for, votes_against, result)
       VALUES ($1, $2, true, $3, $4, $5, 0, 0, $3, $3, 0, 'ADOPTED')`,
      [fixture.municipalityId, deliberationId, present + represented, present, represented],
    );

  /** The reference case's shape: 40 present, 7 represented (two holders carry two proxies each), 8 excused. */
  const referenceRollCall = (): Row[] => {
    const ids = fixture.councillorIds;
    const holders = [ids[0]!, ids[1]!, ids[2]!, ids[3]!, ids[4]!];
    const givenTo = [holders[0], holders[0], holders[1], holders[1], holders[2], holders[3], holders[4]];
    return ids.map((councillor, index): Row => {
      if (index < 40) return { councillor, status: "PRESENT" };
      if (index < 47) return { councillor, status: "REPRESENTED", holder: givenTo[index - 40] };
      return { councillor, status: "EXCUSED" };
    });
  };
  const twoProxiesToOneHolder = (): Row[] => {
    const [holder, first, second, other] = fixture.councillorIds as [string, string, string, string];
    return [
      { councillor: holder, status: "PRESENT" },
      { councillor: other, status: "PRESENT" },
      { councillor: first, status: "REPRESENTED", holder },
      { councillor: second, status: "REPRESENTED", holder },
    ];
  };
  const moveSitting = (startsAt: string) => client.query(`UPDATE sitting SET starts_at = $2 WHERE id = $1`, [fixture.sittingId, startsAt]);

  it("[database rules]: every new municipality gets the national COVID windows of 2020–2022 as data", async () => {
    const { rows } = await client.query(
      `SELECT to_char(starts_on, 'YYYY-MM-DD') AS "from", to_char(ends_on, 'YYYY-MM-DD') AS "to", quorum_numerator, quorum_denominator, max_proxies_per_holder
       FROM derogation_window WHERE municipality_id = $1 ORDER BY starts_on`,
      [fixture.municipalityId],
    );
    expect(rows).toEqual([
      { from: "2020-03-24", to: "2020-07-10", quorum_numerator: 1, quorum_denominator: 3, max_proxies_per_holder: 2 },
      { from: "2020-07-11", to: "2020-08-30", quorum_numerator: 1, quorum_denominator: 3, max_proxies_per_holder: 2 },
      { from: "2020-11-15", to: "2021-09-30", quorum_numerator: 1, quorum_denominator: 3, max_proxies_per_holder: 2 },
      { from: "2021-11-11", to: "2022-07-31", quorum_numerator: 1, quorum_denominator: 3, max_proxies_per_holder: 2 },
    ]);
  });

  it("[database rules]: windows of one municipality cannot overlap, nor hold an impossible fraction", async () => {
    const insertWindow = (from: string, to: string, numerator = 1, denominator = 3) =>
      client.query(
        `INSERT INTO derogation_window (municipality_id, starts_on, ends_on, quorum_numerator, quorum_denominator, max_proxies_per_holder, legal_basis)
         VALUES ($1, $2, $3, $4, $5, 2, 'Texte')`,
        [fixture.municipalityId, from, to, numerator, denominator],
      );
    await expect(insertWindow("2022-07-31", "2022-09-01")).rejects.toMatchObject({ code: "23P01", constraint: "derogation_window_no_overlap" });
    await expect(insertWindow("2030-01-01", "2030-02-01", 3, 3)).rejects.toMatchObject({ code: "23514", constraint: "derogation_window_quorum_check" });
    await expect(insertWindow("2030-02-01", "2030-01-01")).rejects.toMatchObject({ code: "23514", constraint: "derogation_window_days_check" });
    await expect(insertWindow("2030-01-01", "2030-02-01")).resolves.toMatchObject({ rowCount: 1 });
  });

  it("[database rules]: the reference case (7 April 2022, two holders with two proxies each) is accepted with its vote", async () => {
    const id = await insertDeliberation(client, fixture);
    await inTransaction(async () => {
      await insertRows(id, referenceRollCall());
      await insertVote(id, 40, 7);
    });
    const { rows } = await client.query(`SELECT present, represented FROM vote WHERE deliberation_id = $1`, [id]);
    expect(rows).toEqual([{ present: 40, represented: 7 }]);
  });

  it("[database rules]: a holder with two proxies outside a derogation window is refused (RG001); inside one, accepted", async () => {
    await moveSitting("2023-05-10T16:00:00Z");
    const outside = await insertDeliberation(client, fixture, { year: 2023 });
    await expect(inTransaction(() => insertRows(outside, twoProxiesToOneHolder()))).rejects.toMatchObject({ code: "RG001", constraint: "attendance_proxy_limit" });
    expect((await client.query(`SELECT 1 FROM attendance WHERE deliberation_id = $1`, [outside])).rowCount).toBe(0);

    await moveSitting("2021-03-04T17:00:00Z"); // the 2020–2021 window
    const inside = await insertDeliberation(client, fixture, { year: 2021 });
    await expect(inTransaction(() => insertRows(inside, twoProxiesToOneHolder()))).resolves.toBeUndefined();
  });

  it("[database rules]: the limit follows the municipality's windows as stored, including one it adds", async () => {
    await moveSitting("2030-03-01T17:00:00Z");
    const id = await insertDeliberation(client, fixture, { year: 2030 });
    await expect(inTransaction(() => insertRows(id, twoProxiesToOneHolder()))).rejects.toMatchObject({ code: "RG001" });
    await client.query(
      `INSERT INTO derogation_window (municipality_id, starts_on, ends_on, quorum_numerator, quorum_denominator, max_proxies_per_holder, legal_basis)
       VALUES ($1, '2030-01-01', '2030-12-31', 1, 3, 2, 'Loi imaginaire de 2029')`,
      [fixture.municipalityId],
    );
    await expect(inTransaction(() => insertRows(id, twoProxiesToOneHolder()))).resolves.toBeUndefined();
  });

  it("[database rules]: a window cannot be removed or narrowed under a roll call it allows (RG005)", async () => {
    const id = await insertDeliberation(client, fixture);
    await inTransaction(() => insertRows(id, twoProxiesToOneHolder()));
    await expect(client.query(`DELETE FROM derogation_window WHERE municipality_id = $1 AND starts_on = '2021-11-11'`, [fixture.municipalityId]))
      .rejects.toMatchObject({ code: "RG005", constraint: "derogation_window_in_use" });
    await expect(client.query(`UPDATE derogation_window SET max_proxies_per_holder = 1 WHERE municipality_id = $1 AND starts_on = '2021-11-11'`, [fixture.municipalityId]))
      .rejects.toMatchObject({ code: "RG005" });
    // A window no roll call depends on can change.
    await expect(client.query(`UPDATE derogation_window SET ends_on = '2020-07-09' WHERE municipality_id = $1 AND starts_on = '2020-03-24'`, [fixture.municipalityId]))
      .resolves.toMatchObject({ rowCount: 1 });
  });

  it("[database rules]: a window covering a published act cannot change", async () => {
    const id = await insertDeliberation(client, fixture);
    await inTransaction(async () => {
      await insertRows(id, referenceRollCall());
      await insertVote(id, 40, 7);
    });
    await client.query(`UPDATE deliberation SET status = 'PUBLISHED', outcome = 'ADOPTED', published_at = now() WHERE id = $1`, [id]);
    await expect(client.query(`UPDATE derogation_window SET legal_basis = 'Autre texte' WHERE municipality_id = $1 AND starts_on = '2021-11-11'`, [fixture.municipalityId]))
      .rejects.toMatchObject({ code: "RG005" });
  });

  it("[database rules]: moving a sitting out of its window under a roll call of two proxies per holder is refused", async () => {
    const id = await insertDeliberation(client, fixture);
    await inTransaction(() => insertRows(id, twoProxiesToOneHolder()));
    await expect(inTransaction(() => moveSitting("2022-09-15T16:00:00Z"))).rejects.toMatchObject({ code: "RG001" });
  });

  it("[database rules]: a vote of 999 present with 55 members in office and no roll call is refused (RG003)", async () => {
    const id = await insertDeliberation(client, fixture);
    await expect(insertVote(id, 999, 0)).rejects.toMatchObject({ code: "RG003", constraint: "vote_counts_within_members" });
    await expect(insertVote(id, 55, 1)).rejects.toMatchObject({ code: "RG003" });
    // An archived act known by its counts only: bound by the members in office and the tally's arithmetic.
    await expect(insertVote(id, 50, 5)).resolves.toMatchObject({ rowCount: 1 });
  });

  it("[database rules]: where a roll call is recorded, the vote's present and represented are its counts (RG002)", async () => {
    const id = await insertDeliberation(client, fixture);
    await inTransaction(() => insertRows(id, referenceRollCall()));
    await expect(insertVote(id, 41, 6)).rejects.toMatchObject({ code: "RG002", constraint: "vote_counts_match_roll_call" });
    await expect(insertVote(id, 40, 7)).resolves.toMatchObject({ rowCount: 1 });
    // Changing the roll call under the vote is refused too.
    await expect(client.query(`UPDATE attendance SET status = 'ABSENT' WHERE deliberation_id = $1 AND status = 'EXCUSED'`, [id])).resolves.toBeDefined();
    await expect(client.query(`UPDATE attendance SET status = 'EXCUSED' WHERE deliberation_id = $1 AND councillor_id = $2`, [id, fixture.councillorIds[39]]))
      .rejects.toMatchObject({ code: "RG002" });
  });

  it("[database rules]: a sitting's members in office default to the municipality's, are positive, and bound its votes", async () => {
    const { rows } = await client.query(`SELECT members_in_office FROM sitting WHERE id = $1`, [fixture.sittingId]);
    expect(rows).toEqual([{ members_in_office: 55 }]);
    await expect(client.query(`UPDATE sitting SET members_in_office = 0 WHERE id = $1`, [fixture.sittingId]))
      .rejects.toMatchObject({ code: "23514", constraint: "sitting_members_in_office_check" });
    const id = await insertDeliberation(client, fixture);
    await insertVote(id, 45, 5);
    await expect(client.query(`UPDATE sitting SET members_in_office = 49 WHERE id = $1`, [fixture.sittingId])).rejects.toMatchObject({ code: "RG003" });
    await expect(client.query(`UPDATE sitting SET members_in_office = 53 WHERE id = $1`, [fixture.sittingId])).resolves.toMatchObject({ rowCount: 1 });
    // The municipality's setting changes later: the sitting keeps its own dated figure.
    await client.query(`UPDATE municipality SET members_in_office = 49 WHERE id = $1`, [fixture.municipalityId]);
    expect((await client.query(`SELECT members_in_office FROM sitting WHERE id = $1`, [fixture.sittingId])).rows).toEqual([{ members_in_office: 53 }]);
  });

  it("[database rules]: a sitting's members in office are frozen once one of its deliberations is published (RG004)", async () => {
    const id = await insertDeliberation(client, fixture);
    await insertVote(id, 45, 5);
    await client.query(`UPDATE deliberation SET status = 'PUBLISHED', outcome = 'ADOPTED', published_at = now() WHERE id = $1`, [id]);
    await expect(client.query(`UPDATE sitting SET members_in_office = 54 WHERE id = $1`, [fixture.sittingId]))
      .rejects.toMatchObject({ code: "RG004", constraint: "sitting_members_in_office_frozen" });
    // A later fact about the sitting stays recordable; what its acts state (its place) is frozen with them.
    await expect(client.query(`UPDATE sitting SET list_posted_at = current_date WHERE id = $1`, [fixture.sittingId])).resolves.toMatchObject({ rowCount: 1 });
  });
});
