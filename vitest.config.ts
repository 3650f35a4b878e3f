import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url)).replace(/\/$/, "");
const resolve = {
  alias: {
    "@": root,
    // Data modules start with `import "server-only"`, which only resolves
    // under React's server condition; in tests it is a no-op.
    "server-only": `${root}/tests/integration/support/server-only.ts`,
  },
};

export default defineConfig({
  test: {
    // `npm run test:unit` measures lib/domain, which must stay covered to the branch.
    coverage: {
      provider: "v8",
      include: ["lib/domain/**/*.ts"],
      reporter: ["text-summary"],
      thresholds: { statements: 100, branches: 100, functions: 100, lines: 100 },
    },
    projects: [
      {
        resolve,
        // The PDF sections' tests render with pdf-lib and read back with pdftotext: seconds each on a busy 2-core machine.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
      },
      {
        resolve,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/support/global-setup.ts"],
          // One PostgreSQL server; each file has its own database (a copy of the
          // migrated template), so files run side by side, two at a time: the
          // machine's two cores are shared with PostgreSQL.
          fileParallelism: true,
          maxWorkers: Number(process.env.REGISTRE_TEST_WORKERS ?? 2),
          // Two files at once on a shared machine: the heaviest (the seed, every demo extract) need more than a minute there.
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
