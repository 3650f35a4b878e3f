import { createHash, randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { PDFDocument } from "pdf-lib";
import type * as AddAnnex from "@/lib/deliberations/add-annex";
import type * as ChangeStatus from "@/lib/deliberations/change-deliberation-status";
import type * as CreateDeliberation from "@/lib/deliberations/create-deliberation";
import type * as GetForEdit from "@/lib/deliberations/get-deliberation-for-edit";
import type * as ProposeNumber from "@/lib/deliberations/propose-deliberation-number";
import type * as PublishDeliberation from "@/lib/deliberations/publish-deliberation";
import type * as RecordAttendance from "@/lib/deliberations/record-attendance";
import type * as RecordReceipt from "@/lib/deliberations/record-prefecture-receipt";
import type * as RecordVote from "@/lib/deliberations/record-vote";
import type * as RectifyDeliberation from "@/lib/deliberations/rectify-deliberation";
import type * as RemoveAnnex from "@/lib/deliberations/remove-annex";
import type * as UpdateDeliberation from "@/lib/deliberations/update-deliberation";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import { connect, createDatabase } from "./support/database";
import { insertMunicipality, insertUser, type Fixture } from "./support/factories";

// A deliberation's whole life through its use cases, on a real database:
// draft, roll call with proxies, vote, receipt, publication, rectification,
// and every refusal the back office must give (role, published row, broken
// tally, proxy rules), the database's trigger included. Each test brings a
// council of its own to the stage it needs (through the use cases, as a clerk
// would) and checks the audit rows its writes left, and that a refusal left
// none.

type Modules = typeof CreateDeliberation &
  typeof UpdateDeliberation &
  typeof ProposeNumber &
  typeof RecordAttendance &
  typeof RecordVote &
  typeof RecordReceipt &
  typeof PublishDeliberation &
  typeof RectifyDeliberation &
  typeof ChangeStatus &
  typeof AddAnnex &
  typeof RemoveAnnex &
  typeof GetForEdit & { createPrismaClient: typeof createPrismaClient };

const ACTES_ID = "013-211300017-20220407-lmc1210471-DE-1-1";

describe("back office: deliberations", () => {
  let client: pg.Client;
  let db: Db;
  let modules: Modules;

  /** A municipality of five councillors with one sitting (7 April 2022), a clerk and a staff member. */
  type Council = { fixture: Fixture; clerk: SessionUser; staff: SessionUser };

  async function newCouncil(): Promise<Council> {
    const fixture = await insertMunicipality(client, { members: 5 });
    const suffix = randomUUID().slice(0, 8);
    return {
      fixture,
      clerk: await insertUser(client, fixture.municipalityId, "CLERK", `greffe-${suffix}@commune.fr`),
      staff: await insertUser(client, fixture.municipalityId, "STAFF", `agent-${suffix}@commune.fr`),
    };
  }

  const content = ({ fixture }: Council, overrides: Record<string, string> = {}) => ({
    number: "DL.2022-91",
    orderInSitting: "1",
    subject: "CAF - CONVENTION TERRITORIALE GLOBALE",
    reportSubject: "",
    rapporteurId: fixture.councillorIds[2]!,
    service: "Direction Education",
    matterCode: "7.10",
    policyHeading: "",
    report: "Le rapport **en Markdown**.",
    proposals: "- **APPROUVER** la convention ;",
    cosignatoryId: "",
    cosignatoryTitle: "",
    ...overrides,
  });

  /** Everyone present but the last two: one represented by the first, one excused. */
  const rollCall = ({ fixture }: Council) => ({
    entries: fixture.councillorIds.map((councillorId, index) => ({
      councillorId,
      status: index === 3 ? "REPRESENTED" : index === 4 ? "EXCUSED" : "PRESENT",
      proxyHolderId: index === 3 ? fixture.councillorIds[0]! : "",
      note: "",
    })),
  });

  // The stages of a deliberation, each through the use cases of the one before.
  async function draft(council: Council, overrides: Record<string, string> = {}): Promise<string> {
    return (await modules.createDeliberation({ db, actor: council.clerk, sittingId: council.fixture.sittingId, input: content(council, overrides) })).id;
  }

  async function calledDraft(council: Council): Promise<string> {
    const id = await draft(council);
    await modules.recordAttendance({ db, actor: council.clerk, id, input: rollCall(council) });
    return id;
  }

  /** Adopted, the second councillor voting against. */
  async function voted(council: Council): Promise<string> {
    const id = await calledDraft(council);
    await modules.recordVote({
      db,
      actor: council.clerk,
      id,
      input: { secret: false, choices: [{ councillorId: council.fixture.councillorIds[1]!, choice: "AGAINST" }], castingVote: "" },
    });
    return id;
  }

  async function published(council: Council): Promise<string> {
    const id = await voted(council);
    await modules.recordPrefectureReceipt({ db, actor: council.clerk, id, input: { actesId: ACTES_ID, receivedAt: "2022-04-11", signedAt: "2022-04-12", postedAt: "2022-04-12" } });
    await modules.publishDeliberation({ db, actor: council.clerk, id, input: { publishedOn: "2022-04-12", publishedAtTime: "10:00" } });
    return id;
  }

  /** The council's audit trail, oldest first: what was done, to which row, by whom. */
  async function auditTrail({ fixture }: Council): Promise<{ action: string; entity: string; entityId: string | null; userId: string | null }[]> {
    const { rows } = await client.query(
      `SELECT action, entity, entity_id AS "entityId", user_id AS "userId" FROM audit_event WHERE municipality_id = $1 ORDER BY id`,
      [fixture.municipalityId],
    );
    return rows;
  }

  const event = (action: string, entityId: string, { clerk }: Council, entity = "deliberation") => ({ action, entity, entityId, userId: clerk.id });

  /** The audit rows of the stages above, for a deliberation brought to `stage` by the council's clerk. */
  function stageEvents(id: string, council: Council, stage: "draft" | "called" | "voted" | "published") {
    const stages = ["draft", "called", "voted", "published"].slice(0, ["draft", "called", "voted", "published"].indexOf(stage) + 1);
    return stages.flatMap((reached) => {
      switch (reached) {
        case "draft":
          return [event("deliberation.create", id, council)];
        case "called":
          return [event("deliberation.attendance", id, council)];
        case "voted":
          return [event("deliberation.vote", id, council)];
        default:
          return [event("deliberation.transmit", id, council), event("deliberation.publish", id, council)];
      }
    });
  }

  beforeAll(async () => {
    const url = await createDatabase("registre_admin_deliberations");
    client = await connect(url);
    modules = {
      ...(await import("@/lib/deliberations/create-deliberation")),
      ...(await import("@/lib/deliberations/update-deliberation")),
      ...(await import("@/lib/deliberations/propose-deliberation-number")),
      ...(await import("@/lib/deliberations/record-attendance")),
      ...(await import("@/lib/deliberations/record-vote")),
      ...(await import("@/lib/deliberations/record-prefecture-receipt")),
      ...(await import("@/lib/deliberations/publish-deliberation")),
      ...(await import("@/lib/deliberations/rectify-deliberation")),
      ...(await import("@/lib/deliberations/change-deliberation-status")),
      ...(await import("@/lib/deliberations/get-deliberation-for-edit")),
      ...(await import("@/lib/deliberations/add-annex")),
      ...(await import("@/lib/deliberations/remove-annex")),
      createPrismaClient: (await import("@/lib/db/prisma")).createPrismaClient,
    };
    db = modules.createPrismaClient(url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  it("[deliberations]: the number proposed follows the year's sequence; a wrong year or a number taken is refused on the field", async () => {
    const council = await newCouncil();
    const { clerk, fixture } = council;
    expect(await modules.proposeDeliberationNumber({ db, actor: clerk, year: 2022 })).toBe("DL.2022-1");
    await expect(modules.createDeliberation({ db, actor: clerk, sittingId: fixture.sittingId, input: content(council, { number: "DL.2021-4" }) })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { number: ["Le numéro doit être de l'année de la séance (2022)."] },
    });
    await expect(modules.createDeliberation({ db, actor: clerk, sittingId: fixture.sittingId, input: content(council, { matterCode: "7.99" }) })).rejects.toMatchObject({
      fieldErrors: { matterCode: [expect.stringContaining("n'existe pas dans la nomenclature")] },
    });
    const id = await draft(council);
    expect(await modules.proposeDeliberationNumber({ db, actor: clerk, year: 2022 })).toBe("DL.2022-92");
    await expect(modules.createDeliberation({ db, actor: clerk, sittingId: fixture.sittingId, input: content(council) })).rejects.toMatchObject({
      fieldErrors: { number: [expect.stringContaining("déjà pris")] },
    });
    expect(await auditTrail(council)).toEqual(stageEvents(id, council, "draft"));
  });

  it("[deliberations]: staff and anonymous users are refused every write, which leaves no audit row", async () => {
    const council = await newCouncil();
    const { fixture, staff } = council;
    const id = await draft(council);
    const calls = [
      (actor: SessionUser | null) => modules.createDeliberation({ db, actor, sittingId: fixture.sittingId, input: content(council, { number: "DL.2022-95" }) }),
      (actor: SessionUser | null) => modules.updateDeliberation({ db, actor, id, input: content(council) }),
      (actor: SessionUser | null) => modules.recordAttendance({ db, actor, id, input: rollCall(council) }),
      (actor: SessionUser | null) => modules.recordVote({ db, actor, id, input: { secret: false, choices: [], castingVote: "" } }),
      (actor: SessionUser | null) => modules.recordPrefectureReceipt({ db, actor, id, input: { actesId: ACTES_ID, receivedAt: "2022-04-11", signedAt: "2022-04-12", postedAt: "" } }),
      (actor: SessionUser | null) => modules.publishDeliberation({ db, actor, id }),
      (actor: SessionUser | null) => modules.rectifyDeliberation({ db, actor, id, input: { reason: "Erreur matérielle dans l'objet" } }),
      (actor: SessionUser | null) => modules.changeDeliberationStatus({ db, actor, id, change: "WITHDRAW" }),
    ];
    for (const call of calls) {
      await expect(call(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      await expect(call(staff)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(modules.getDeliberationForEdit({ db, actor: null, id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await modules.getDeliberationForEdit({ db, actor: staff, id })).deliberation?.status).toBe("DRAFT");
    expect(await auditTrail(council)).toEqual(stageEvents(id, council, "draft"));
  });

  it("[deliberations]: a vote before the roll call is refused", async () => {
    const council = await newCouncil();
    const id = await draft(council);
    await expect(modules.recordVote({ db, actor: council.clerk, id, input: { secret: false, choices: [], castingVote: "" } })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("Faites d'abord l'appel"),
    });
    expect(await auditTrail(council)).toEqual(stageEvents(id, council, "draft"));
  });

  it("[deliberations]: the roll call refuses a missing councillor and a proxy to someone absent, on the row concerned", async () => {
    const council = await newCouncil();
    const { clerk, fixture } = council;
    const id = await draft(council);
    const incomplete = { entries: rollCall(council).entries.slice(0, 4) };
    await expect(modules.recordAttendance({ db, actor: clerk, id, input: incomplete })).rejects.toMatchObject({
      fieldErrors: { _form: [expect.stringContaining("Il manque à la liste")] },
    });
    const toAbsent = rollCall(council);
    toAbsent.entries[3]!.proxyHolderId = fixture.councillorIds[4]!;
    await expect(modules.recordAttendance({ db, actor: clerk, id, input: toAbsent })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { "entries.3.proxyHolderId": [expect.stringMatching(/présent/)] },
    });
    expect(await auditTrail(council)).toEqual(stageEvents(id, council, "draft"));
    await modules.recordAttendance({ db, actor: clerk, id, input: rollCall(council) });
    const { rows } = await client.query(`SELECT status, count(*)::int AS count FROM attendance WHERE deliberation_id = $1 GROUP BY status ORDER BY status`, [id]);
    expect(rows).toEqual([
      { status: "PRESENT", count: 3 },
      { status: "REPRESENTED", count: 1 },
      { status: "EXCUSED", count: 1 },
    ]);
    expect(await auditTrail(council)).toEqual(stageEvents(id, council, "called"));
  });

  it("[deliberations]: outside a derogation window a holder carries one proxy only", async () => {
    const council = await newCouncil();
    const { clerk, fixture } = council;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO sitting (municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
       VALUES ($1, '2023-03-02T17:00:00Z', 'Salle', '2023-02-24', $2, $2, $3) RETURNING id`,
      [fixture.municipalityId, fixture.councillorIds[0], fixture.councillorIds[1]],
    );
    const { id } = await modules.createDeliberation({ db, actor: clerk, sittingId: rows[0]!.id, input: content(council, { number: "DL.2023-1" }) });
    const twoProxies = rollCall(council);
    twoProxies.entries[4] = { councillorId: fixture.councillorIds[4]!, status: "REPRESENTED", proxyHolderId: fixture.councillorIds[0]!, note: "" };
    await expect(modules.recordAttendance({ db, actor: clerk, id, input: twoProxies })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: expect.objectContaining({ "entries.3.proxyHolderId": [expect.stringMatching(/pouvoir/)] }),
    });
    expect(await client.query(`SELECT count(*)::int AS count FROM attendance WHERE deliberation_id = $1`, [id]).then(({ rows: [row] }) => row.count)).toBe(0);
    expect(await auditTrail(council)).toEqual(stageEvents(id, council, "draft"));
  });

  it("[deliberations]: a public vote counts everyone present or represented for, except those named; a choice for an excused member is refused", async () => {
    const council = await newCouncil();
    const { clerk, fixture } = council;
    const id = await calledDraft(council);
    await expect(
      modules.recordVote({ db, actor: clerk, id, input: { secret: false, choices: [{ councillorId: fixture.councillorIds[4]!, choice: "AGAINST" }], castingVote: "" } }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      message: "Le vote ne peut pas être enregistré : corrigez ce qui est signalé.",
      fieldErrors: { [`choices.${fixture.councillorIds[4]!}`]: [expect.stringContaining("ne peut pas être compté")] },
    });
    await expect(
      modules.recordVote({ db, actor: clerk, id, input: { secret: true, votesFor: "3", votesAgainst: "2", abstentions: "0", nonParticipation: "0" } }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      // Said once, for the tally: neither in the summary nor under a field.
      message: "Le vote ne peut pas être enregistré : corrigez ce qui est signalé.",
      fieldErrors: { tally: ["Pour (3) + contre (2) ne font pas les suffrages exprimés (4)."] },
    });
    const result = await modules.recordVote({
      db,
      actor: clerk,
      id,
      input: { secret: false, choices: [{ councillorId: fixture.councillorIds[1]!, choice: "AGAINST" }], castingVote: "" },
    });
    expect(result.outcome).toBe("ADOPTED");
    const { rows } = await client.query(
      `SELECT present_and_represented, present, represented, expressed, votes_for, votes_against, result FROM vote WHERE deliberation_id = $1`,
      [id],
    );
    expect(rows).toEqual([{ present_and_represented: 4, present: 3, represented: 1, expressed: 4, votes_for: 3, votes_against: 1, result: "ADOPTED" }]);
    const records = await client.query(`SELECT r.choice, count(*)::int AS count FROM vote_record r JOIN vote v ON v.id = r.vote_id WHERE v.deliberation_id = $1 GROUP BY r.choice ORDER BY r.choice`, [id]);
    expect(records.rows).toEqual([
      { choice: "FOR", count: 3 },
      { choice: "AGAINST", count: 1 },
    ]);
    await expect(modules.updateDeliberation({ db, actor: clerk, id, input: content(council) })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await auditTrail(council)).toEqual(stageEvents(id, council, "voted"));
  });

  it("[deliberations]: publishing before the receipt is refused; a receipt of another SIREN or day is refused; then transmitted and published", async () => {
    const council = await newCouncil();
    const { clerk } = council;
    const id = await voted(council);
    await expect(modules.publishDeliberation({ db, actor: clerk, id })).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringContaining("accusé de réception") });
    await expect(
      modules.recordPrefectureReceipt({ db, actor: clerk, id, input: { actesId: "013-211300017-20220408-lmc1210471-DE-1-1", receivedAt: "2022-04-11", signedAt: "2022-04-12", postedAt: "" } }),
    ).rejects.toMatchObject({ fieldErrors: { actesId: [expect.stringContaining("n'est pas celle de la séance")] } });
    await expect(
      modules.recordPrefectureReceipt({ db, actor: clerk, id, input: { actesId: "013-21130001-20220407-lmc1-DE", receivedAt: "2022-04-11", signedAt: "2022-04-12", postedAt: "" } }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { actesId: [expect.stringContaining("SIREN")] } });
    await modules.recordPrefectureReceipt({ db, actor: clerk, id, input: { actesId: ACTES_ID, receivedAt: "2022-04-11", signedAt: "2022-04-12", postedAt: "2022-04-12" } });
    await expect(modules.publishDeliberation({ db, actor: clerk, id, input: { publishedOn: "2099-01-01", publishedAtTime: "" } })).rejects.toMatchObject({ code: "VALIDATION" });
    await modules.publishDeliberation({ db, actor: clerk, id, input: { publishedOn: "2022-04-12", publishedAtTime: "10:00" } });
    const { rows } = await client.query(`SELECT status, published_at, transmitted_at FROM deliberation WHERE id = $1`, [id]);
    expect(rows[0].status).toBe("PUBLISHED");
    expect(rows[0].published_at.toISOString()).toBe("2022-04-12T08:00:00.000Z");
    // The publication signed a checkpoint of the audit chain at its own event.
    const head = await client.query(`SELECT id, hash, action FROM audit_event ORDER BY id DESC LIMIT 1`);
    const checkpoint = await client.query(`SELECT event_id, event_hash FROM audit_checkpoint ORDER BY id DESC LIMIT 1`);
    expect(head.rows[0].action).toBe("deliberation.publish");
    expect(checkpoint.rows).toEqual([{ event_id: head.rows[0].id, event_hash: head.rows[0].hash }]);
    expect(await auditTrail(council)).toEqual(stageEvents(id, council, "published"));
  });

  it("[deliberations]: a published deliberation refuses every change, in the use cases and in the database (raw SQL)", async () => {
    const council = await newCouncil();
    const { clerk } = council;
    const id = await published(council);
    await expect(modules.updateDeliberation({ db, actor: clerk, id, input: content(council) })).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringContaining("publiée") });
    await expect(modules.recordAttendance({ db, actor: clerk, id, input: rollCall(council) })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(modules.changeDeliberationStatus({ db, actor: clerk, id, change: "CANCEL_VOTE" })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(client.query(`UPDATE deliberation SET subject = 'Falsifié' WHERE id = $1`, [id])).rejects.toThrow(/published and cannot be changed/);
    await expect(client.query(`DELETE FROM deliberation WHERE id = $1`, [id])).rejects.toThrow(/published and cannot be changed/);
    await expect(client.query(`UPDATE attendance SET status = 'ABSENT' WHERE deliberation_id = $1`, [id])).rejects.toThrow(/published deliberation cannot be changed/);
    await expect(client.query(`UPDATE vote SET votes_for = votes_for WHERE deliberation_id = $1`, [id])).rejects.toThrow(/published deliberation cannot be changed/);
    await expect(client.query(`DELETE FROM prefecture_receipt WHERE deliberation_id = $1`, [id])).rejects.toThrow(/published deliberation cannot be changed/);
    expect(await auditTrail(council)).toEqual(stageEvents(id, council, "published"));
  });

  it("[deliberations]: a rectification is a new draft version, linked, with the roll call; the published one stays as it was", async () => {
    const council = await newCouncil();
    const { clerk } = council;
    const publishedId = await published(council);
    await expect(modules.rectifyDeliberation({ db, actor: clerk, id: publishedId, input: { reason: "court" } })).rejects.toMatchObject({ code: "VALIDATION" });
    const { id } = await modules.rectifyDeliberation({ db, actor: clerk, id: publishedId, input: { reason: "Erreur matérielle dans l'objet de la délibération" } });
    const { rows } = await client.query(`SELECT number, version, status, previous_version_id, rectification_reason FROM deliberation WHERE id = $1`, [id]);
    expect(rows[0]).toEqual({ number: "DL.2022-91", version: 2, status: "DRAFT", previous_version_id: publishedId, rectification_reason: "Erreur matérielle dans l'objet de la délibération" });
    const attendance = await client.query(`SELECT count(*)::int AS count FROM attendance WHERE deliberation_id = $1`, [id]);
    expect(attendance.rows[0].count).toBe(5);
    await modules.updateDeliberation({ db, actor: clerk, id, input: content(council, { subject: "CAF - CONVENTION TERRITORIALE GLOBALE 2022-2026", number: "DL.2022-500" }) });
    const updated = await client.query(`SELECT number, subject FROM deliberation WHERE id = $1`, [id]);
    expect(updated.rows[0]).toEqual({ number: "DL.2022-91", subject: "CAF - CONVENTION TERRITORIALE GLOBALE 2022-2026" });
    await expect(modules.rectifyDeliberation({ db, actor: clerk, id: publishedId, input: { reason: "Une seconde rectification" } })).rejects.toMatchObject({ code: "CONFLICT" });
    const original = await client.query(`SELECT subject, status FROM deliberation WHERE id = $1`, [publishedId]);
    expect(original.rows[0]).toEqual({ subject: "CAF - CONVENTION TERRITORIALE GLOBALE", status: "PUBLISHED" });
    expect(await auditTrail(council)).toEqual([
      ...stageEvents(publishedId, council, "published"),
      event("deliberation.rectify", id, council),
      event("deliberation.update", id, council),
    ]);
  });

  it("[deliberations]: a draft can be withdrawn and reinstated; a vote cancelled goes back to draft without its tally", async () => {
    const council = await newCouncil();
    const { clerk } = council;
    const first = await calledDraft(council);
    // A new deliberation of the sitting starts from the previous one's roll call.
    const id = await draft(council, { number: "DL.2022-92", orderInSitting: "2" });
    const copied = await client.query(`SELECT count(*)::int AS count FROM attendance WHERE deliberation_id = $1`, [id]);
    expect(copied.rows[0].count).toBe(5);
    await modules.changeDeliberationStatus({ db, actor: clerk, id, change: "WITHDRAW" });
    expect((await client.query(`SELECT status, outcome FROM deliberation WHERE id = $1`, [id])).rows[0]).toEqual({ status: "WITHDRAWN", outcome: "WITHDRAWN" });
    await modules.changeDeliberationStatus({ db, actor: clerk, id, change: "REINSTATE" });
    await modules.recordVote({ db, actor: clerk, id, input: { secret: true, votesFor: "2", votesAgainst: "2", abstentions: "0", nonParticipation: "0" } });
    expect((await client.query(`SELECT status, outcome FROM deliberation WHERE id = $1`, [id])).rows[0]).toEqual({ status: "VOTED", outcome: "REJECTED" });
    await modules.changeDeliberationStatus({ db, actor: clerk, id, change: "CANCEL_VOTE" });
    expect((await client.query(`SELECT count(*)::int AS count FROM vote WHERE deliberation_id = $1`, [id])).rows[0].count).toBe(0);
    expect((await client.query(`SELECT status, outcome FROM deliberation WHERE id = $1`, [id])).rows[0]).toEqual({ status: "DRAFT", outcome: null });
    expect(await auditTrail(council)).toEqual([
      ...stageEvents(first, council, "called"),
      event("deliberation.create", id, council),
      event("deliberation.withdraw", id, council),
      event("deliberation.reinstate", id, council),
      event("deliberation.vote", id, council),
      event("deliberation.cancel-vote", id, council),
    ]);
  });

  it("[deliberations]: a public tie needs the president's casting vote", async () => {
    const council = await newCouncil();
    const { clerk, fixture } = council;
    const id = await calledDraft(council);
    const tie = { secret: false as const, choices: [fixture.councillorIds[1]!, fixture.councillorIds[2]!].map((councillorId) => ({ councillorId, choice: "AGAINST" as const })) };
    await expect(modules.recordVote({ db, actor: clerk, id, input: { ...tie, castingVote: "" } })).rejects.toMatchObject({
      fieldErrors: { castingVote: [expect.stringContaining("prépondérant")] },
    });
    expect((await modules.recordVote({ db, actor: clerk, id, input: { ...tie, castingVote: "FOR" } })).outcome).toBe("ADOPTED");
    expect((await client.query(`SELECT votes_for, votes_against, casting_vote, result FROM vote WHERE deliberation_id = $1`, [id])).rows).toEqual([
      { votes_for: 2, votes_against: 2, casting_vote: "FOR", result: "ADOPTED" },
    ]);
    expect(await auditTrail(council)).toEqual(stageEvents(id, council, "voted"));
  });

  it("[annexes]: a PDF is accepted by its content, with its hash; a renamed text file, an empty file or one over 10 MiB is refused", async () => {
    const council = await newCouncil();
    const { clerk, staff } = council;
    const publishedId = await published(council);
    const id = await draft(council, { number: "DL.2022-94", orderInSitting: "4" });
    const document = await PDFDocument.create();
    document.addPage();
    const pdf = await document.save();
    const { id: annexId } = await modules.addAnnex({ db, actor: clerk, id, input: { title: "Convention", isPublic: true }, file: { name: "convention.pdf", bytes: pdf } });
    const { rows } = await client.query(`SELECT title, media_type, size, sha256, octet_length(content) AS stored FROM annex WHERE id = $1`, [annexId]);
    expect(rows[0]).toEqual({ title: "Convention", media_type: "application/pdf", size: pdf.length, stored: pdf.length, sha256: createHash("sha256").update(pdf).digest("hex") });
    const text = new TextEncoder().encode("Ceci n'est pas un PDF, malgré son nom.");
    await expect(modules.addAnnex({ db, actor: clerk, id, input: { title: "Faux", isPublic: true }, file: { name: "faux.pdf", bytes: text } })).rejects.toMatchObject({
      fieldErrors: { file: [expect.stringContaining("n'est pas un PDF lisible")] },
    });
    const truncated = pdf.subarray(0, 40);
    await expect(modules.addAnnex({ db, actor: clerk, id, input: { title: "Tronqué", isPublic: true }, file: { name: "t.pdf", bytes: truncated } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(modules.addAnnex({ db, actor: clerk, id, input: { title: "Vide", isPublic: true }, file: null })).rejects.toMatchObject({ fieldErrors: { file: [expect.any(String)] } });
    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    await expect(modules.addAnnex({ db, actor: clerk, id, input: { title: "Lourd", isPublic: true }, file: { name: "l.pdf", bytes: huge } })).rejects.toMatchObject({
      fieldErrors: { file: [expect.stringContaining("10 Mo au plus")] },
    });
    await expect(modules.addAnnex({ db, actor: staff, id, input: { title: "X", isPublic: true }, file: { name: "x.pdf", bytes: pdf } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await modules.removeAnnex({ db, actor: clerk, id, annexId });
    expect((await client.query(`SELECT count(*)::int AS count FROM annex WHERE deliberation_id = $1`, [id])).rows[0].count).toBe(0);
    await expect(modules.addAnnex({ db, actor: clerk, id: publishedId, input: { title: "Tardive", isPublic: true }, file: { name: "t.pdf", bytes: pdf } })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await auditTrail(council)).toEqual([
      ...stageEvents(publishedId, council, "published"),
      event("deliberation.create", id, council),
      event("deliberation.annex-add", annexId, council, "annex"),
      event("deliberation.annex-remove", annexId, council, "annex"),
    ]);
  });
});
