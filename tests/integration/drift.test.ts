import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDatabaseSchema, type ActualSchema } from "./support/database-schema";
import { readPrismaSchema, type ExpectedSchema } from "./support/prisma-schema";
import { connect, createDatabase } from "./support/database";

const key = (parts: (string | string[] | boolean)[]) => JSON.stringify(parts);

describe("schema drift", () => {
  let client: pg.Client;
  let expected: ExpectedSchema;
  let actual: ActualSchema;

  beforeAll(async () => {
    client = await connect(await createDatabase("registre_drift"));
    expected = readPrismaSchema(path.resolve("prisma/schema.prisma"));
    actual = await readDatabaseSchema(client);
  });
  afterAll(() => client.end());

  it("[drift]: the migrated database has exactly the tables of schema.prisma", () => {
    expect([...actual.tables].sort()).toEqual([...expected.tables].sort());
  });

  it("[drift]: every column has the type and nullability schema.prisma gives it", () => {
    const describe = (columns: ExpectedSchema["columns"]) =>
      columns.map((column) => `${column.table}.${column.column} ${column.dataType}${column.nullable ? " NULL" : " NOT NULL"}`).sort();
    expect(describe(actual.columns)).toEqual(describe(expected.columns));
  });

  it("[drift]: enums have the same values in the same order", () => {
    expect(Object.fromEntries(actual.enums)).toEqual(Object.fromEntries(expected.enums));
  });

  it("[drift]: unique keys and indexes match", () => {
    const normalise = (indexes: ExpectedSchema["indexes"]) =>
      [...new Set(indexes.map((index) => key([index.table, index.columns, index.unique])))].sort();
    expect(normalise(actual.indexes)).toEqual(normalise(expected.indexes));
  });

  it("[drift]: foreign keys match", () => {
    const normalise = (foreignKeys: ExpectedSchema["foreignKeys"]) =>
      foreignKeys.map((fk) => key([fk.table, fk.columns, fk.referencedTable, fk.referencedColumns])).sort();
    expect(normalise(actual.foreignKeys)).toEqual(normalise(expected.foreignKeys));
  });

  it("[drift]: the reader notices a column the schema does not declare", async () => {
    await client.query(`ALTER TABLE councillor ADD COLUMN nickname text`);
    const altered = await readDatabaseSchema(client);
    await client.query(`ALTER TABLE councillor DROP COLUMN nickname`);
    const names = altered.columns.map((column) => `${column.table}.${column.column}`);
    expect(names).toContain("councillor.nickname");
    expect(expected.columns.map((column) => `${column.table}.${column.column}`)).not.toContain("councillor.nickname");
  });
});
