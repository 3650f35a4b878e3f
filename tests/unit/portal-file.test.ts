import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readPortalHeader } from "@/lib/import/registre/import-registre-file";
import { PORTAL_FORMAT, PORTAL_FORMAT_VERSION } from "@/lib/import/registre/portal-format";
import { dependencyOrder } from "@/lib/import/registre/portal-tables";
import { readLines, type FileLine } from "@/lib/import/registre/read-lines";

// The pure parts of the portal file: its lines as a stream gives them, its
// header, and the order of its tables.

async function linesOf(chunks: (string | Buffer)[]): Promise<FileLine[]> {
  const lines: FileLine[] = [];
  for await (const line of readLines(Readable.from(chunks.map((chunk) => (typeof chunk === "string" ? Buffer.from(chunk) : chunk))))) lines.push(line);
  return lines;
}

const header = {
  type: "header",
  format: PORTAL_FORMAT,
  formatVersion: PORTAL_FORMAT_VERSION,
  exportedAt: "2026-12-02T10:00:00.000Z",
  schema: { latestMigration: "20261202100000_portal_restore", migrations: ["20260101000000_init", "20261202100000_portal_restore"] },
  municipality: { id: "00496b63-f10f-4a9b-b62c-e607e1cbbb3a", slug: "aix-en-provence", name: "Ville d'Aix-en-Provence" },
  counts: { municipality: 1 },
  tables: [{ name: "municipality", columns: ["id", "slug"], binaryColumns: [], rows: 1 }],
  auditChain: { complete: true, events: 0, otherMunicipalitiesEvents: 0, head: null },
  notExported: {},
  signingIdentity: "non exportée",
};
const line = (value: unknown, number = 1): FileLine => ({ number, text: typeof value === "string" ? value : JSON.stringify(value), terminated: true });

describe("portal file", () => {
  it("[portal file]: lines come whole whatever the chunks, a multi-byte character split between two, CRLF or LF", async () => {
    const text = Buffer.from('{"a":"élu"}\r\n{"b":2}\n');
    const split = text.indexOf(Buffer.from("é")) + 1;
    expect(await linesOf([text.subarray(0, split), text.subarray(split, 15), text.subarray(15)])).toEqual([
      { number: 1, text: '{"a":"élu"}', terminated: true },
      { number: 2, text: '{"b":2}', terminated: true },
    ]);
  });

  it("[portal file]: a last line without its line break is reported as cut", async () => {
    expect(await linesOf(['{"a":1}\n{"b":', "2"])).toEqual([
      { number: 1, text: '{"a":1}', terminated: true },
      { number: 2, text: '{"b":2', terminated: false },
    ]);
    expect(await linesOf([])).toEqual([]);
  });

  it("[portal file]: the header is read, and what is not one is named in French", () => {
    expect(readPortalHeader(line(header)).municipality.slug).toBe("aix-en-provence");
    expect(() => readPortalHeader(undefined)).toThrow("Ligne 1 : le fichier est vide");
    expect(() => readPortalHeader(line("COLL_NOM;COLL_SIRET"))).toThrow("Ligne 1 : ce n'est pas une ligne JSON valide");
    expect(() => readPortalHeader({ number: 1, text: '{"type":"hea', terminated: false })).toThrow("Ligne 1 : la ligne est coupée : le fichier est tronqué");
    expect(() => readPortalHeader(line({ type: "row", table: "municipality", row: {} }))).toThrow("n'est pas l'en-tête d'un export de portail Registre");
    expect(() => readPortalHeader(line({ ...header, format: "autre" }))).toThrow("« autre » trouvé");
    expect(() => readPortalHeader(line({ ...header, formatVersion: 3 }))).toThrow("le fichier est à la version 3 du format registre-portal ; ce portail lit la version 1");
    expect(() => readPortalHeader(line({ ...header, formatVersion: undefined }))).toThrow("le fichier est à la version null");
    expect(() => readPortalHeader(line({ ...header, tables: [] }))).toThrow("l'en-tête est incomplet ou abîmé (champ « tables »");
  });

  it("[portal file]: tables come parents first, ties by name, and a cycle is refused", () => {
    const shapes = ["vote", "deliberation", "municipality", "attendance", "councillor"].map((name) => ({ name }));
    const dependencies = new Map([
      ["vote", new Set(["deliberation"])],
      ["deliberation", new Set(["municipality", "councillor"])],
      ["attendance", new Set(["deliberation", "councillor"])],
      ["councillor", new Set(["municipality"])],
    ]);
    expect(dependencyOrder(shapes, dependencies).map((shape) => shape.name)).toEqual(["municipality", "councillor", "deliberation", "attendance", "vote"]);
    expect(() => dependencyOrder([{ name: "a" }, { name: "b" }], new Map([["a", new Set(["b"])], ["b", new Set(["a"])]]))).toThrow("forment un cycle");
  });
});
