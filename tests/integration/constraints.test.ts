import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connect, createDatabase, resetDatabase } from "./support/database";
import { insertDeliberation, insertMunicipality, type Fixture } from "./support/factories";

// The rules that must never be false are refused by PostgreSQL itself,
// whatever the application does.

describe("database constraints", () => {
  let client: pg.Client;
  let fixture: Fixture;

  beforeAll(async () => {
    client = await connect(await createDatabase("registre_constraints"));
  });
  afterAll(() => client.end());
  beforeEach(async () => {
    await resetDatabase(client);
    fixture = await insertMunicipality(client);
  });

  const insertVote = (deliberationId: string, counts: Record<string, number | string | boolean | null>) => {
    const row = {
      present_and_represented: 5, present: 4, represented: 1, abstentions: 0, non_participation: 0,
      expressed: 5, votes_for: 5, votes_against: 0, result: "ADOPTED", secret: false, casting_vote: null,
      ...counts,
    };
    const columns = Object.keys(row);
    return client.query(
      `INSERT INTO vote (municipality_id, deliberation_id, ${columns.join(", ")})
       VALUES ($1, $2, ${columns.map((_, index) => `$${index + 3}`).join(", ")})`,
      [fixture.municipalityId, deliberationId, ...Object.values(row)],
    );
  };

  it("[constraints]: accept a tally whose identities hold", async () => {
    const id = await insertDeliberation(client, fixture);
    await expect(insertVote(id, {})).resolves.toBeDefined();
  });

  it("[constraints]: refuse présents + pouvoirs that do not make présents et représentés", async () => {
    const id = await insertDeliberation(client, fixture);
    await expect(insertVote(id, { present: 3 })).rejects.toThrow(/vote_present_and_represented_check/);
  });

  it("[constraints]: refuse suffrages exprimés that ignore the abstentions", async () => {
    const id = await insertDeliberation(client, fixture);
    await expect(insertVote(id, { abstentions: 1 })).rejects.toThrow(/vote_expressed_check/);
  });

  it("[constraints]: refuse pour + contre that do not make the suffrages exprimés", async () => {
    const id = await insertDeliberation(client, fixture);
    await expect(insertVote(id, { votes_for: 3, votes_against: 1 })).rejects.toThrow(/vote_for_against_check/);
  });

  it("[constraints]: refuse a result the tally contradicts", async () => {
    const id = await insertDeliberation(client, fixture);
    await expect(insertVote(id, { votes_for: 2, votes_against: 3, result: "ADOPTED" })).rejects.toThrow(/vote_result_check/);
  });

  it("[constraints]: refuse a casting vote in a secret ballot, accept it on a public tie", async () => {
    const tie = { present_and_represented: 4, present: 4, represented: 0, expressed: 4, votes_for: 2, votes_against: 2 };
    const secret = await insertDeliberation(client, fixture, { sequence: 1 });
    await expect(insertVote(secret, { ...tie, secret: true, casting_vote: "FOR", result: "ADOPTED" })).rejects.toThrow(/vote_casting_vote_check/);
    const open = await insertDeliberation(client, fixture, { sequence: 2 });
    await expect(insertVote(open, { ...tie, casting_vote: "FOR", result: "ADOPTED" })).resolves.toBeDefined();
  });

  it("[constraints]: refuse a second deliberation with the same number in one municipality", async () => {
    await insertDeliberation(client, fixture, { sequence: 91 });
    await expect(insertDeliberation(client, fixture, { sequence: 91 })).rejects.toThrow(/deliberation_(current_number|municipality_id_number_version)_key/);
  });

  it("[constraints]: let two municipalities use the same number", async () => {
    const other = await insertMunicipality(client);
    await insertDeliberation(client, fixture, { sequence: 91 });
    await expect(insertDeliberation(client, other, { sequence: 91 })).resolves.toBeTypeOf("string");
  });

  it("[constraints]: refuse a number that disagrees with its year and sequence", async () => {
    await expect(
      client.query(
        `INSERT INTO deliberation (municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject, matter_code, report, proposals)
         VALUES ($1, $2, 'DL.2022-92', 2022, 91, 1, 'Objet', '7.10', 'r', 'p')`,
        [fixture.municipalityId, fixture.sittingId],
      ),
    ).rejects.toThrow(/deliberation_number_check/);
  });

  it("[constraints]: refuse a proxy given to oneself", async () => {
    const id = await insertDeliberation(client, fixture);
    const [giver] = fixture.councillorIds;
    await expect(
      client.query(
        `INSERT INTO attendance (municipality_id, deliberation_id, councillor_id, status, proxy_holder_id) VALUES ($1, $2, $3, 'REPRESENTED', $3)`,
        [fixture.municipalityId, id, giver],
      ),
    ).rejects.toThrow(/attendance_proxy_self_check/);
  });

  it("[constraints]: refuse a proxy whose holder is not present at the deliberation", async () => {
    const id = await insertDeliberation(client, fixture);
    const [giver, holder] = fixture.councillorIds;
    await expect(
      client.query(
        `INSERT INTO attendance (municipality_id, deliberation_id, councillor_id, status, proxy_holder_id)
         VALUES ($1, $2, $3, 'REPRESENTED', $4), ($1, $2, $4, 'EXCUSED', NULL)`,
        [fixture.municipalityId, id, giver, holder],
      ),
    ).rejects.toThrow(/is not present/);
  });

  it("[constraints]: accept a roll call written holder last, inside one transaction", async () => {
    const id = await insertDeliberation(client, fixture);
    const [giver, holder] = fixture.councillorIds;
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO attendance (municipality_id, deliberation_id, councillor_id, status, proxy_holder_id) VALUES ($1, $2, $3, 'REPRESENTED', $4)`,
      [fixture.municipalityId, id, giver, holder],
    );
    await client.query(
      `INSERT INTO attendance (municipality_id, deliberation_id, councillor_id, status) VALUES ($1, $2, $3, 'PRESENT')`,
      [fixture.municipalityId, id, holder],
    );
    await expect(client.query("COMMIT")).resolves.toBeDefined();
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM attendance WHERE deliberation_id = $1`, [id]);
    expect(rows[0].n).toBe(2);
  });

  it("[constraints]: refuse a holder who leaves while holding a proxy", async () => {
    const id = await insertDeliberation(client, fixture);
    const [giver, holder] = fixture.councillorIds;
    await client.query(
      `INSERT INTO attendance (municipality_id, deliberation_id, councillor_id, status, proxy_holder_id)
       VALUES ($1, $2, $3, 'REPRESENTED', $4), ($1, $2, $4, 'PRESENT', NULL)`,
      [fixture.municipalityId, id, giver, holder],
    );
    await expect(
      client.query(`UPDATE attendance SET status = 'ABSENT' WHERE deliberation_id = $1 AND councillor_id = $2`, [id, holder]),
    ).rejects.toThrow(/must stay present/);
  });

  it("[constraints]: a roll call with a proxy can be replaced in one transaction (rows deleted, inserted again); deleting the holder alone is refused", async () => {
    const id = await insertDeliberation(client, fixture);
    const [giver, holder] = fixture.councillorIds;
    const insertBoth = `INSERT INTO attendance (municipality_id, deliberation_id, councillor_id, status, proxy_holder_id)
       VALUES ($1, $2, $3, 'REPRESENTED', $4), ($1, $2, $4, 'PRESENT', NULL)`;
    await client.query(insertBoth, [fixture.municipalityId, id, giver, holder]);
    await client.query("BEGIN");
    await client.query(`DELETE FROM attendance WHERE deliberation_id = $1`, [id]);
    await client.query(insertBoth, [fixture.municipalityId, id, giver, holder]);
    await expect(client.query("COMMIT")).resolves.toBeDefined();
    await expect(client.query(`DELETE FROM attendance WHERE deliberation_id = $1 AND councillor_id = $2`, [id, holder])).rejects.toThrow(/must stay present/);
  });

  it("[constraints]: refuse a councillor of another municipality in the roll call", async () => {
    const other = await insertMunicipality(client);
    const id = await insertDeliberation(client, fixture);
    await expect(
      client.query(
        `INSERT INTO attendance (municipality_id, deliberation_id, councillor_id, status) VALUES ($1, $2, $3, 'PRESENT')`,
        [fixture.municipalityId, id, other.councillorIds[0]],
      ),
    ).rejects.toThrow(/attendance_councillor_fkey/);
  });

  it("[constraints]: refuse a malformed ACTES identifier", async () => {
    const id = await insertDeliberation(client, fixture);
    await expect(
      client.query(
        `INSERT INTO prefecture_receipt (municipality_id, deliberation_id, actes_id, received_at) VALUES ($1, $2, $3, '2022-04-11')`,
        [fixture.municipalityId, id, "013-211300017-20220407- lmc1210471-DE-1-1"],
      ),
    ).rejects.toThrow(/prefecture_receipt_actes_id_check/);
  });

  it("[constraints]: refuse any change to a published deliberation and to its vote", async () => {
    const id = await insertDeliberation(client, fixture, { status: "TRANSMITTED", outcome: "ADOPTED" });
    await insertVote(id, {});
    await client.query(`UPDATE deliberation SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [id]);
    await expect(client.query(`UPDATE deliberation SET subject = 'Autre objet' WHERE id = $1`, [id])).rejects.toThrow(/is published/);
    await expect(client.query(`DELETE FROM deliberation WHERE id = $1`, [id])).rejects.toThrow(/is published/);
    await expect(client.query(`UPDATE vote SET votes_for = votes_for WHERE deliberation_id = $1`, [id])).rejects.toThrow(/published deliberation/);
    const { rows } = await client.query(`SELECT subject FROM deliberation WHERE id = $1`, [id]);
    expect(rows[0].subject).toBe("Objet de test");
  });

  it("[constraints]: refuse a published deliberation without its publication date", async () => {
    await expect(insertDeliberation(client, fixture, { status: "PUBLISHED", outcome: "ADOPTED" })).rejects.toThrow(/deliberation_published_check/);
  });

  it("[constraints]: refuse to alter or delete an audit event", async () => {
    await client.query(
      `INSERT INTO audit_event (municipality_id, action, entity, hash) VALUES ($1, 'test', 'Test', repeat('a', 64))`,
      [fixture.municipalityId],
    );
    await expect(client.query(`UPDATE audit_event SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
  });
});
