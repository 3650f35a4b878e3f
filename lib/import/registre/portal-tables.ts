import { GLOBAL_TABLES, NOT_EXPORTED, SELF_REFERENCING_ORDER } from "./portal-format";

// Which tables make a municipality's records, read from the database's own
// catalog rather than listed: every table with a municipality_id, its columns
// (generated ones left out: the database computes them again), which are
// binary, and the order the foreign keys impose. The export and the import
// both read it, each from its own database.

/** A query on either side: the export's pg client, the import's transaction. */
export type CatalogQuery = <Row>(sql: string, params?: unknown[]) => Promise<Row[]>;

export type PortalTableShape = {
  name: string;
  /** How its rows are chosen: the municipality's row, the rows of the municipality, or every row (global). */
  scope: "municipality" | "scoped" | "global";
  columns: string[];
  binaryColumns: string[];
  /** Columns the rows are ordered by: parents first for a table that refers to itself, else the primary key. */
  orderBy: string[];
  /** Serial columns, whose sequence must follow the restored values. */
  serialColumns: string[];
};

type TableRow = { name: string; scoped: boolean };
type ColumnRow = { table: string; column: string; binary: boolean; generated: boolean; serial: boolean };
type KeyRow = { table: string; columns: string };
type ForeignKeyRow = { table: string; referenced: string };

export async function readPortalTables(query: CatalogQuery): Promise<PortalTableShape[]> {
  const tables = await query<TableRow>(
    `SELECT c.relname AS name,
            EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'municipality_id' AND NOT a.attisdropped) AS scoped
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     ORDER BY c.relname`,
  );
  const columns = await query<ColumnRow>(
    `SELECT c.relname AS table, a.attname AS column, a.atttypid = 'bytea'::regtype AS binary, a.attgenerated <> '' AS generated,
            pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) IS NOT NULL AS serial
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY c.relname, a.attnum`,
  );
  const primaryKeys = await query<KeyRow>(
    `SELECT c.relname AS table, string_agg(a.attname, ',' ORDER BY k.ord) AS columns
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE n.nspname = 'public' AND i.indisprimary
     GROUP BY c.relname`,
  );
  const foreignKeys = await query<ForeignKeyRow>(
    `SELECT child.relname AS table, parent.relname AS referenced
     FROM pg_constraint f
     JOIN pg_class child ON child.oid = f.conrelid JOIN pg_class parent ON parent.oid = f.confrelid
     JOIN pg_namespace n ON n.oid = child.relnamespace
     WHERE f.contype = 'f' AND n.nspname = 'public'`,
  );

  const unclassified = tables.filter(
    (table) => !table.scoped && table.name !== "municipality" && !(table.name in NOT_EXPORTED) && !(GLOBAL_TABLES as readonly string[]).includes(table.name),
  );
  if (unclassified.length) {
    throw new Error(
      `Table(s) sans municipality_id que l'export ne sait pas classer : ${unclassified.map((table) => table.name).join(", ")} (à ranger dans NOT_EXPORTED ou GLOBAL_TABLES de lib/import/registre/portal-format.ts).`,
    );
  }
  const exported = tables.filter((table) => !(table.name in NOT_EXPORTED));
  const names = new Set(exported.map((table) => table.name));
  const keyOf = new Map(primaryKeys.map((key) => [key.table, key.columns.split(",")]));

  const shapes = exported.map((table): PortalTableShape => {
    const own = columns.filter((column) => column.table === table.name && !column.generated);
    const selfReferencing = foreignKeys.some((key) => key.table === table.name && key.referenced === table.name);
    const orderBy = SELF_REFERENCING_ORDER[table.name] ?? (selfReferencing ? undefined : keyOf.get(table.name));
    if (!orderBy) {
      throw new Error(`La table ${table.name} se désigne elle-même ou n'a pas de clé primaire : indiquez l'ordre de ses lignes dans SELF_REFERENCING_ORDER (lib/import/registre/portal-format.ts).`);
    }
    return {
      name: table.name,
      scope: table.name === "municipality" ? "municipality" : table.scoped ? "scoped" : "global",
      columns: own.map((column) => column.column),
      binaryColumns: own.filter((column) => column.binary).map((column) => column.column),
      orderBy: [...orderBy],
      serialColumns: own.filter((column) => column.serial).map((column) => column.column),
    };
  });

  const dependencies = new Map(shapes.map((shape) => [shape.name, new Set<string>()]));
  for (const key of foreignKeys) {
    if (key.table !== key.referenced && names.has(key.table) && names.has(key.referenced)) dependencies.get(key.table)!.add(key.referenced);
  }
  return dependencyOrder(shapes, dependencies);
}

/** Parents before children (Kahn's algorithm), ties by name so that two exports of one database list the tables alike. */
export function dependencyOrder<Shape extends { name: string }>(shapes: Shape[], dependencies: Map<string, Set<string>>): Shape[] {
  const remaining = new Map(shapes.map((shape) => [shape.name, shape]));
  const ordered: Shape[] = [];
  while (remaining.size) {
    const ready = [...remaining.values()]
      .filter((shape) => [...(dependencies.get(shape.name) ?? [])].every((parent) => !remaining.has(parent)))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    if (!ready.length) throw new Error(`Les clés étrangères des tables ${[...remaining.keys()].join(", ")} forment un cycle : l'export ne sait pas les ordonner.`);
    for (const shape of ready) {
      ordered.push(shape);
      remaining.delete(shape.name);
    }
  }
  return ordered;
}

export const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
