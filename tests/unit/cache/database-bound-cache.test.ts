import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimRenderCache } from "@/lib/cache/database-bound-cache";

let distDir: string;

function cachedPage(): string {
  const file = path.join(distDir, "server/route-cache/APP_PAGE/entry");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, "<html>DL.2020-9</html>");
  const data = path.join(distDir, "cache/fetch-cache/data");
  mkdirSync(path.dirname(data), { recursive: true });
  writeFileSync(data, "{}");
  return file;
}

beforeEach(() => {
  distDir = mkdtempSync(path.join(tmpdir(), "registre-dist-"));
  mkdirSync(path.join(distDir, "server/app"), { recursive: true });
  writeFileSync(path.join(distDir, "BUILD_ID"), "build");
});

afterEach(() => rmSync(distDir, { recursive: true, force: true }));

describe("claimRenderCache", () => {
  it("discards the renders of a cache whose database is not noted, and notes the database", () => {
    const page = cachedPage();
    expect(claimRenderCache(distDir, "registre 2026-12-02T10:00:00.000000Z")).toBe(true);
    expect(existsSync(page)).toBe(false);
    expect(existsSync(path.join(distDir, "cache/fetch-cache"))).toBe(false);
    expect(readFileSync(path.join(distDir, "BUILD_ID"), "utf8")).toBe("build");
    expect(readFileSync(path.join(distDir, "cache/registre-database"), "utf8").trim()).toBe("registre 2026-12-02T10:00:00.000000Z");
  });

  it("keeps the renders of the same database across restarts", () => {
    claimRenderCache(distDir, "registre A");
    const page = cachedPage();
    expect(claimRenderCache(distDir, "registre A")).toBe(false);
    expect(readFileSync(page, "utf8")).toContain("DL.2020-9");
  });

  it("discards them when the portal starts on another database", () => {
    claimRenderCache(distDir, "registre A");
    const page = cachedPage();
    expect(claimRenderCache(distDir, "registre B")).toBe(true);
    expect(existsSync(page)).toBe(false);
    expect(claimRenderCache(distDir, "registre B")).toBe(false);
  });

  it("says there was nothing to discard on a build that never served", () => {
    expect(claimRenderCache(distDir, "registre A")).toBe(false);
  });
});
