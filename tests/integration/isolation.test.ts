import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { getPublishedDeliberation } from "@/lib/deliberations/get-published-deliberation";
import type { countPublishedDeliberations, listPublishedDeliberations } from "@/lib/deliberations/list-published-deliberations";
import type { getPublicSitting } from "@/lib/sittings/get-public-sitting";
import type { listPublicSittings } from "@/lib/sittings/list-public-sittings";
import { connect, createDatabase } from "./support/database";
import { insertDeliberation, insertMunicipality, type Fixture } from "./support/factories";

// Two municipalities in one database, with the same numbers on the same day:
// each one's public queries return its own records only, and never a draft.

// The modules are imported once DATABASE_URL points at this file's database.
type DataModules = {
  listPublishedDeliberations: typeof listPublishedDeliberations;
  countPublishedDeliberations: typeof countPublishedDeliberations;
  getPublishedDeliberation: typeof getPublishedDeliberation;
  listPublicSittings: typeof listPublicSittings;
  getPublicSitting: typeof getPublicSitting;
};

async function publish(client: pg.Client, fixture: Fixture, options: { sequence: number; subject: string }) {
  const id = await insertDeliberation(client, fixture, { ...options, status: "TRANSMITTED", outcome: "ADOPTED" });
  await client.query(
    `INSERT INTO attendance (municipality_id, deliberation_id, councillor_id, status)
     SELECT $1, $2, unnest($3::uuid[]), 'PRESENT'`,
    [fixture.municipalityId, id, fixture.councillorIds],
  );
  const members = fixture.councillorIds.length;
  await client.query(
    `INSERT INTO vote (municipality_id, deliberation_id, present_and_represented, present, represented, abstentions,
       non_participation, expressed, votes_for, votes_against, result)
     VALUES ($1, $2, $3, $3, 0, 0, 0, $3, $3, 0, 'ADOPTED')`,
    [fixture.municipalityId, id, members],
  );
  await client.query(`UPDATE deliberation SET status = 'PUBLISHED', published_at = '2022-04-12T08:00:00Z' WHERE id = $1`, [id]);
  return id;
}

describe("municipality isolation", () => {
  let client: pg.Client;
  let first: Fixture;
  let second: Fixture;
  let modules: DataModules;

  beforeAll(async () => {
    const url = await createDatabase("registre_isolation");
    client = await connect(url);
    first = await insertMunicipality(client, { slug: "premiere" });
    second = await insertMunicipality(client, { slug: "seconde" });
    await publish(client, first, { sequence: 91, subject: "Objet de la première commune" });
    await publish(client, second, { sequence: 91, subject: "Objet de la seconde commune" });
    await publish(client, second, { sequence: 92, subject: "Autre objet de la seconde commune" });
    await insertDeliberation(client, first, { sequence: 93, subject: "Projet non publié", status: "DRAFT" });
    process.env.DATABASE_URL = url;
    modules = {
      ...(await import("@/lib/deliberations/list-published-deliberations")),
      ...(await import("@/lib/deliberations/get-published-deliberation")),
      ...(await import("@/lib/sittings/list-public-sittings")),
      ...(await import("@/lib/sittings/get-public-sitting")),
    };
  });
  afterAll(async () => {
    const { getPrisma } = await import("@/lib/db/prisma");
    await getPrisma().$disconnect();
    await client.end();
  });

  it("[isolation]: the list of published deliberations holds only the municipality's own", async () => {
    const page = await modules.listPublishedDeliberations({ municipalityId: first.municipalityId, limit: 50 });
    expect(await modules.countPublishedDeliberations({ municipalityId: first.municipalityId })).toBe(1);
    expect(page.deliberations.map((deliberation) => deliberation.subject)).toEqual(["Objet de la première commune"]);
  });

  it("[isolation]: the same number reads the municipality's own deliberation", async () => {
    const own = await modules.getPublishedDeliberation({ municipalityId: first.municipalityId, number: "DL.2022-91" });
    const other = await modules.getPublishedDeliberation({ municipalityId: second.municipalityId, number: "DL.2022-91" });
    expect(own?.subject).toBe("Objet de la première commune");
    expect(other?.subject).toBe("Objet de la seconde commune");
  });

  it("[isolation]: another municipality's number is not found", async () => {
    await expect(modules.getPublishedDeliberation({ municipalityId: first.municipalityId, number: "DL.2022-92" })).resolves.toBeNull();
  });

  it("[isolation]: a draft is found by no public query", async () => {
    await expect(modules.getPublishedDeliberation({ municipalityId: first.municipalityId, number: "DL.2022-93" })).resolves.toBeNull();
  });

  it("[isolation]: a sitting lists only its municipality's deliberations", async () => {
    const sitting = await modules.getPublicSitting({ municipalityId: first.municipalityId, date: "2022-04-07" });
    expect(sitting?.deliberations.map((deliberation) => deliberation.number)).toEqual(["DL.2022-91"]);
    const sittings = await modules.listPublicSittings({ municipalityId: first.municipalityId });
    expect(sittings.sittings.map((item) => item.id)).toEqual([first.sittingId]);
  });
});
