import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCouncillorRecord } from "@/lib/councillor-records/get-councillor-record";
import { listCouncillorRecords } from "@/lib/councillor-records/list-councillor-records";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { localDay } from "@/lib/domain/calendar";
import { votesByGroup } from "@/lib/domain/political-groups";
import { getVotesByGroup } from "@/lib/groups/public-groups";
import { publishedDeliberationWhere } from "@/lib/publication/published-deliberation";
import { connect, createDatabase } from "./support/database";

describe("councillors' records", () => {
  let client: pg.Client;
  let db: Db;
  let municipalityId: string;
  let referenceSittingId: string;

  const idOf = async (lastName: string) =>
    (await client.query(`SELECT id FROM councillor WHERE municipality_id = $1 AND last_name = $2 AND NOT is_demo`, [municipalityId, lastName])).rows[0].id as string;
  const record = async (lastName: string) => (await getCouncillorRecord({ municipalityId, id: await idOf(lastName), db }))!;

  beforeAll(async () => {
    const url = await createDatabase("registre_councillor_records", { seeded: "demo" });
    client = await connect(url);
    db = createPrismaClient(url);
    municipalityId = (await client.query(`SELECT id FROM municipality WHERE slug = 'aix-en-provence'`)).rows[0].id;
    referenceSittingId = (await client.query(`SELECT sitting_id FROM deliberation WHERE number = 'DL.2022-91' AND municipality_id = $1`, [municipalityId])).rows[0].sitting_id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await client.end();
  });

  it("[councillors]: at the reference sitting, a present member counts present, a represented one is not, an excused one is excused", async () => {
    const augey = await record("AUGÉY");
    expect(augey.sittings.find((sitting) => sitting.id === referenceSittingId)?.presence).toBe("PRESENT");
    const boudon = await record("BOUDON");
    expect(boudon.sittings.find((sitting) => sitting.id === referenceSittingId)?.presence).toBe("REPRESENTED");
    const bendele = await record("BENDELE");
    expect(bendele.sittings.find((sitting) => sitting.id === referenceSittingId)?.presence).toBe("EXCUSED");
    const rate = (r: typeof augey) => r.sittings.filter((sitting) => sitting.presence === "PRESENT").length / r.sittings.length;
    expect(augey.attendanceRate).toBe(rate(augey));
    expect(boudon.attendanceRate).toBe(rate(boudon));
    expect(boudon.attendanceRate).toBeLessThan(1);
  });

  it("[councillors]: proxies given and held are those of the roll call", async () => {
    const boudon = await record("BOUDON");
    expect(boudon.proxiesGiven.map((entry) => [entry.number, entry.holder?.lastName])).toContainEqual(["DL.2022-91", "DUMICHEL"]);
    const augey = await record("AUGÉY");
    expect(augey.proxiesHeld.filter((entry) => entry.number === "DL.2022-91").map((entry) => entry.giver.lastName).sort()).toEqual(["BRAMOULLÉ", "COURANJOU"]);
    expect(augey.proxiesGiven).toEqual([]);
  });

  it("[councillors]: the list gives every councillor the same figures as their page, fictional ones flagged", async () => {
    const list = await listCouncillorRecords({ municipalityId, db });
    expect(list.length).toBe((await client.query(`SELECT count(*)::int AS n FROM councillor WHERE municipality_id = $1`, [municipalityId])).rows[0].n);
    expect(list.some((councillor) => councillor.isDemo)).toBe(true);
    for (const lastName of ["AUGÉY", "BOUDON", "BENDELE"]) {
      const page = await record(lastName);
      const row = list.find((councillor) => councillor.id === page.id)!;
      expect(row.attendanceRate).toBe(page.attendanceRate);
      expect(row.sittings).toBe(page.sittings.length);
      expect(row.proxiesGiven).toBe(page.proxiesGiven.length);
      expect(row.proxiesHeld).toBe(page.proxiesHeld.length);
      expect(row.reported).toBe(page.reported.length);
    }
  });

  it("[councillors]: votes against and abstentions of public ballots link to published deliberations only", async () => {
    const rows = (await client.query(
      `SELECT vr.councillor_id, d.number FROM vote_record vr JOIN vote v ON v.id = vr.vote_id JOIN deliberation d ON d.id = v.deliberation_id
       WHERE vr.choice = 'AGAINST' AND NOT v.secret AND d.status = 'PUBLISHED' AND d.municipality_id = $1 LIMIT 1`, [municipalityId],
    )).rows[0] as { councillor_id: string; number: string } | undefined;
    expect(rows, "the seed has a vote against in a public ballot").toBeDefined();
    const against = (await getCouncillorRecord({ municipalityId, id: rows!.councillor_id, db }))!;
    expect(against.votesAgainst.map((entry) => entry.number)).toContain(rows!.number);
    expect(await getCouncillorRecord({ municipalityId, id: "00000000-0000-4000-8000-000000000000", db })).toBeNull();
  });

  it("[groups]: the votes by group counted in the database are those of every named public choice read one by one", async () => {
    const [records, memberships, municipality] = await Promise.all([
      db.voteRecord.findMany({
        where: { municipalityId, vote: { secret: false, deliberation: publishedDeliberationWhere(municipalityId) } },
        select: { councillorId: true, choice: true, vote: { select: { deliberation: { select: { sitting: { select: { startsAt: true } } } } } } },
      }),
      db.groupMembership.findMany({ where: { municipalityId }, select: { councillorId: true, groupId: true, startsOn: true, endsOn: true, group: { select: { name: true } } } }),
      db.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { timeZone: true } }),
    ]);
    const day = (date: Date) => date.toISOString().slice(0, 10);
    const membershipsOf = (councillorId: string) => memberships
      .filter((row) => row.councillorId === councillorId)
      .map((row) => ({ groupId: row.groupId, groupName: row.group.name, startsOn: day(row.startsOn), endsOn: row.endsOn ? day(row.endsOn) : null }));
    const expected = votesByGroup(records.map((record) => ({
      day: localDay(record.vote.deliberation.sitting.startsAt, municipality.timeZone),
      choice: record.choice,
      memberships: membershipsOf(record.councillorId),
    })));
    expect(records.length).toBeGreaterThan(100);
    expect(expected.filter((tally) => tally.groupId !== null).length).toBeGreaterThan(0);
    expect(await getVotesByGroup({ municipalityId, db })).toEqual(expected);
  });
});
