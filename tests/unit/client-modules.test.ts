import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

// A module marked "use client" hands a server component references, not
// values: a server page that spreads or reads a constant exported from one
// (`{ ...EMPTY_SITTING }`) gets nothing, and the form starts with undefined
// fields that the browser's check then refuses. Client modules export
// components (and types) only; values live in lib/.

const ROOTS = ["app", "components"];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const file = path.join(directory, entry);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(entry) ? [file] : [];
  });
}

const clientModules = ROOTS.flatMap(sourceFiles).filter((file) => /^\s*["']use client["']/.test(readFileSync(file, "utf8")));

describe("client modules", () => {
  test("there are some (the scan reads the tree)", () => {
    expect(clientModules.length).toBeGreaterThan(10);
  });

  test.each(clientModules)("%s exports no constant value", (file) => {
    const source = readFileSync(file, "utf8");
    const exported = [...source.matchAll(/^export (?:const|let|var) ([A-Za-z_$][\w$]*)/gm)].map((match) => match[1] ?? "");
    // Components written as arrow functions are named in PascalCase; anything else is a value.
    expect(exported.filter((name) => !/^[A-Z][a-z]/.test(name))).toEqual([]);
  });
});
