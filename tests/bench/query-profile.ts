import { withClient } from "./database-client";

// BENCH_PROFILE=1: where a page's time goes in the database. Loads
// pg_stat_statements into the bench's own PostgreSQL (a restart), then reads the
// statements one request runs and what they cost under load.


/** Whether the server already preloads pg_stat_statements; if not, asks for it at the next start. */
export async function preloadQueryStats(url: string): Promise<"loaded" | "restart-needed"> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ shared_preload_libraries: string }>("SHOW shared_preload_libraries");
    if (rows[0]?.shared_preload_libraries.includes("pg_stat_statements")) {
      await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      // Back to normal at the next start: a plain run should not pay for the statistics.
      await client.query("ALTER SYSTEM RESET shared_preload_libraries");
      return "loaded";
    }
    await client.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    return "restart-needed";
  });
}

export async function resetQueryStats(url: string) {
  await withClient(url, (client) => client.query("SELECT pg_stat_statements_reset()"));
}

/** Waits until the application has run no statement for a second (requests still queued after a load run). */
export async function waitForQuietDatabase(url: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await resetQueryStats(url);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if ((await readQueryStats(url, 1)).length === 0) return;
  }
}

export type StatementCost = { calls: number; meanMs: number; totalMs: number; rows: number; query: string };

/** The statements the application ran since the last reset, costliest first. */
export async function readQueryStats(url: string, limit = 12): Promise<StatementCost[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<StatementCost>(
      `SELECT calls::int AS calls, mean_exec_time AS "meanMs", total_exec_time AS "totalMs", rows::int AS rows, query
       FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND query NOT ILIKE '%pg_stat_statements%' AND query NOT IN ('BEGIN', 'COMMIT', 'SELECT 1')
       ORDER BY total_exec_time DESC LIMIT $1`,
      [limit],
    );
    return rows;
  });
}

export function formatQueryStats(title: string, statements: StatementCost[], requests: number): string {
  const totalMs = statements.reduce((sum, statement) => sum + statement.totalMs, 0);
  const lines = statements.map(
    (statement) =>
      `  ${(statement.calls / requests).toFixed(1).padStart(5)} ×/req  ${statement.meanMs.toFixed(2).padStart(8)} ms  ` +
      `${((100 * statement.totalMs) / (totalMs || 1)).toFixed(0).padStart(3)} %  ${statement.query.replace(/\s+/g, " ").slice(0, 150)}`,
  );
  return [`${title} : ${(totalMs / requests).toFixed(1)} ms de PostgreSQL par requête`, ...lines].join("\n");
}
