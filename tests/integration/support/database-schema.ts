import type pg from "pg";
import type { ExpectedColumn, ExpectedForeignKey, ExpectedIndex } from "./prisma-schema";

// What the migrated database actually holds, in the shapes of prisma-schema.ts.
// Partial and expression indexes are left out: they live in the SQL only
// (e.g. the one-number-per-municipality index), which Prisma cannot express.

export type ActualSchema = {
  enums: Map<string, string[]>;
  tables: Set<string>;
  columns: ExpectedColumn[];
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
};

export async function readDatabaseSchema(client: pg.Client): Promise<ActualSchema> {
  const enumRows = await client.query<{ name: string; value: string }>(`
    SELECT t.typname AS name, e.enumlabel AS value
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`);
  const enums = new Map<string, string[]>();
  for (const row of enumRows.rows) enums.set(row.name, [...(enums.get(row.name) ?? []), row.value]);

  const columnRows = await client.query<{ table: string; column: string; type: string; is_enum: boolean; nullable: boolean }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           t.typtype = 'e' AS is_enum, NOT a.attnotnull AS nullable
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      AND c.relname <> '_prisma_migrations'`);
  const columns = columnRows.rows.map((row) => ({
    table: row.table,
    column: row.column,
    dataType: row.is_enum ? `enum ${row.type.replace(/"/g, "")}` : row.type,
    nullable: row.nullable,
  }));

  const indexRows = await client.query<{ table: string; columns: string[]; unique: boolean }>(`
    SELECT c.relname AS table, i.indisunique AS unique,
           array_agg(a.attname::text ORDER BY k.ordinality) AS columns
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
    WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'
      AND i.indpred IS NULL AND i.indexprs IS NULL
    GROUP BY i.indexrelid, c.relname, i.indisunique`);

  const foreignKeyRows = await client.query<{ table: string; columns: string[]; referenced_table: string; referenced_columns: string[] }>(`
    SELECT c.relname AS table, r.relname AS referenced_table,
           array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o) AS columns,
           array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o) AS referenced_columns
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public'`);

  const tables = await client.query<{ name: string }>(`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);

  return {
    enums,
    tables: new Set(tables.rows.map((row) => row.name)),
    columns,
    indexes: indexRows.rows.map((row) => ({ table: row.table, columns: row.columns, unique: row.unique })),
    foreignKeys: foreignKeyRows.rows.map((row) => ({
      table: row.table,
      columns: row.columns,
      referencedTable: row.referenced_table,
      referencedColumns: row.referenced_columns,
    })),
  };
}
