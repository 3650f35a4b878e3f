import { readFileSync } from "node:fs";

// A reader of the subset of the Prisma schema language this project uses,
// enough to say which tables, columns, types, indexes and foreign keys the
// schema promises. The drift test compares that with the migrated database
// (the schema engine that `prisma migrate diff` needs cannot be downloaded here).

export type ExpectedColumn = { table: string; column: string; dataType: string; nullable: boolean };
export type ExpectedIndex = { table: string; columns: string[]; unique: boolean };
export type ExpectedForeignKey = { table: string; columns: string[]; referencedTable: string; referencedColumns: string[] };
export type ExpectedSchema = {
  enums: Map<string, string[]>;
  tables: Set<string>;
  columns: ExpectedColumn[];
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
};

type Field = { name: string; type: string; optional: boolean; list: boolean; attributes: string };
type Block = { kind: "model" | "enum"; name: string; lines: string[] };

function blocks(source: string): Block[] {
  const withoutComments = source.replace(/\/\/.*$/gm, "");
  const found: Block[] = [];
  const pattern = /\b(model|enum)\s+(\w+)\s*\{([^}]*)\}/g;
  for (const match of withoutComments.matchAll(pattern)) {
    found.push({
      kind: match[1] as "model" | "enum",
      name: match[2]!,
      lines: match[3]!.split("\n").map((line) => line.trim()).filter(Boolean),
    });
  }
  return found;
}

const mapOf = (attributes: string) => /@map\("([^"]+)"\)/.exec(attributes)?.[1];
const blockMapOf = (lines: string[]) => lines.map((line) => /^@@map\("([^"]+)"\)/.exec(line)?.[1]).find(Boolean);
const listOf = (value: string) => value.split(",").map((item) => item.trim()).filter(Boolean);

function nativeType(field: Field, enumDbNames: Map<string, string>): string {
  const db = /@db\.(\w+)(?:\(([^)]*)\))?/.exec(field.attributes);
  if (db) {
    const [, name, argument] = db;
    switch (name) {
      case "Uuid": return "uuid";
      case "Char": return `character(${argument})`;
      case "VarChar": return `character varying(${argument})`;
      case "Date": return "date";
      case "Timestamptz": return `timestamp(${argument ?? 6}) with time zone`;
      case "Timestamp": return `timestamp(${argument ?? 6}) without time zone`;
      case "Text": return "text";
      default: throw new Error(`native type @db.${name} not handled by the drift reader`);
    }
  }
  const unsupported = /^Unsupported\("([^"]+)"\)$/.exec(field.type);
  if (unsupported) return unsupported[1]!;
  const enumName = enumDbNames.get(field.type);
  if (enumName) return `enum ${enumName}`;
  switch (field.type) {
    case "String": return "text";
    case "Int": return "integer";
    case "BigInt": return "bigint";
    case "Boolean": return "boolean";
    case "DateTime": return "timestamp(3) without time zone";
    case "Json": return "jsonb";
    case "Bytes": return "bytea";
    case "Float": return "double precision";
    default: throw new Error(`type ${field.type} not handled by the drift reader`);
  }
}

export function readPrismaSchema(file: string): ExpectedSchema {
  const all = blocks(readFileSync(file, "utf8"));
  const enums = new Map<string, string[]>();
  const enumDbNames = new Map<string, string>();
  for (const block of all.filter((b) => b.kind === "enum")) {
    const dbName = blockMapOf(block.lines) ?? block.name;
    enumDbNames.set(block.name, dbName);
    enums.set(dbName, block.lines.filter((line) => !line.startsWith("@@")).map((line) => line.split(/\s+/)[0]!));
  }
  const models = all.filter((b) => b.kind === "model");
  const tableOf = new Map(models.map((model) => [model.name, blockMapOf(model.lines) ?? model.name]));
  const fieldsOf = new Map<string, Field[]>();
  for (const model of models) {
    fieldsOf.set(
      model.name,
      model.lines
        .filter((line) => !line.startsWith("@@"))
        .map((line) => {
          const match = /^(\w+)\s+(\w+(?:\("[^"]*"\))?)(\[\])?(\?)?\s*(.*)$/.exec(line);
          if (!match) throw new Error(`cannot read field line "${line}"`);
          return { name: match[1]!, type: match[2]!, list: Boolean(match[3]), optional: Boolean(match[4]), attributes: match[5] ?? "" };
        }),
    );
  }
  const columnName = (model: string, field: string) => {
    const found = fieldsOf.get(model)?.find((candidate) => candidate.name === field);
    if (!found) throw new Error(`${model}.${field} not found`);
    return mapOf(found.attributes) ?? found.name;
  };

  const expected: ExpectedSchema = { enums, tables: new Set(), columns: [], indexes: [], foreignKeys: [] };
  for (const model of models) {
    const table = tableOf.get(model.name)!;
    expected.tables.add(table);
    for (const field of fieldsOf.get(model.name)!) {
      if (tableOf.has(field.type)) {
        const relation = /@relation\(([^)]*?fields:\s*\[([^\]]*)\][^)]*?references:\s*\[([^\]]*)\][^)]*)\)/.exec(field.attributes);
        if (relation) {
          expected.foreignKeys.push({
            table,
            columns: listOf(relation[2]!).map((name) => columnName(model.name, name)),
            referencedTable: tableOf.get(field.type)!,
            referencedColumns: listOf(relation[3]!).map((name) => columnName(field.type, name)),
          });
        }
        continue;
      }
      const column = mapOf(field.attributes) ?? field.name;
      // A scalar list (String[]) is an array column of the element's type.
      expected.columns.push({ table, column, dataType: `${nativeType(field, enumDbNames)}${field.list ? "[]" : ""}`, nullable: field.optional });
      if (/@id\b/.test(field.attributes)) expected.indexes.push({ table, columns: [column], unique: true });
      if (/@unique\b/.test(field.attributes)) expected.indexes.push({ table, columns: [column], unique: true });
    }
    for (const line of model.lines.filter((l) => l.startsWith("@@"))) {
      const match = /^@@(unique|index|id)\(\[([^\]]*)\]/.exec(line);
      if (!match) continue;
      expected.indexes.push({
        table,
        // A field's arguments (`year(ops: raw("int4_ops"))`) are not its name.
        columns: listOf(match[2]!).map((name) => columnName(model.name, name.replace(/\(.*$/, ""))),
        unique: match[1] !== "index",
      });
    }
  }
  return expected;
}
