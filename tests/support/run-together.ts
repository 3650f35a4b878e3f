import { spawn } from "node:child_process";

// Runs npm scripts side by side and fails if any fails: `npm test` checks the
// types (tsc, one core) and the lint (eslint, one core) at the same time.
// Each one's output is printed whole when it ends, so that they do not mix.
//
//   tsx tests/support/run-together.ts typecheck lint

async function run(script: string): Promise<{ script: string; code: number; output: string }> {
  const child = spawn("npm", ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"], env: process.env });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const code = await new Promise<number>((resolve) => child.once("close", (exit) => resolve(exit ?? 1)));
  return { script, code, output };
}

const scripts = process.argv.slice(2);
const started = Date.now();
const results = await Promise.all(scripts.map(async (script) => {
  const result = await run(script);
  console.log(`> npm run ${script}: ${result.code === 0 ? "ok" : `échec (code ${result.code})`} en ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (result.output.trim()) console.log(result.output.trimEnd());
  return result;
}));
process.exit(results.some((result) => result.code !== 0) ? 1 : 0);
