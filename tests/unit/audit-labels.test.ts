import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditEntityKey } from "@/lib/audit/audit-labels";

// The journal speaks French: every action and kind of record a use case (or the
// seed) writes as a literal has its label, so a new use case cannot appear
// there as a code.

function sources(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const file = path.join(directory, entry);
    if (statSync(file).isDirectory()) return entry === "generated" ? [] : sources(file);
    return file.endsWith(".ts") ? [file] : [];
  });
}

const written = sources("lib").concat(sources("prisma/seed")).map((file) => readFileSync(file, "utf8"));
const literals = (key: string) => [...new Set(written.flatMap((source) => [...source.matchAll(new RegExp(`\\b${key}: "([a-z_.-]+)"`, "gi"))].map((match) => match[1] ?? "")))];

test("[audit]: every action written has a French label", () => {
  const actions = literals("action");
  expect(actions.length).toBeGreaterThan(20);
  expect(actions.filter((action) => !AUDIT_ACTION_LABELS[action])).toEqual([]);
});

test("[audit]: every kind of record written has a French label", () => {
  // orderBy: { entity: "asc" } is not a record's kind.
  const entities = literals("entity").filter((entity) => entity !== "asc" && entity !== "desc");
  expect(entities.length).toBeGreaterThan(5);
  expect(entities.filter((entity) => !AUDIT_ENTITY_LABELS[auditEntityKey(entity)])).toEqual([]);
});
