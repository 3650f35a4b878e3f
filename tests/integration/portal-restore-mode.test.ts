import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, createDatabase, runtimeDatabaseUrl } from "./support/database";
import { insertMunicipality, type Fixture } from "./support/factories";

// The restore mode of a portal's import (migration 20261202100000_portal_restore)
// is narrow: only the owner opens it, only for a municipality not there yet,
// only in the transaction that opened it, and only until that transaction
// closes it; its record is never changed after. Outside it, every guard it
// lifts holds as before.

const NEW_MUNICIPALITY = `INSERT INTO municipality (id, slug, name, commune_name, siren, siret, department_code, address, administrative_court, members_in_office, appeal_notice)
  VALUES ($1, $2, 'Commune restaurée', 'Restaurée', '211300017', '21130001700011', '013', 'Mairie', 'Tribunal administratif de Marseille', 5, 'Recours.')`;

describe("portal restore mode", () => {
  let owner: pg.Client;
  let runtime: pg.Client;
  let fixture: Fixture;
  const name = "registre_portal_restore_mode";

  const windowsOf = async (client: pg.Client, id: string) =>
    Number((await client.query(`SELECT count(*) FROM derogation_window WHERE municipality_id = $1`, [id])).rows[0].count);

  beforeAll(async () => {
    owner = await connect(await createDatabase(name));
    runtime = await connect(runtimeDatabaseUrl(name));
    fixture = await insertMunicipality(owner);
  });
  afterAll(async () => {
    await runtime?.end();
    await owner?.end();
  });

  it("[restore]: the runtime role cannot open a restore, nor change or remove one", async () => {
    await expect(runtime.query(`INSERT INTO portal_restore (municipality_id, transaction_id, restored_by) VALUES ($1, 0, '')`, [randomUUID()])).rejects.toThrow(
      "permission denied for table portal_restore",
    );
    await expect(runtime.query(`UPDATE portal_restore SET finished_at = now()`)).rejects.toThrow("permission denied for table portal_restore");
    await expect(runtime.query(`DELETE FROM portal_restore`)).rejects.toThrow("permission denied for table portal_restore");
    // It may read it: the guards ask it.
    expect((await runtime.query(`SELECT portal_restoring($1) AS restoring`, [fixture.municipalityId])).rows).toEqual([{ restoring: false }]);
  });

  it("[restore]: a restore opens only for a municipality that is not there (RG060)", async () => {
    await expect(owner.query(`INSERT INTO portal_restore (municipality_id, transaction_id, restored_by) VALUES ($1, 0, '')`, [fixture.municipalityId])).rejects.toMatchObject({
      code: "RG060",
    });
  });

  it("[restore]: in the transaction that opened it, a new municipality gets no national windows and a PV may come published; once closed, the guards are back", async () => {
    const restored = randomUUID();
    await owner.query("BEGIN");
    try {
      await owner.query(`INSERT INTO portal_restore (municipality_id, transaction_id, restored_by) VALUES ($1, 42, 'quelqu''un')`, [restored]);
      const { rows } = await owner.query(`SELECT transaction_id::text = pg_current_xact_id()::text AS own, restored_by = current_user AS who FROM portal_restore WHERE municipality_id = $1`, [restored]);
      expect(rows).toEqual([{ own: true, who: true }]);
      await owner.query(NEW_MUNICIPALITY, [restored, `restauree-${restored.slice(0, 8)}`]);
      expect(await windowsOf(owner, restored)).toBe(0);
      // Another municipality in the same transaction is not restored: its guards hold.
      await owner.query(`SAVEPOINT other`);
      await expect(
        owner.query(
          `INSERT INTO minutes (municipality_id, sitting_id, status, item_discussions) VALUES ($1, $2, 'SUBMITTED', '{}')`,
          [fixture.municipalityId, fixture.sittingId],
        ),
      ).rejects.toMatchObject({ code: "RG031" });
      await owner.query(`ROLLBACK TO SAVEPOINT other`);
      await owner.query(`UPDATE portal_restore SET finished_at = now() WHERE municipality_id = $1`, [restored]);
      expect((await owner.query(`SELECT portal_restoring($1) AS restoring`, [restored])).rows).toEqual([{ restoring: false }]);
      const later = randomUUID();
      await owner.query(`INSERT INTO portal_restore (municipality_id, transaction_id, restored_by) VALUES ($1, 0, '')`, [later]);
      await owner.query(`UPDATE portal_restore SET finished_at = now() WHERE municipality_id = $1`, [later]);
      await owner.query(NEW_MUNICIPALITY, [later, `restauree-${later.slice(0, 8)}`]);
      expect(await windowsOf(owner, later)).toBe(4);
      await owner.query("COMMIT");
    } catch (error) {
      await owner.query("ROLLBACK");
      throw error;
    }
    // Committed: the record stays, closed, and no later transaction is in restore mode.
    expect((await owner.query(`SELECT portal_restoring($1) AS restoring`, [restored])).rows).toEqual([{ restoring: false }]);
    await expect(owner.query(`UPDATE portal_restore SET finished_at = now() WHERE municipality_id = $1`, [restored])).rejects.toMatchObject({ code: "RG061" });
    await expect(owner.query(`UPDATE portal_restore SET restored_by = 'autre' WHERE municipality_id = $1`, [restored])).rejects.toMatchObject({ code: "RG061" });
    await expect(owner.query(`DELETE FROM portal_restore WHERE municipality_id = $1`, [restored])).rejects.toMatchObject({ code: "RG061" });
    await expect(owner.query(`TRUNCATE portal_restore`)).rejects.toThrow("portal_restore is append-only: TRUNCATE refused");
  });

  it("[restore]: a restore left open by another transaction, committed, lifts nothing in the next one", async () => {
    const restored = randomUUID();
    // Opened and committed without being closed (the importer always closes it; plain SQL may not).
    await owner.query(`INSERT INTO portal_restore (municipality_id, transaction_id, restored_by) VALUES ($1, 0, '')`, [restored]);
    expect((await owner.query(`SELECT portal_restoring($1) AS restoring`, [restored])).rows).toEqual([{ restoring: false }]);
    await owner.query(NEW_MUNICIPALITY, [restored, `restauree-${restored.slice(0, 8)}`]);
    expect(await windowsOf(owner, restored)).toBe(4);
  });
});
