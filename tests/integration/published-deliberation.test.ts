import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import type * as Published from "@/lib/publication/published-deliberation";
import { connect, createDatabase } from "./support/database";
import { insertDeliberation, insertMunicipality, type Fixture } from "./support/factories";

// "Published, newest version" has one definition in two forms, Prisma's and
// SQL's (lib/publication/published-deliberation.ts). Both run here on the same
// rows, every case of the workflow and of rectification, and must agree.

describe("publication: the Prisma and SQL forms of the published rule agree", () => {
  let client: pg.Client;
  let db: Db;
  let published: typeof Published;

  beforeAll(async () => {
    const url = await createDatabase("registre_published_deliberation");
    client = await connect(url);
    published = await import("@/lib/publication/published-deliberation");
    db = ((await import("@/lib/db/prisma")) as { createPrismaClient: typeof createPrismaClient }).createPrismaClient(url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  async function publish(id: string): Promise<void> {
    await client.query(`UPDATE deliberation SET status = 'PUBLISHED', outcome = 'ADOPTED', published_at = now() WHERE id = $1`, [id]);
  }

  /** A new version of `previousId`, a draft, as a rectification makes it. */
  async function rectify(previousId: string): Promise<string> {
    const id = randomUUID();
    await client.query(
      `INSERT INTO deliberation (id, municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject, matter_code,
         report, proposals, status, version, previous_version_id, rectification_reason)
       SELECT $1, municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject, matter_code,
         report, proposals, 'DRAFT', version + 1, id, 'Erreur matérielle dans le montant.'
       FROM deliberation WHERE id = $2`,
      [id, previousId],
    );
    return id;
  }

  async function prismaForm(municipalityId: string): Promise<string[]> {
    const rows = await db.deliberation.findMany({ where: published.publishedDeliberationWhere(municipalityId), select: { id: true } });
    return rows.map((row) => row.id).sort();
  }

  async function sqlForm(municipalityId: string): Promise<string[]> {
    const rows = await db.$queryRaw<{ id: string }[]>`SELECT d.id FROM deliberation d WHERE ${published.publishedDeliberationSql("d", municipalityId)}`;
    return rows.map((row) => row.id).sort();
  }

  async function countForm(municipalityId: string): Promise<number> {
    const [row] = await db.$queryRaw<{ count: number }[]>(published.publishedDeliberationCountSql(municipalityId));
    return row!.count;
  }

  it("[publication]: drafts, votes, withdrawals, rectifications and another municipality's acts are told apart the same way by both forms", async () => {
    const fixture: Fixture = await insertMunicipality(client);
    const other: Fixture = await insertMunicipality(client);
    let sequence = 0;
    const add = (status = "DRAFT", outcome: string | null = null, at: Fixture = fixture) => insertDeliberation(client, at, { sequence: (sequence += 1), status, outcome });

    const draft = await add();
    const voted = await add("VOTED", "ADOPTED");
    const withdrawn = await add("WITHDRAWN", "WITHDRAWN");
    const transmitted = await add("TRANSMITTED", "ADOPTED");
    const alone = await add();
    await publish(alone);
    // Rectified, the new version still a draft: the published one stays the public act.
    const rectifiedInProgress = await add();
    await publish(rectifiedInProgress);
    const draftVersion = await rectify(rectifiedInProgress);
    // Rectified and the new version published: only the new one is public.
    const replaced = await add();
    await publish(replaced);
    const replacement = await rectify(replaced);
    await publish(replacement);
    // Three versions, the third a draft: the second is the public act.
    const first = await add();
    await publish(first);
    const second = await rectify(first);
    await publish(second);
    const third = await rectify(second);
    const elsewhere = await add("DRAFT", null, other);
    await publish(elsewhere);

    const expected = [alone, rectifiedInProgress, replacement, second].sort();
    expect(await prismaForm(fixture.municipalityId)).toEqual(expected);
    expect(await sqlForm(fixture.municipalityId)).toEqual(expected);
    expect(await prismaForm(other.municipalityId)).toEqual([elsewhere]);
    expect(await sqlForm(other.municipalityId)).toEqual([elsewhere]);
    for (const hidden of [draft, voted, withdrawn, transmitted, draftVersion, replaced, first, third]) expect(expected).not.toContain(hidden);
    // The count read from the indexes is the number of acts the rule lets through.
    expect(await countForm(fixture.municipalityId)).toBe(expected.length);
    expect(await countForm(other.municipalityId)).toBe(1);
    // And sitting by sitting: the replaced versions are not counted in their sitting.
    const bySitting = await db.$queryRaw<{ sitting_id: string; count: number }[]>(published.publishedDeliberationCountBySittingSql(fixture.municipalityId));
    expect(bySitting.map((row) => [row.sitting_id, row.count])).toEqual([[fixture.sittingId, expected.length]]);
  });

  it("[publication]: a sitting is public when, and only when, one of its deliberations passes the rule", async () => {
    const fixture: Fixture = await insertMunicipality(client);
    const deliberation = await insertDeliberation(client, fixture, { sequence: 1 });
    const publicSittings = async () => (await db.sitting.findMany({ where: published.publicSittingWhere(fixture.municipalityId), select: { id: true } })).map((row) => row.id);
    expect(await publicSittings()).toEqual([]);
    await publish(deliberation);
    expect(await publicSittings()).toEqual([fixture.sittingId]);
  });
});
