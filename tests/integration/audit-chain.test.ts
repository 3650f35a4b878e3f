import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as AppendAuditEvent from "@/lib/audit/append-audit-event";
import type * as ListAuditEvents from "@/lib/audit/list-audit-events";
import type * as VerifyAuditChain from "@/lib/audit/verify-audit-chain";
import type { SessionUser } from "@/lib/auth/roles";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import { connect, createDatabase } from "./support/database";
import { insertMunicipality, type Fixture } from "./support/factories";

// The audit trail: append-only in the database, hash-chained, and a verifier
// that names the first row altered or removed behind the application's back.

type Modules = typeof AppendAuditEvent & typeof VerifyAuditChain & typeof ListAuditEvents & { createPrismaClient: typeof createPrismaClient };

describe("audit trail", () => {
  let client: pg.Client;
  let db: Db;
  let fixture: Fixture;
  let modules: Modules;
  let ids: string[];

  beforeAll(async () => {
    const url = await createDatabase("registre_audit_chain");
    client = await connect(url);
    fixture = await insertMunicipality(client, { members: 2 });
    modules = {
      ...(await import("@/lib/audit/append-audit-event")),
      ...(await import("@/lib/audit/verify-audit-chain")),
      ...(await import("@/lib/audit/list-audit-events")),
      createPrismaClient: (await import("@/lib/db/prisma")).createPrismaClient,
    };
    db = modules.createPrismaClient(url);
    for (let index = 1; index <= 5; index += 1) {
      await db.$transaction((tx) =>
        modules.appendAuditEvent(tx, {
          municipalityId: fixture.municipalityId,
          action: index % 2 ? "councillor.update" : "sitting.create",
          entity: index % 2 ? "councillor" : "sitting",
          entityId: `entite-${index}`,
          before: { valeur: index - 1, détail: { b: 2, a: 1 } },
          after: { valeur: index },
        }),
      );
    }
    ids = (await client.query<{ id: string }>(`SELECT id::text FROM audit_event ORDER BY id`)).rows.map((row) => row.id);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  async function tamper(sql: string, values: unknown[]) {
    // The owner may lift the append-only trigger: the verifier is what catches it.
    await client.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
    try {
      await client.query(sql, values);
    } finally {
      await client.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
    }
  }

  it("[audit]: each row carries its predecessor's hash; the chain verifies whole", async () => {
    const { rows } = await client.query<{ hash: string; previous_hash: string | null }>(`SELECT hash, previous_hash FROM audit_event ORDER BY id`);
    expect(rows[0]!.previous_hash).toBeNull();
    for (let index = 1; index < rows.length; index += 1) expect(rows[index]!.previous_hash).toBe(rows[index - 1]!.hash);
    expect(await modules.verifyAuditChain(db)).toEqual({ ok: true, checked: 5 });
  });

  it("[audit]: the database refuses UPDATE and DELETE of an audit row", async () => {
    await expect(client.query(`UPDATE audit_event SET action = 'x' WHERE id = $1`, [ids[0]])).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM audit_event WHERE id = $1`, [ids[0]])).rejects.toThrow(/append-only/);
  });

  it("[audit]: a row altered with raw SQL is named by the verifier as the first broken one", async () => {
    await tamper(`UPDATE audit_event SET after = '{"valeur": 999}' WHERE id = $1`, [ids[2]]);
    const report = await modules.verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, checked: 2, brokenAt: { id: BigInt(ids[2]!), reason: expect.stringContaining("modifié") } });
    await tamper(`UPDATE audit_event SET after = '{"valeur": 3}' WHERE id = $1`, [ids[2]]);
    expect(await modules.verifyAuditChain(db)).toEqual({ ok: true, checked: 5 });
  });

  it("[audit]: a row deleted with raw SQL breaks the chain at the next row", async () => {
    await tamper(`DELETE FROM audit_event WHERE id = $1`, [ids[3]]);
    const report = await modules.verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, checked: 3, brokenAt: { id: BigInt(ids[4]!), reason: expect.stringContaining("supprimé") } });
  });

  it("[audit]: the audit list is for administrators, filtered by object and period", async () => {
    const admin: SessionUser = { id: "00000000-0000-0000-0000-000000000001", municipalityId: fixture.municipalityId, email: "a@b.fr", name: "A", role: "ADMIN" };
    await expect(modules.listAuditEvents({ db, actor: { ...admin, role: "CLERK" }, filters: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(modules.listAuditEvents({ db, actor: null, filters: {} })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const sittings = await modules.listAuditEvents({ db, actor: admin, filters: { entity: "sitting" } });
    expect(sittings.events.map((event) => event.entityId)).toEqual(["entite-2"]);
    expect(sittings.entities).toEqual(["councillor", "sitting"]);
    const future = await modules.listAuditEvents({ db, actor: admin, filters: { from: "2999-01-01" } });
    expect(future.total).toBe(0);
  });
});
