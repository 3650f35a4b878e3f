import { createHash } from "node:crypto";
import { mkdtemp, cp, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";
import { connect, createDatabase } from "./support/database";

describe("migration runner", () => {
  let url: string;
  let client: pg.Client;

  beforeAll(async () => {
    url = await createDatabase("registre_migrations", { migrated: false });
    client = await connect(url);
  });
  afterAll(() => client.end());

  it("[migrations]: apply every migration to an empty database, then none on a second run", async () => {
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThanOrEqual(3);

    const first = await migrate({ connectionString: url });
    expect(first.applied).toEqual(migrations.map((migration) => migration.name));

    const second = await migrate({ connectionString: url });
    expect(second).toEqual({ applied: [], alreadyApplied: migrations.length });
  });

  it("[migrations]: record each migration in _prisma_migrations as Prisma does, with the file's sha256", async () => {
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
    );
    const migrations = await readMigrations();
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(createHash("sha256").update(migrations[index]!.sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("[migrations]: refuse to run when an applied migration was edited afterwards", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "registre-migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const [first] = await readMigrations(dir);
    await appendFile(path.join(dir, first!.name, "migration.sql"), "\n-- edited\n");
    await expect(migrate({ connectionString: url, dir })).rejects.toThrow(/a été modifiée/);
  });

  it("[migrations]: a failing migration rolls back entirely and is not recorded", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "registre-migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const broken = path.join(dir, "29990101000000_broken");
    await import("node:fs/promises").then((fs) => fs.mkdir(broken));
    await appendFile(path.join(broken, "migration.sql"), `CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;\n`);
    await expect(migrate({ connectionString: url, dir })).rejects.toThrow(/29990101000000_broken/);
    const table = await client.query(`SELECT to_regclass('public.half_done') AS name`);
    expect(table.rows[0].name).toBeNull();
    const recorded = await client.query(`SELECT 1 FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'`);
    expect(recorded.rowCount).toBe(0);
  });
});
