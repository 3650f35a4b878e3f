import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Roles from "@/lib/auth/roles";
import type * as CreateDeliberation from "@/lib/deliberations/create-deliberation";
import type * as DeliberationFields from "@/lib/deliberations/deliberation-fields";
import type * as RecordVote from "@/lib/deliberations/record-vote";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import type * as CreateSitting from "@/lib/sittings/create-sitting";
import type * as RecordRollCall from "@/lib/sittings/record-sitting-roll-call";
import { deliberationSchema } from "@/lib/validations/deliberation";
import { parseInput } from "@/lib/validations/parse";
import { sittingSchema } from "@/lib/validations/sitting";
import { connect, createDatabase } from "./support/database";
import { insertMunicipality, insertUser, type Fixture } from "./support/factories";

// Use cases compose: a caller (an import, the minutes, the seed) opens one
// transaction and calls several cores in it; what they write, audit rows
// included, commits or rolls back as one.

type Modules = typeof Roles &
  typeof CreateDeliberation &
  typeof DeliberationFields &
  typeof RecordVote &
  typeof CreateSitting &
  typeof RecordRollCall & { createPrismaClient: typeof createPrismaClient };

describe("use cases: cores composed in one transaction", () => {
  let client: pg.Client;
  let db: Db;
  let modules: Modules;
  // A transaction that composes several cores does more than Prisma's default 5 s allows on a loaded 2-core machine.
  const COMPOSED = { timeout: 30_000 };

  beforeAll(async () => {
    const url = await createDatabase("registre_use_case_cores");
    client = await connect(url);
    modules = {
      ...(await import("@/lib/auth/roles")),
      ...(await import("@/lib/deliberations/create-deliberation")),
      ...(await import("@/lib/deliberations/deliberation-fields")),
      ...(await import("@/lib/deliberations/record-vote")),
      ...(await import("@/lib/sittings/create-sitting")),
      ...(await import("@/lib/sittings/record-sitting-roll-call")),
      createPrismaClient: (await import("@/lib/db/prisma")).createPrismaClient,
    };
    db = modules.createPrismaClient(url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  /** A municipality of five councillors and its clerk, checked as an editor. */
  async function setUp(): Promise<{ fixture: Fixture; clerk: Roles.Editor }> {
    const fixture = await insertMunicipality(client, { members: 5 });
    const user = await insertUser(client, fixture.municipalityId, "CLERK", `greffe-${fixture.municipalityId}@commune.fr`);
    return { fixture, clerk: modules.authorizeEditor(user) };
  }

  const sittingOf = (fixture: Fixture) =>
    parseInput(sittingSchema, {
      date: "2023-03-16",
      time: "18:30",
      place: "Salle du conseil",
      kind: "ORDINARY",
      isPublic: true,
      convocationDate: "2023-03-10",
      convenedById: fixture.councillorIds[0],
      presidentId: fixture.councillorIds[0],
      secretaryId: fixture.councillorIds[1],
      reconvened: false,
      listPostedAt: "",
    });

  const deliberationOf = (number: string) =>
    modules.deliberationData(
      parseInput(deliberationSchema, {
        number,
        orderInSitting: "1",
        subject: "Convention de mise à disposition",
        reportSubject: "",
        rapporteurId: "",
        service: "",
        matterCode: "7.10",
        policyHeading: "",
        report: "Rapport.",
        proposals: "APPROUVER la convention.",
        cosignatoryId: "",
        cosignatoryTitle: "",
      }),
    );

  async function auditActions(municipalityId: string): Promise<string[]> {
    const { rows } = await client.query<{ action: string }>(`SELECT action FROM audit_event WHERE municipality_id = $1 ORDER BY id`, [municipalityId]);
    return rows.map((row) => row.action);
  }

  async function countRows(table: "sitting" | "deliberation" | "attendance" | "vote", municipalityId: string): Promise<number> {
    const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table} WHERE municipality_id = $1`, [municipalityId]);
    return rows[0]!.count;
  }

  it("[cores]: a sitting, its deliberation, its roll call and its vote written by four cores in one transaction commit together, each audited", async () => {
    const { fixture, clerk } = await setUp();
    const result = await db.$transaction(async (tx) => {
      const sitting = await modules.createSittingInTransaction(tx, clerk, { sitting: sittingOf(fixture) });
      const deliberation = await modules.createDeliberationInTransaction(tx, clerk, { sittingId: sitting.id, deliberation: deliberationOf("DL.2023-1") });
      const opening = fixture.councillorIds.map((councillorId) => ({ councillorId, status: "PRESENT" as const, proxyHolderId: null, note: null }));
      const rollCall = await modules.recordSittingRollCallInTransaction(tx, clerk, { sittingId: sitting.id, rollCall: { opening, changes: [] } });
      const vote = await modules.recordVoteInTransaction(tx, clerk, {
        deliberationId: deliberation.id,
        vote: { secret: false, choices: [{ councillorId: fixture.councillorIds[4]!, choice: "AGAINST" }], castingVote: "" },
      });
      return { rollCall, vote };
    }, COMPOSED);
    expect(result.rollCall.updated).toBe(1);
    expect(result.vote.outcome).toBe("ADOPTED");
    expect(await auditActions(fixture.municipalityId)).toEqual(["sitting.create", "deliberation.create", "deliberation.attendance", "deliberation.vote"]);
    // The fixture's own sitting, and the one written here.
    expect(await countRows("sitting", fixture.municipalityId)).toBe(2);
    expect(await countRows("attendance", fixture.municipalityId)).toBe(5);
    const { rows } = await client.query<{ votes_for: number; votes_against: number }>(`SELECT votes_for, votes_against FROM vote WHERE municipality_id = $1`, [fixture.municipalityId]);
    expect(rows).toEqual([{ votes_for: 4, votes_against: 1 }]);
  });

  it("[cores]: when the second core refuses, the first one's deliberation and audit row roll back with it", async () => {
    const { fixture, clerk } = await setUp();
    const composed = db.$transaction(async (tx) => {
      const deliberation = await modules.createDeliberationInTransaction(tx, clerk, { sittingId: fixture.sittingId, deliberation: deliberationOf("DL.2022-7") });
      // No roll call yet: the vote is refused.
      await modules.recordVoteInTransaction(tx, clerk, { deliberationId: deliberation.id, vote: { secret: false, choices: [], castingVote: "" } });
    }, COMPOSED);
    await expect(composed).rejects.toMatchObject({ code: "INVALID_STATE", message: "Faites d'abord l'appel : la liste de présence de cette délibération est vide." });
    expect(await countRows("deliberation", fixture.municipalityId)).toBe(0);
    expect(await auditActions(fixture.municipalityId)).toEqual([]);
  });

  it("[cores]: a roll call written by one core rolls back when the next core's write breaks a database constraint", async () => {
    const { fixture, clerk } = await setUp();
    const sitting = await db.$transaction((tx) => modules.createSittingInTransaction(tx, clerk, { sitting: sittingOf(fixture) }));
    await db.$transaction((tx) => modules.createDeliberationInTransaction(tx, clerk, { sittingId: sitting.id, deliberation: deliberationOf("DL.2023-2") }));
    const before = await auditActions(fixture.municipalityId);
    const opening = fixture.councillorIds.map((councillorId) => ({ councillorId, status: "PRESENT" as const, proxyHolderId: null, note: null }));
    const composed = db.$transaction(async (tx) => {
      await modules.recordSittingRollCallInTransaction(tx, clerk, { sittingId: sitting.id, rollCall: { opening, changes: [] } });
      // The same number twice in the municipality: the unique key refuses the second deliberation.
      await tx.deliberation.create({
        data: { municipalityId: fixture.municipalityId, sittingId: sitting.id, ...deliberationOf("DL.2023-2") },
        select: { id: true },
      });
    }, COMPOSED);
    await expect(composed).rejects.toMatchObject({ code: "P2002" });
    expect(await countRows("attendance", fixture.municipalityId)).toBe(0);
    expect(await auditActions(fixture.municipalityId)).toEqual(before);
    expect(before).toEqual(["sitting.create", "deliberation.create"]);
  });

  it("[cores]: a core takes only an actor whose role was checked: a staff account is refused before any core runs", async () => {
    const fixture = await insertMunicipality(client, { members: 3 });
    const staff = await insertUser(client, fixture.municipalityId, "STAFF", `agent-${fixture.municipalityId}@commune.fr`);
    expect(() => modules.authorizeEditor(staff)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => modules.authorizeEditor(null)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
    // The type says the rest: a session user is not an editor until authorizeEditor has said so.
    const call = (tx: Parameters<Parameters<Db["$transaction"]>[0]>[0]) =>
      // @ts-expect-error a SessionUser whose role is unchecked is not an Editor
      modules.createSittingInTransaction(tx, staff, { sitting: sittingOf(fixture) });
    void call;
  });
});
