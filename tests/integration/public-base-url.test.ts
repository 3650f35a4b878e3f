import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { createDatabase } from "./support/database";
import { run, writeFile } from "./support/extract-fixtures";

// Started with PORT=3998 and no PUBLIC_BASE_URL (npm start on another port),
// every absolute link says the port served: the OpenAPI servers, the Atom
// feed, the SCDL CSV, the address and QR code of a signed extract, and the
// address next-auth sends a signed-out clerk back to (NEXTAUTH_URL, which
// npm start derives from the same default).

describe("the default public address follows the port served", () => {
  let db: Db;
  const dataDir = mkdtempSync(path.join(tmpdir(), "registre-base-url-"));

  beforeAll(async () => {
    // The seeded copy, not seedDatabase: importing the seed (and the cores it calls) would read the environment before PORT is set.
    const url = await createDatabase("registre_public_base_url", { seeded: "reference" });
    db = createPrismaClient(url);
    process.env.DATABASE_URL = url;
    process.env.REGISTRE_DATA_DIR = dataDir;
    process.env.PORT = "3998";
    delete process.env.PUBLIC_BASE_URL;
    delete process.env.NEXTAUTH_URL;
  });
  afterAll(async () => {
    await db?.$disconnect();
  });

  it("[config]: without PUBLIC_BASE_URL, the address is this machine on PORT, and marked as not configured", async () => {
    // Imported here, after PORT is set: the portal's modules read the environment once.
    const { readEnv } = await import("@/lib/env");
    const env = readEnv({ NODE_ENV: "production", PORT: "3998" });
    expect(env.PUBLIC_BASE_URL).toBe("http://localhost:3998");
    expect(env.publicBaseUrlConfigured).toBe(false);
    const given = readEnv({ NODE_ENV: "production", PORT: "3998", PUBLIC_BASE_URL: "https://deliberations.example.fr" });
    expect(given.PUBLIC_BASE_URL).toBe("https://deliberations.example.fr");
    expect(given.publicBaseUrlConfigured).toBe(true);
  });

  it("[config]: the OpenAPI servers, the Atom feed and the SCDL CSV link to port 3998", async () => {
    const openapi = await (await import("@/app/api/v1/openapi.json/route")).GET();
    const document = (await openapi.json()) as { servers: { url: string }[] };
    expect(document.servers[0]?.url).toMatch(/^http:\/\/localhost:3998\//);

    const feed = await (await import("@/app/flux/publications.atom/route")).GET();
    const atom = await feed.text();
    expect(atom).toContain("http://localhost:3998/deliberations/DL.2022-91");
    expect(atom).not.toContain("localhost:3000");

    const scdl = (await import("@/app/(public)/donnees/scdl/[file]/route")).GET;
    const csv = await (await scdl(new Request("http://localhost:3998/donnees/scdl/deliberations.csv"), { params: Promise.resolve({ file: "deliberations.csv" }) })).text();
    expect(csv).toContain("http://localhost:3998/deliberations/DL.2022-91");
    expect(csv).not.toContain("localhost:3000");
  });

  it("[extract]: the verification address printed in a signed extract says port 3998", async () => {
    const { getDeliberationExtract } = await import("@/lib/extracts/get-deliberation-extract");
    const municipality = await db.municipality.findFirstOrThrow({ select: { id: true } });
    const extract = await getDeliberationExtract({ municipality, number: "DL.2022-91" });
    const text = run("pdftotext", [writeFile(dataDir, "extrait.pdf", extract!.content), "-"]);
    expect(text).toContain("localhost:3998/verifier");
    expect(text).not.toContain("localhost:3000");
  });
});
