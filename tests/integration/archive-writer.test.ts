import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import type * as ImportArchive from "@/lib/import/import-archive";
import type * as ArchivedAct from "@/lib/deliberations/get-published-archived-act";
import type * as PublishedDeliberation from "@/lib/deliberations/get-published-deliberation";
import type * as Api from "@/lib/opendata/api/deliberations";
import type * as Scdl from "@/lib/opendata/scdl-deliberations";
import type * as Reference from "@/lib/search/find-deliberation-by-reference";
import type * as PublicSitting from "@/lib/sittings/get-public-sitting";
import type { ArchivedActInput } from "@/lib/import/archived-act";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import { installationActor } from "@/lib/auth/roles";
import { connect, createDatabase } from "./support/database";
import { insertMunicipality, type Fixture } from "./support/factories";

// The archive writer on a real PostgreSQL: acts written set-wise and
// published at their date, recognised on a second import, a differing row a
// conflict, invalid rows refused with their line, all or nothing.

type Modules = typeof ImportArchive &
  typeof ArchivedAct &
  typeof PublishedDeliberation &
  typeof Api &
  typeof Scdl &
  typeof Reference &
  typeof PublicSitting & { createPrismaClient: typeof createPrismaClient };

function act(line: number, overrides: Partial<ArchivedActInput> = {}, sitting: Partial<ArchivedActInput["sitting"]> = {}): ArchivedActInput {
  return {
    source: { line },
    identifier: `2011-02-${String(line).padStart(3, "0")}`,
    sitting: { day: "2011-02-10", hour: null, place: null, extraordinary: false, presidentId: null, secretaryId: null, membersInOffice: null, attendance: null, ...sitting },
    orderInSitting: null,
    subject: `Objet de la ligne ${line}`,
    matterCode: "7.10",
    outcome: "ADOPTED",
    vote: { unanimous: false, participants: 5, votesFor: 4, votesAgainst: 1, abstentions: 0 },
    receipt: { actesId: null, authority: "PREF013", receivedAt: "2011-02-14" },
    budgetYear: null,
    budgetName: null,
    sourceUrl: null,
    ...overrides,
  };
}

describe("archive writer", () => {
  let client: pg.Client;
  let db: Db;
  let modules: Modules;
  let town: Fixture;

  beforeAll(async () => {
    const url = await createDatabase("registre_archive_writer");
    client = await connect(url);
    // The public readers use the portal's own client.
    process.env.DATABASE_URL = url;
    modules = {
      ...(await import("@/lib/import/import-archive")),
      ...(await import("@/lib/deliberations/get-published-archived-act")),
      ...(await import("@/lib/deliberations/get-published-deliberation")),
      ...(await import("@/lib/opendata/api/deliberations")),
      ...(await import("@/lib/opendata/scdl-deliberations")),
      ...(await import("@/lib/search/find-deliberation-by-reference")),
      ...(await import("@/lib/sittings/get-public-sitting")),
      createPrismaClient: (await import("@/lib/db/prisma")).createPrismaClient,
    };
    db = modules.createPrismaClient(url);
    town = await insertMunicipality(client, { members: 5 });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  const file = (name: string) => ({ format: "scdl" as const, fileName: name, sha256: "a".repeat(64), size: 10 });
  async function* batchesOf(...batches: ArchivedActInput[][]) {
    for (const acts of batches) yield { acts, issues: [], rowsRead: acts.length };
  }
  const run = (acts: ArchivedActInput[][], options: { skipInvalid?: boolean; dryRun?: boolean } = {}) =>
    modules.importArchive({ db, actor: installationActor(town.municipalityId), file: file("deliberations.csv"), batches: batchesOf(...acts), skipInvalid: options.skipInvalid ?? false, dryRun: options.dryRun ?? false });
  const count = async (table: string) => Number((await client.query(`SELECT count(*) FROM "${table}" WHERE municipality_id = $1`, [town.municipalityId])).rows[0].count);

  it("changes nothing in a dry run, and reports what it would write", async () => {
    const report = await run([[act(1), act(2)]], { dryRun: true });
    expect(report.totals).toMatchObject({ rowsRead: 2, created: 2, unchanged: 0 });
    expect(report.importId).toBeNull();
    expect(await count("deliberation")).toBe(0);
    expect(await count("archive_import")).toBe(0);
  });

  it("writes nothing when one row is invalid, and names its line and field", async () => {
    const report = await run([[act(1), act(2, { vote: { unanimous: false, participants: 5, votesFor: 4, votesAgainst: 2, abstentions: 0 } })]]);
    expect(report.refused).toBe(true);
    expect(report.invalid).toEqual([expect.objectContaining({ line: 2, field: "participants" })]);
    expect(await count("deliberation")).toBe(0);
  });

  it("publishes the acts at their sitting's date, frozen, with one audit event for the file", async () => {
    const report = await run([[act(1), act(2, { vote: { unanimous: true, participants: null, votesFor: null, votesAgainst: null, abstentions: null } })], [act(3, { identifier: "AP D 21-07-1" })]]);
    expect(report.refused).toBe(false);
    expect(report.totals).toMatchObject({ rowsRead: 3, created: 3, unchanged: 0, conflicts: 0 });
    const rows = await client.query(
      `SELECT d.number, d.status, d.original_identifier, d.published_at, s.hour_known, s.archive_import_id = d.archive_import_id AS same_import,
              sn.record -> 'archive' ->> 'fileName' AS file_name, v.unanimous, v.votes_for
       FROM deliberation d JOIN sitting s ON s.id = d.sitting_id JOIN deliberation_snapshot sn ON sn.deliberation_id = d.id
       LEFT JOIN vote v ON v.deliberation_id = d.id WHERE d.municipality_id = $1 ORDER BY d.order_in_sitting`,
      [town.municipalityId],
    );
    expect(rows.rows.map((row) => row.number)).toEqual(["2011-02-001", "2011-02-002", "AP D 21-07-1"]);
    expect(rows.rows.every((row) => row.status === "PUBLISHED" && row.file_name === "deliberations.csv" && row.same_import && row.hour_known === false)).toBe(true);
    expect(rows.rows[0].published_at.toISOString()).toBe("2011-02-09T23:00:00.000Z");
    expect(rows.rows[1]).toMatchObject({ unanimous: true, votes_for: null });
    expect(await count("sitting")).toBe(2); // the fixture's own and the archived 10 February 2011
    const audit = await client.query(`SELECT action, after FROM audit_event WHERE municipality_id = $1`, [town.municipalityId]);
    expect(audit.rows).toEqual([expect.objectContaining({ action: "archive.import", after: expect.objectContaining({ created: 3, fileName: "deliberations.csv" }) })]);
    await expect(client.query(`UPDATE deliberation SET subject = 'autre' WHERE number = '2011-02-001'`)).rejects.toThrow(/published/);
    await expect(client.query(`DELETE FROM archive_import WHERE municipality_id = $1`, [town.municipalityId])).rejects.toMatchObject({ code: "RG040" });
  });

  it("recognises the same acts on a second import, and reports a differing one as a conflict without applying it", async () => {
    const again = await run([[act(1), act(3, { identifier: "AP D 21-07-1" })]]);
    expect(again.totals).toMatchObject({ created: 0, unchanged: 2, conflicts: 0 });
    const changed = await run([[act(1, { subject: "Un autre objet" })]], { skipInvalid: true });
    expect(changed.totals).toMatchObject({ created: 0, conflicts: 1 });
    expect(changed.conflicts[0]).toMatchObject({ line: 1, number: "2011-02-001", fields: [{ field: "subject", stored: "Objet de la ligne 1", given: "Un autre objet" }] });
    expect((await client.query(`SELECT subject FROM deliberation WHERE number = '2011-02-001'`)).rows[0].subject).toBe("Objet de la ligne 1");
  });

  it("gives an identifier repeated in another year its day, and skips invalid rows when asked", async () => {
    const report = await run([[act(1, { receipt: null }, { day: "2012-03-01" }), act(9, { matterCode: "12.4", receipt: null }, { day: "2012-03-01" })]], { skipInvalid: true });
    expect(report.totals).toMatchObject({ created: 1, skipped: 1 });
    expect(report.invalid).toEqual([expect.objectContaining({ line: 9, field: "matterCode" })]);
    expect((await client.query(`SELECT number FROM deliberation WHERE original_identifier = '2011-02-001' ORDER BY voted_at`)).rows.map((row) => row.number)).toEqual([
      "2011-02-001",
      "2011-02-001@2012-03-01",
    ]);
  });

  it("refuses, in SQL, unknown figures outside an archive", async () => {
    await expect(
      client.query(
        `INSERT INTO vote (id, municipality_id, deliberation_id, present_and_represented, present, represented, abstentions, non_participation, expressed, votes_for, votes_against, result)
         SELECT gen_random_uuid(), $1, d.id, NULL, NULL, NULL, 0, 0, 3, 3, 0, 'ADOPTED' FROM deliberation d WHERE false`,
        [town.municipalityId],
      ),
    ).resolves.toBeDefined();
    const draft = await client.query(
      `INSERT INTO deliberation (id, municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject, matter_code, report, proposals, updated_at)
       VALUES (gen_random_uuid(), $1, $2, 'DL.2022-1', 2022, 1, 1, 'Objet', '7.10', 'r', 'p', now()) RETURNING id`,
      [town.municipalityId, town.sittingId],
    );
    await expect(
      client.query(
        `INSERT INTO vote (id, municipality_id, deliberation_id, present_and_represented, present, represented, abstentions, non_participation, expressed, votes_for, votes_against, result)
         VALUES (gen_random_uuid(), $1, $2, NULL, NULL, NULL, 0, 0, 3, 3, 0, 'ADOPTED')`,
        [town.municipalityId, draft.rows[0].id],
      ),
    ).rejects.toMatchObject({ code: "RG042" });
  });

  it("shows an archived act as its archive states it: page, sitting, API, SCDL and search, nothing invented", async () => {
    const { municipalityId } = town;
    expect(await modules.getPublishedDeliberation({ municipalityId, number: "2011-02-002" })).toBeNull();
    const act = await modules.getPublishedArchivedAct({ municipalityId, number: "2011-02-002" });
    expect(act).toMatchObject({
      originalIdentifier: "2011-02-002",
      sitting: { hourKnown: false, place: null, president: null, secretary: null },
      attendance: null,
      vote: { unanimous: true, votesFor: null, votesAgainst: null, participants: null },
      receipt: { actesId: null, authority: "PREF013" },
      archive: { format: "scdl", fileName: "deliberations.csv" },
    });
    const sitting = await modules.getPublicSitting({ municipalityId, date: act!.sitting.slug });
    expect(sitting).toMatchObject({ archived: true, hourKnown: false, place: null, president: null, convocationDate: null });
    expect(sitting!.deliberations.map((deliberation) => deliberation.number)).toEqual(["2011-02-001", "2011-02-002", "AP D 21-07-1"]);

    const api = await modules.getApiDeliberation({ municipalityId, number: "AP D 21-07-1", baseUrl: "https://exemple.fr", db });
    expect(api).toMatchObject({ number: "AP D 21-07-1", report: null, presidentId: null, url: "https://exemple.fr/deliberations/AP%20D%2021-07-1", archive: { originalIdentifier: "AP D 21-07-1" } });
    expect(api!.vote).toMatchObject({ votesFor: 4, votesAgainst: 1, participants: 5, present: null });

    let csv = "";
    for await (const chunk of modules.scdlDeliberationsCsv({ municipalityId, baseUrl: "https://exemple.fr", db, batchSize: 2 })) csv += chunk;
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    // Every act once, across batches; the repeated identifier under its own identifier.
    expect(rows.map((row) => `${row.DELIB_ID} ${row.DELIB_DATE}`).sort()).toEqual([
      "2011-02-001 2011-02-10", "2011-02-001 2012-03-01", "2011-02-002 2011-02-10", "AP D 21-07-1 2011-02-10",
    ]);
    expect(rows.find((row) => row.DELIB_ID === "AP D 21-07-1")).toMatchObject({ PREF_ID: "PREF013", VOTE_EFFECTIF: "5", VOTE_REEL: "5", VOTE_POUR: "4", VOTE_CONTRE: "1" });
    expect(rows.find((row) => row.DELIB_ID === "2011-02-002")).toMatchObject({ VOTE_REEL: "", VOTE_POUR: "" });

    expect(await modules.findDeliberationByReference({ municipalityId, query: "ap d 21-07-1", db })).toBe("AP D 21-07-1");
    expect(await modules.findDeliberationByReference({ municipalityId, query: "2011-02-001", db })).toBe("2011-02-001@2012-03-01");
  });

  it("recognises an act with its roll call on a second import (the stored facts' keys come back in jsonb's order)", async () => {
    const [a, b, c, d] = town.councillorIds;
    const rollCall = act(20, { receipt: null, vote: { unanimous: false, participants: 4, votesFor: 3, votesAgainst: 1, abstentions: 0 } }, {
      day: "2013-05-16",
      attendance: [
        { councillorId: a!, status: "PRESENT", proxyHolderId: null, note: "Arrivé au point 2" },
        { councillorId: b!, status: "PRESENT", proxyHolderId: null, note: null },
        { councillorId: c!, status: "PRESENT", proxyHolderId: null, note: null },
        { councillorId: d!, status: "REPRESENTED", proxyHolderId: a!, note: null },
      ],
    });
    const first = await run([[rollCall]]);
    expect(first.invalid).toEqual([]);
    expect(first.totals).toMatchObject({ created: 1, conflicts: 0 });
    const again = await run([[rollCall]]);
    expect(again.conflicts).toEqual([]);
    expect(again.totals).toMatchObject({ created: 0, unchanged: 1 });
  });
});
