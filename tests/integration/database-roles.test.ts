import { createHash } from "node:crypto";
import { cp, mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { MIGRATIONS_DIR, migrate } from "@/lib/db/migrate";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { connect, createDatabase, databaseUrl, runtimeDatabaseUrl } from "./support/database";
import { insertDeliberation, insertMunicipality, type Fixture } from "./support/factories";

// Least privilege: the web process connects as the runtime role, which can
// write the rows the portal writes and nothing that would let it rewrite
// history: no superuser setting, no DDL, no TRUNCATE, no UPDATE or DELETE on
// the append-only tables. TRUNCATE is refused to the owner too.

const NAME = "registre_database_roles";

describe("database roles", () => {
  let owner: pg.Client;
  let runtime: pg.Client;
  let runtimeDb: Db;
  let fixture: Fixture;

  beforeAll(async () => {
    owner = await connect(await createDatabase(NAME));
    runtime = await connect(runtimeDatabaseUrl(NAME));
    runtimeDb = createPrismaClient(runtimeDatabaseUrl(NAME));
    fixture = await insertMunicipality(runtime, { members: 2 });
    const deliberationId = await insertDeliberation(runtime, fixture);
    await runtimeDb.$transaction((tx) =>
      appendAuditEvent(tx, { municipalityId: fixture.municipalityId, action: "deliberation.create", entity: "deliberation", entityId: deliberationId }),
    );
    const content = Buffer.from("%PDF-1.7 extrait");
    await runtime.query(
      `INSERT INTO issued_extract (municipality_id, kind, deliberation_id, source_digest, file_name, verification_code, sha256, size, content, signer_name, certificate_fingerprint)
       VALUES ($1, 'DELIBERATION', $2, $3, 'extrait.pdf', 'ABCD-EFGH-JKMN', $3, $4, $5, 'Mairie', $3)`,
      [fixture.municipalityId, deliberationId, createHash("sha256").update(content).digest("hex"), content.length, content],
    );
  });
  afterAll(async () => {
    await runtimeDb.$disconnect();
    await runtime.end();
    await owner.end();
  });

  it("[roles]: the runtime role is neither a superuser nor the owner, and may not create in the schema", async () => {
    const { rows } = await runtime.query<{ user: string; superuser: boolean; create: boolean; owner: string }>(
      `SELECT current_user AS user, r.rolsuper AS superuser, has_schema_privilege('public', 'CREATE') AS create,
              (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_event') AS owner
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows).toEqual([{ user: "registre_app", superuser: false, create: false, owner: "registre" }]);
    await expect(runtime.query("CREATE TABLE intruder (id int)")).rejects.toThrow("permission denied for schema public");
    await expect(runtime.query("CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'")).rejects.toThrow("permission denied for schema public");
    await expect(runtime.query("DROP TABLE audit_event")).rejects.toThrow("must be owner of table audit_event");
  });

  it("[roles]: the runtime role may not replay as a replica, nor disable a trigger", async () => {
    await expect(runtime.query("SET session_replication_role = replica")).rejects.toThrow('permission denied to set parameter "session_replication_role"');
    for (const [table, trigger] of [
      ["audit_event", "audit_event_append_only"],
      ["issued_extract", "issued_extract_immutable"],
      ["deliberation", "deliberation_published_immutable"],
    ]) {
      await expect(runtime.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`)).rejects.toThrow(`must be owner of table ${table}`);
    }
  });

  it("[roles]: the runtime role may not truncate any table, nor update or delete the append-only ones", async () => {
    for (const table of ["audit_event", "issued_extract", "audit_checkpoint", "deliberation", "municipality", "login_attempt"]) {
      await expect(runtime.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(`permission denied for table ${table}`);
    }
    for (const table of ["audit_event", "issued_extract", "audit_checkpoint"]) {
      await expect(runtime.query(`UPDATE ${table} SET id = id`)).rejects.toThrow(`permission denied for table ${table}`);
      await expect(runtime.query(`DELETE FROM ${table}`)).rejects.toThrow(`permission denied for table ${table}`);
    }
    await expect(runtime.query(`SELECT * FROM "_prisma_migrations"`)).rejects.toThrow("permission denied for table _prisma_migrations");
    const { rows } = await owner.query<{ count: string }>("SELECT count(*) FROM audit_event");
    expect(rows).toEqual([{ count: "1" }]);
  });

  it("[roles]: the runtime role writes what the portal writes", async () => {
    const draftId = await insertDeliberation(runtime, fixture, { sequence: 2, subject: "Brouillon" });
    await runtime.query("UPDATE deliberation SET subject = 'Brouillon corrigé' WHERE id = $1", [draftId]);
    await runtime.query("DELETE FROM deliberation WHERE id = $1", [draftId]);
    await runtimeDb.loginAttempt.create({ data: { email: "greffe@mairie.fr", address: "127.0.0.1", succeeded: false } });
    expect(await runtimeDb.loginAttempt.deleteMany({ where: { email: "greffe@mairie.fr" } })).toEqual({ count: 1 });
    await runtimeDb.$transaction((tx) => appendAuditEvent(tx, { municipalityId: fixture.municipalityId, action: "deliberation.delete", entity: "deliberation", entityId: draftId }));
    const { rows } = await runtime.query<{ action: string }>("SELECT action FROM audit_event ORDER BY id");
    expect(rows).toEqual([{ action: "deliberation.create" }, { action: "deliberation.delete" }]);
    expect(await runtimeDb.issuedExtract.count()).toBe(1);
  });

  it("[roles]: TRUNCATE of the protected tables is refused to the owner too", async () => {
    await expect(owner.query("TRUNCATE audit_event")).rejects.toThrow("audit_event is append-only: TRUNCATE refused");
    await expect(owner.query("TRUNCATE issued_extract")).rejects.toThrow("issued_extract is append-only: TRUNCATE refused");
    await expect(owner.query("TRUNCATE audit_checkpoint")).rejects.toThrow("audit_checkpoint is append-only: TRUNCATE refused");
    await expect(owner.query("TRUNCATE municipality CASCADE")).rejects.toThrow("TRUNCATE refused");
    const publishedId = await insertDeliberation(owner, fixture, { sequence: 3, status: "TRANSMITTED", outcome: "ADOPTED" });
    await owner.query("UPDATE deliberation SET status = 'PUBLISHED', published_at = now() WHERE id = $1", [publishedId]);
    await expect(owner.query("TRUNCATE vote CASCADE")).rejects.toThrow(/^vote(_record)? holds published deliberations: TRUNCATE refused$/);
    await expect(owner.query("TRUNCATE annex")).rejects.toThrow("annex holds published deliberations: TRUNCATE refused");
  });

  it("[roles]: a table a later migration adds is granted to the runtime role, an append-only one read and insert only", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "registre-migrations-"));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await mkdir(path.join(dir, "29991231000000_future"));
      await writeFile(path.join(dir, "29991231000000_future", "migration.sql"), `CREATE TABLE "future_note" ("id" BIGSERIAL PRIMARY KEY, "text" TEXT NOT NULL);`);
      const name = `${NAME}_future`;
      await createDatabase(name);
      await migrate({ connectionString: databaseUrl(name), dir, runtimeRole: "registre_app" });
      const futureOwner = await connect(databaseUrl(name));
      const futureRuntime = await connect(runtimeDatabaseUrl(name));
      try {
        await futureRuntime.query(`INSERT INTO future_note (text) VALUES ('a')`);
        await futureRuntime.query(`UPDATE future_note SET text = 'b'`);
        expect((await futureRuntime.query(`DELETE FROM future_note RETURNING text`)).rows).toEqual([{ text: "b" }]);
        await expect(futureRuntime.query("TRUNCATE future_note")).rejects.toThrow("permission denied for table future_note");
        // A table the owner creates outside the runner: the default privileges reach it.
        await futureOwner.query(`CREATE TABLE "later_note" ("text" TEXT)`);
        await futureRuntime.query(`INSERT INTO later_note (text) VALUES ('c')`);
        expect((await futureRuntime.query(`SELECT text FROM later_note`)).rows).toEqual([{ text: "c" }]);
        await expect(futureRuntime.query("TRUNCATE later_note")).rejects.toThrow("permission denied for table later_note");
      } finally {
        await futureRuntime.end();
        await futureOwner.end();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("[roles]: the runner refuses to grant to the owner itself or to a role that does not exist", async () => {
    await expect(migrate({ connectionString: databaseUrl(NAME), runtimeRole: "registre" })).rejects.toThrow(
      "Le rôle d'exécution « registre » est le propriétaire des tables (ou en hérite)",
    );
    await expect(migrate({ connectionString: databaseUrl(NAME), runtimeRole: "personne" })).rejects.toThrow("Le rôle d'exécution « personne » n'existe pas");
  });
});
