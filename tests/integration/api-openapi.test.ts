import { validate, compileErrors } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { NextRequest } from "next/server";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, getPrisma, type Db } from "@/lib/db/prisma";
import { buildOpenApiDocument } from "@/lib/opendata/api/openapi-document";
import { connect, createDatabase } from "./support/database";

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
type Document = ReturnType<typeof buildOpenApiDocument>;

// Each documented path, answered by its route handler against a seeded database.
const ROUTES: Record<string, () => Promise<{ GET: Handler }>> = {
  "/municipality": () => import("@/app/api/v1/municipality/route") as unknown as Promise<{ GET: Handler }>,
  "/councillors": () => import("@/app/api/v1/councillors/route") as unknown as Promise<{ GET: Handler }>,
  "/councillors/{id}": () => import("@/app/api/v1/councillors/[id]/route") as unknown as Promise<{ GET: Handler }>,
  "/sittings": () => import("@/app/api/v1/sittings/route") as unknown as Promise<{ GET: Handler }>,
  "/sittings/{id}": () => import("@/app/api/v1/sittings/[id]/route") as unknown as Promise<{ GET: Handler }>,
  "/deliberations": () => import("@/app/api/v1/deliberations/route") as unknown as Promise<{ GET: Handler }>,
  "/deliberations/{number}": () => import("@/app/api/v1/deliberations/[number]/route") as unknown as Promise<{ GET: Handler }>,
};

describe("JSON API and its OpenAPI document", () => {
  let client: pg.Client;
  let db: Db;
  let document: Document;
  let ajv: Ajv2020;
  const pathValues: Record<string, string> = {};

  async function call(path: string, query = "", values = pathValues): Promise<Response> {
    const route = await ROUTES[path]!();
    const params = Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, values[name!]!]));
    const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
    return route.GET(new NextRequest(`http://localhost/api/v1${concrete}${query}`), { params: Promise.resolve(params) });
  }

  function schemaOf(path: string, status: string) {
    const operation = (document.paths as Record<string, { get: { responses: Record<string, { content: { "application/json": { schema: { $ref: string } } } }> } }>)[path]!.get;
    const reference = operation.responses[status]!.content["application/json"].schema.$ref;
    return ajv.getSchema(`https://registre.example/openapi.json${reference}`)!;
  }

  beforeAll(async () => {
    const url = await createDatabase("registre_api", { seeded: "demo" });
    process.env.DATABASE_URL = url;
    client = await connect(url);
    db = createPrismaClient(url);
    document = buildOpenApiDocument("https://deliberations.example.fr");
    ajv = new Ajv2020({ strict: false, allErrors: true });
    const patterns: Record<string, RegExp> = {
      uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      date: /^\d{4}-\d{2}-\d{2}$/,
      "date-time": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
      uri: /^https?:\/\/\S+$/,
    };
    for (const [name, pattern] of Object.entries(patterns)) ajv.addFormat(name, pattern);
    ajv.addSchema({ $id: "https://registre.example/openapi.json", components: structuredClone(document.components) });
    const municipalityId = (await client.query(`SELECT id FROM municipality WHERE slug = 'aix-en-provence'`)).rows[0].id;
    pathValues.id = "";
    pathValues.councillorId = (await client.query(`SELECT id FROM councillor WHERE municipality_id = $1 ORDER BY last_name LIMIT 1`, [municipalityId])).rows[0].id;
    pathValues.sittingId = (await client.query(
      `SELECT s.id FROM sitting s JOIN deliberation d ON d.sitting_id = s.id WHERE d.number = 'DL.2022-91' AND d.municipality_id = $1`, [municipalityId],
    )).rows[0].id;
    pathValues.number = "DL.2022-91";
  });
  afterAll(async () => {
    await getPrisma().$disconnect();
    await db.$disconnect();
    await client.end();
  });

  const valuesFor = (path: string) => ({ ...pathValues, id: path.startsWith("/councillors") ? pathValues.councillorId! : pathValues.sittingId! });

  it("[api]: the OpenAPI document is a valid OpenAPI 3.1 description", async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("[api]: every documented path answers 200 with data matching its schema, readable from any origin", async () => {
    expect(Object.keys(document.paths).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const path of Object.keys(document.paths)) {
      const response = await call(path, "", valuesFor(path));
      expect(response.status, path).toBe(200);
      expect(response.headers.get("access-control-allow-origin"), path).toBe("*");
      const validateBody = schemaOf(path, "200");
      const body: unknown = await response.json();
      expect(validateBody(body), `${path}: ${JSON.stringify(validateBody.errors)}`).toBe(true);
    }
  });

  it("[api]: the reference deliberation carries attendance, proxies, tally and named votes", async () => {
    const body = (await (await call("/deliberations/{number}", "", valuesFor("/deliberations/{number}"))).json()) as {
      number: string; isDemo: boolean; attendance: { status: string; proxyHolderId: string | null }[];
      vote: { votesFor: number; choices: { choice: string }[] } | null;
    };
    expect(body.number).toBe("DL.2022-91");
    expect(body.isDemo).toBe(false);
    expect(body.attendance.length).toBeGreaterThan(0);
    const represented = body.attendance.filter((entry) => entry.status === "REPRESENTED");
    expect(represented.length).toBeGreaterThan(0);
    for (const entry of represented) expect(entry.proxyHolderId).not.toBeNull();
    expect(body.vote?.votesFor).toBeGreaterThan(0);
  });

  it("[api]: a sitting states its procès-verbal once submitted: the demo PV of 22 February 2018 is published, with its signed PDF", async () => {
    const demoSittingId = (await client.query(`SELECT id FROM sitting WHERE is_demo AND starts_at::date = '2018-02-22'`)).rows[0].id as string;
    const response = await call("/sittings/{id}", "", { ...pathValues, id: demoSittingId });
    const body = (await response.json()) as { minutes: { status: string; state: string; pdfUrl: string | null; publishedVersion: number | null } | null };
    expect(schemaOf("/sittings/{id}", "200")(body)).toBe(true);
    expect(body.minutes).toEqual({
      status: "PUBLISHED",
      state: "Procès-verbal adopté le 28 juin 2018, publié le 1er juillet 2018.",
      pdfUrl: expect.stringMatching(/\/seances\/2018-02-22\/proces-verbal\.pdf$/),
      publishedVersion: 1,
    });
    // The reference sitting has no PV on the portal.
    const reference = (await (await call("/sittings/{id}", "", valuesFor("/sittings/{id}"))).json()) as { minutes: unknown };
    expect(reference.minutes).toBeNull();
  });

  it("[api]: lists are paginated and demo records are flagged", async () => {
    const first = (await (await call("/deliberations", "?perPage=2")).json()) as { data: { isDemo: boolean }[]; pagination: { total: number; pageCount: number } };
    expect(first.data).toHaveLength(2);
    expect(first.pagination.pageCount).toBe(Math.ceil(first.pagination.total / 2));
    const all = (await (await call("/deliberations", "?perPage=200")).json()) as { data: { isDemo: boolean }[] };
    expect(all.data.some((deliberation) => deliberation.isDemo)).toBe(true);
    expect(all.data.some((deliberation) => !deliberation.isDemo)).toBe(true);
    const absurd = await call("/deliberations", "?perPage=-5&page=abc&year=DROP");
    expect(absurd.status).toBe(200);
  });

  it("[api]: perPage above 200 is taken as 200, the maximum, and the answer says so", async () => {
    const total = ((await (await call("/deliberations", "")).json()) as { pagination: { total: number } }).pagination.total;
    const clamped = (await (await call("/deliberations", "?perPage=500")).json()) as { data: unknown[]; pagination: { perPage: number; pageCount: number } };
    expect(clamped.pagination.perPage).toBe(200);
    expect(clamped.data).toHaveLength(Math.min(total, 200));
    expect(clamped.pagination.pageCount).toBe(Math.max(1, Math.ceil(total / 200)));
  });

  it("[api]: an unknown or unpublished deliberation, sitting or councillor answers 404 with an Error body", async () => {
    const draft = (await client.query(`SELECT number FROM deliberation WHERE status = 'DRAFT' LIMIT 1`)).rows[0]?.number ?? "DL.1999-1";
    for (const [path, values] of [
      ["/deliberations/{number}", { number: draft }],
      ["/deliberations/{number}", { number: "'; DROP TABLE deliberation; --" }],
      ["/sittings/{id}", { id: "not-a-uuid" }],
      ["/councillors/{id}", { id: "00000000-0000-4000-8000-000000000000" }],
    ] as const) {
      const response = await call(path, "", { ...pathValues, ...values });
      expect(response.status, `${path} ${JSON.stringify(values)}`).toBe(404);
      expect(schemaOf(path, "404")(await response.json())).toBe(true);
    }
  });
});
