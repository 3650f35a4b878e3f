import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

// Next keeps the pages and data it rendered on disk, under its build
// directory (server/route-cache for pages and routes, cache/fetch-cache for
// unstable_cache), and reads them back after a restart. They were rendered
// from one database: when the portal starts on another one (the embedded
// database re-created, DATABASE_URL pointed elsewhere, the bench's archive),
// those entries describe records that database does not hold, and its tag
// invalidations never named them. They are discarded before the web process
// starts, and the database they belong to is noted beside them.

const CACHE_DIRS = ["server/route-cache", "cache/fetch-cache"];
const MARKER = "cache/registre-database";

/** What tells one database from another: its name and the time its first migration ran (owner's connection). */
export async function databaseIdentity(ownerUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ identity: string }>(
      `SELECT current_database() || ' ' || coalesce((SELECT to_char(min(started_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') FROM "_prisma_migrations"), '') AS identity`,
    );
    return rows[0]?.identity ?? "";
  } finally {
    await client.end();
  }
}

/** Discards the cached renders of another database than `identity`; true when there was something to discard. */
export function claimRenderCache(distDir: string, identity: string): boolean {
  const marker = path.join(distDir, MARKER);
  const noted = existsSync(marker) ? readFileSync(marker, "utf8").trim() : null;
  if (noted === identity) return false;
  const present = CACHE_DIRS.map((dir) => path.join(distDir, dir)).filter((dir) => existsSync(dir));
  for (const dir of present) rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(marker), { recursive: true });
  writeFileSync(marker, `${identity}\n`);
  return present.length > 0;
}
