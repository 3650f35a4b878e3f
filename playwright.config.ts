import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run in Debian's Chromium (Playwright cannot download its
// own browser here) against the built portal served by `npm start` on a fresh
// embedded PostgreSQL of their own.

const PORT = Number(process.env.REGISTRE_E2E_PORT ?? 3200);
const PG_PORT = Number(process.env.REGISTRE_E2E_PG_PORT ?? 54331);
const DATA_DIR = process.env.REGISTRE_E2E_DATA_DIR ?? ".data/e2e";

// The back office's entry portal (tests/e2e/admin/entry.spec.ts): ports of its own, away from the main ones.
const ENTRY_PORT = Number(process.env.REGISTRE_E2E_ENTRY_PORT ?? PORT + 100);
const ENTRY_PG_PORT = Number(process.env.REGISTRE_E2E_ENTRY_PG_PORT ?? PG_PORT + 100);
const ENTRY_URL = `http://127.0.0.1:${ENTRY_PORT}`;
process.env.REGISTRE_E2E_ENTRY_URL = ENTRY_URL;
process.env.REGISTRE_E2E_MAIN_URL = `http://127.0.0.1:${PORT}`;

// The tests read the same database as the server (to find a draft's number…).
process.env.DATABASE_URL = `postgresql://registre:registre@127.0.0.1:${PG_PORT}/registre`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: [
    {
      command: `rm -rf ${DATA_DIR} && npm start`,
      url: `http://127.0.0.1:${PORT}/`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGINT", timeout: 20_000 },
      env: {
        DATABASE_URL: "",
        REGISTRE_DATA_DIR: DATA_DIR,
        REGISTRE_PG_PORT: String(PG_PORT),
        PORT: String(PORT),
        PUBLIC_BASE_URL: `http://127.0.0.1:${PORT}`,
      },
    },
    // A second portal for tests/e2e/admin/entry.spec.ts: the reference municipality with its
    // 55 councillors only, on which a clerk records DL.2022-91 from scratch (see serve-entry-portal.ts).
    {
      command: "npx tsx tests/e2e/admin/support/serve-entry-portal.ts",
      url: `${ENTRY_URL}/`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGINT", timeout: 20_000 },
      env: {
        DATABASE_URL: "",
        ENTRY_PORT: String(ENTRY_PORT),
        ENTRY_PG_PORT: String(ENTRY_PG_PORT),
        ENTRY_DATA_DIR: `${DATA_DIR}-saisie`,
        MAIN_URL: `http://127.0.0.1:${PORT}/`,
        // The same public address as the main portal, so that both pages of DL.2022-91 compare word for word.
        PUBLIC_BASE_URL: `http://127.0.0.1:${PORT}`,
      },
    },
  ],
});
