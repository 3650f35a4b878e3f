import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as List from "@/lib/deliberations/list-published-deliberations";
import type * as Published from "@/lib/publication/published-deliberation";
import { connect, createDatabase } from "./support/database";

// Deep pages of the deliberations' list skip whole sittings by their counts,
// read from the indexes (publishedDeliberationCountBySittingSql). On the demo
// (several sittings, some without a published act), the counts are the
// rule's, sitting by sitting, and every page read by skipping is the page read
// with OFFSET alone. Rectified acts: tests/integration/published-deliberation.test.ts.

describe("the list of published deliberations, deep pages", () => {
  let client: pg.Client;
  let list: typeof List;
  let published: typeof Published;
  let municipalityId: string;

  beforeAll(async () => {
    const url = await createDatabase("registre_published_list_pages", { seeded: "demo" });
    client = await connect(url);
    process.env.DATABASE_URL = url;
    list = await import("@/lib/deliberations/list-published-deliberations");
    published = await import("@/lib/publication/published-deliberation");
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM municipality ORDER BY created_at LIMIT 1`);
    municipalityId = rows[0]!.id;
  });

  afterAll(async () => {
    const { getPrisma } = await import("@/lib/db/prisma");
    await getPrisma().$disconnect();
    await client?.end();
  });

  it("[publication]: each sitting's count from the indexes is the number of its acts the rule lets through", async () => {
    const { getPrisma, Prisma } = await import("@/lib/db/prisma");
    const db = getPrisma();
    const counted = await db.$queryRaw<{ sitting_id: string; count: number }[]>(published.publishedDeliberationCountBySittingSql(municipalityId));
    const grouped = await db.$queryRaw<{ sitting_id: string; count: number }[]>(Prisma.sql`
      SELECT s."id" AS "sitting_id", count(d."id")::int AS "count" FROM "sitting" s
      LEFT JOIN "deliberation" d ON d."sitting_id" = s."id" AND ${published.publishedDeliberationSql("d", municipalityId)}
      WHERE s."municipality_id" = ${municipalityId}::uuid GROUP BY s."id"`);
    const byId = (rows: { sitting_id: string; count: number }[]) => Object.fromEntries(rows.map((row) => [row.sitting_id, row.count]));
    expect(byId(counted)).toEqual(byId(grouped));
    expect(counted.some((row) => row.count > 1)).toBe(true);
    expect(counted.some((row) => row.count === 0)).toBe(true);
    const some = counted.filter((row) => row.count > 0).slice(0, 2).map((row) => row.sitting_id);
    const narrowed = await db.$queryRaw<{ sitting_id: string; count: number }[]>(published.publishedDeliberationCountBySittingSql(municipalityId, some));
    expect(byId(narrowed)).toEqual(Object.fromEntries(some.map((id) => [id, byId(grouped)[id]])));
  });

  it("[publication]: a page read by skipping whole sittings is the page read with OFFSET, at every offset", async () => {
    const total = await list.countPublishedDeliberations({ municipalityId });
    expect(total).toBeGreaterThan(10);
    const [byRule] = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM deliberation d WHERE d.municipality_id = $1 AND d.status = 'PUBLISHED' AND d.published_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM deliberation newer WHERE newer.previous_version_id = d.id AND newer.status = 'PUBLISHED')`,
      [municipalityId],
    ).then((result) => result.rows);
    expect(total).toBe(byRule?.count);
    const numbers = async (offset: number, skipSittingsFrom: number) =>
      (await list.listPublishedDeliberations({ municipalityId, limit: 4, offset, skipSittingsFrom })).deliberations.map((row) => row.number);
    for (let offset = 0; offset <= total + 1; offset += 1) {
      const plain = await numbers(offset, Number.POSITIVE_INFINITY);
      expect(await numbers(offset, 0), `offset ${offset}`).toEqual(plain);
      expect(plain.length).toBe(Math.max(0, Math.min(4, total - offset)));
    }
  });
});
