import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import type * as CopyPreviousVote from "@/lib/deliberations/copy-previous-vote";
import type * as CreateDeliberation from "@/lib/deliberations/create-deliberation";
import type * as PublishDeliberation from "@/lib/deliberations/publish-deliberation";
import type * as RecordAttendance from "@/lib/deliberations/record-attendance";
import type * as RecordReceipt from "@/lib/deliberations/record-prefecture-receipt";
import type * as RecordVote from "@/lib/deliberations/record-vote";
import type * as RectifyDeliberation from "@/lib/deliberations/rectify-deliberation";
import { localDay } from "@/lib/domain/calendar";
import type * as RecordListPosting from "@/lib/sittings/record-list-posting";
import type * as UpdateSitting from "@/lib/sittings/update-sitting";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { connect, createDatabase } from "./support/database";
import { insertMunicipality, insertUser, type Fixture } from "./support/factories";

// What a clerk records after the fact (the prefecture's receipt, the
// signature and posting days, a vote) is never dated after today; a typo in a
// receipt is corrected until publication, audited; a rectification starts
// from the replaced version's roll call, vote and receipt, whose ACTES
// identifier is its own, not "another deliberation's" (in the use case and in
// the database, RG006).

type Modules = typeof CreateDeliberation &
  typeof RecordAttendance &
  typeof RecordVote &
  typeof RecordReceipt &
  typeof PublishDeliberation &
  typeof RectifyDeliberation &
  typeof CopyPreviousVote &
  typeof RecordListPosting &
  typeof UpdateSitting;

const ACTES_ID = "013-211300017-20220407-lmc1210471-DE-1-1";
const RECEIPT = { actesId: ACTES_ID, receivedAt: "2022-04-11", signedAt: "2022-04-12", postedAt: "2022-04-12" };

const dayAfter = (days: number) => localDay(new Date(Date.now() + days * 86_400_000), "Europe/Paris");

describe("receipts, past events and rectifications", () => {
  let client: pg.Client;
  let db: Db;
  let modules: Modules;
  type Council = { fixture: Fixture; clerk: SessionUser };

  async function newCouncil(): Promise<Council> {
    const fixture = await insertMunicipality(client, { members: 5 });
    return { fixture, clerk: await insertUser(client, fixture.municipalityId, "CLERK", `greffe-${randomUUID().slice(0, 8)}@commune.fr`) };
  }

  const content = ({ fixture }: Council, number = "DL.2022-91") => ({
    number,
    orderInSitting: number.endsWith("91") ? "1" : "2",
    subject: "CAF - CONVENTION TERRITORIALE GLOBALE",
    reportSubject: "",
    rapporteurId: fixture.councillorIds[2]!,
    service: "",
    matterCode: "7.10",
    policyHeading: "",
    report: "Le rapport.",
    proposals: "- **APPROUVER** la convention ;",
    cosignatoryId: "",
    cosignatoryTitle: "",
  });

  const rollCall = ({ fixture }: Council) => ({
    entries: fixture.councillorIds.map((councillorId, index) => ({
      councillorId,
      status: index === 3 ? "REPRESENTED" : index === 4 ? "EXCUSED" : "PRESENT",
      proxyHolderId: index === 3 ? fixture.councillorIds[0]! : "",
      note: "",
    })),
  });

  /** Adopted, the second councillor voting against and the third abstaining. */
  async function voted(council: Council, options: { number?: string; sittingId?: string } = {}): Promise<string> {
    const { id } = await modules.createDeliberation({ db, actor: council.clerk, sittingId: options.sittingId ?? council.fixture.sittingId, input: content(council, options.number) });
    await modules.recordAttendance({ db, actor: council.clerk, id, input: rollCall(council) });
    await modules.recordVote({
      db,
      actor: council.clerk,
      id,
      input: {
        secret: false,
        choices: [
          { councillorId: council.fixture.councillorIds[1]!, choice: "AGAINST" },
          { councillorId: council.fixture.councillorIds[2]!, choice: "ABSTENTION" },
        ],
        castingVote: "",
      },
    });
    return id;
  }

  async function auditActions({ fixture }: Council): Promise<string[]> {
    const { rows } = await client.query<{ action: string }>(`SELECT action FROM audit_event WHERE municipality_id = $1 ORDER BY id`, [fixture.municipalityId]);
    return rows.map((row) => row.action);
  }

  beforeAll(async () => {
    const url = await createDatabase("registre_receipt_corrections");
    client = await connect(url);
    db = createPrismaClient(url);
    modules = {
      ...(await import("@/lib/deliberations/create-deliberation")),
      ...(await import("@/lib/deliberations/record-attendance")),
      ...(await import("@/lib/deliberations/record-vote")),
      ...(await import("@/lib/deliberations/record-prefecture-receipt")),
      ...(await import("@/lib/deliberations/publish-deliberation")),
      ...(await import("@/lib/deliberations/rectify-deliberation")),
      ...(await import("@/lib/deliberations/copy-previous-vote")),
      ...(await import("@/lib/sittings/record-list-posting")),
      ...(await import("@/lib/sittings/update-sitting")),
    };
  });
  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  it("[past events]: a reception, signature or posting day after today is refused with French reasons, and nothing is recorded", async () => {
    const council = await newCouncil();
    const id = await voted(council);
    const tomorrow = dayAfter(1);
    const refusal = modules.recordPrefectureReceipt({ db, actor: council.clerk, id, input: { ...RECEIPT, receivedAt: tomorrow, signedAt: tomorrow, postedAt: tomorrow } });
    await expect(refusal).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        receivedAt: [expect.stringMatching(/^La date de réception en préfecture ne peut être postérieure à aujourd'hui \(/)],
        signedAt: [expect.stringMatching(/^La date de signature ne peut être postérieure à aujourd'hui/)],
        postedAt: [expect.stringMatching(/^La date d'affichage du compte rendu ne peut être postérieure à aujourd'hui/)],
      },
    });
    const { rows } = await client.query(`SELECT status, transmitted_at FROM deliberation WHERE id = $1`, [id]);
    expect(rows[0]).toEqual({ status: "VOTED", transmitted_at: null });
    expect(await auditActions(council)).not.toContain("deliberation.transmit");
    // Today is accepted.
    await modules.recordPrefectureReceipt({ db, actor: council.clerk, id, input: { ...RECEIPT, receivedAt: dayAfter(0) } });
  });

  it("[past events]: the vote of a sitting still to come is refused", async () => {
    const council = await newCouncil();
    const sittingId = randomUUID();
    const [convener, secretary] = council.fixture.councillorIds;
    await client.query(
      `INSERT INTO sitting (id, municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
       VALUES ($1, $2, now() + interval '30 days', 'Salle du conseil', current_date, $3, $3, $4)`,
      [sittingId, council.fixture.municipalityId, convener, secretary],
    );
    const { id } = await modules.createDeliberation({ db, actor: council.clerk, sittingId, input: { ...content(council), number: `DL.${dayAfter(30).slice(0, 4)}-1` } });
    await modules.recordAttendance({ db, actor: council.clerk, id, input: rollCall(council) });
    await expect(modules.recordVote({ db, actor: council.clerk, id, input: { secret: false, choices: [], castingVote: "" } })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringMatching(/^La séance du .* n'a pas encore eu lieu : le vote s'enregistre le jour de la séance ou après\.$/),
    });
  });

  it("[receipt]: a typo in the receipt is corrected until publication, the old and new values audited; not after", async () => {
    const council = await newCouncil();
    const id = await voted(council);
    await modules.recordPrefectureReceipt({ db, actor: council.clerk, id, input: { ...RECEIPT, actesId: "013-211300017-20220407-lmc1210470-DE-1-1", postedAt: "" } });
    await modules.correctPrefectureReceipt({ db, actor: council.clerk, id, input: { ...RECEIPT, receivedAt: "2022-04-12", signedAt: "2022-04-11", postedAt: "2022-04-13" } });
    const { rows } = await client.query(
      `SELECT p.actes_id, to_char(p.received_at, 'YYYY-MM-DD') AS received, to_char(d.signed_at, 'YYYY-MM-DD') AS signed,
              to_char(d.posted_at, 'YYYY-MM-DD') AS posted, to_char(d.transmitted_at, 'YYYY-MM-DD') AS transmitted, d.status
       FROM prefecture_receipt p JOIN deliberation d ON d.id = p.deliberation_id WHERE d.id = $1`,
      [id],
    );
    expect(rows[0]).toEqual({ actes_id: ACTES_ID, received: "2022-04-12", signed: "2022-04-11", posted: "2022-04-13", transmitted: "2022-04-12", status: "TRANSMITTED" });
    const audit = await client.query(`SELECT before, after FROM audit_event WHERE municipality_id = $1 AND action = 'deliberation.receipt-correct'`, [council.fixture.municipalityId]);
    expect(audit.rows).toEqual([
      {
        before: { actesId: "013-211300017-20220407-lmc1210470-DE-1-1", receivedAt: "2022-04-11", signedAt: "2022-04-12", postedAt: null },
        after: { actesId: ACTES_ID, receivedAt: "2022-04-12", signedAt: "2022-04-11", postedAt: "2022-04-13" },
      },
    ]);
    // The corrections obey the rules of a first receipt.
    await expect(modules.correctPrefectureReceipt({ db, actor: council.clerk, id, input: { ...RECEIPT, receivedAt: dayAfter(2) } })).rejects.toMatchObject({ fieldErrors: { receivedAt: [expect.stringMatching(/postérieure à aujourd'hui/)] } });
    await modules.publishDeliberation({ db, actor: council.clerk, id, input: { publishedOn: "2022-04-14", publishedAtTime: "10:00" } });
    await expect(modules.correctPrefectureReceipt({ db, actor: council.clerk, id, input: RECEIPT })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringMatching(/est publiée : son accusé de réception ne peut plus être corrigé/),
    });
  });

  it("[rectification]: the new version takes the replaced version's vote in one step and its receipt, ACTES identifier included", async () => {
    const council = await newCouncil();
    const id = await voted(council);
    await modules.recordPrefectureReceipt({ db, actor: council.clerk, id, input: RECEIPT });
    await modules.publishDeliberation({ db, actor: council.clerk, id, input: { publishedOn: "2022-04-12", publishedAtTime: "10:00" } });
    const rectification = await modules.rectifyDeliberation({ db, actor: council.clerk, id, input: { reason: "Erreur matérielle dans l'identifiant ACTES." } });

    const copied = await modules.copyPreviousVote({ db, actor: council.clerk, id: rectification.id });
    expect(copied.outcome).toBe("ADOPTED");
    const votes = await client.query(
      `SELECT d.version, v.votes_for, v.votes_against, v.abstentions, v.non_participation,
              (SELECT json_agg(json_build_object('councillor', r.councillor_id, 'choice', r.choice) ORDER BY r.councillor_id) FROM vote_record r WHERE r.vote_id = v.id) AS records
       FROM deliberation d JOIN vote v ON v.deliberation_id = d.id WHERE d.id IN ($1, $2) ORDER BY d.version`,
      [id, rectification.id],
    );
    expect(votes.rows).toHaveLength(2);
    const [original, copy] = votes.rows as { version: number; records: unknown }[];
    expect({ ...copy, version: 1 }).toEqual(original);
    expect(JSON.stringify(copy!.records)).toContain("AGAINST");

    // Its own receipt: the same identifier is not "another deliberation's".
    await modules.recordPrefectureReceipt({ db, actor: council.clerk, id: rectification.id, input: RECEIPT });
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM prefecture_receipt WHERE actes_id = $1 AND municipality_id = $2`, [ACTES_ID, council.fixture.municipalityId]);
    expect(rows[0].n).toBe(2);

    // Another deliberation may not take it, in the use case…
    const other = await voted(council, { number: "DL.2022-92" });
    await expect(modules.recordPrefectureReceipt({ db, actor: council.clerk, id: other, input: RECEIPT })).rejects.toMatchObject({
      fieldErrors: { actesId: ["Cet identifiant ACTES est déjà enregistré pour une autre délibération (DL.2022-91)."] },
    });
    // …nor in the database (a deferred trigger, RG006).
    await client.query(`UPDATE deliberation SET status = 'TRANSMITTED' WHERE id = $1`, [other]);
    await expect(
      client.query(`INSERT INTO prefecture_receipt (municipality_id, deliberation_id, actes_id, received_at, signed_at) VALUES ($1, $2, $3, '2022-04-11', '2022-04-12')`, [
        council.fixture.municipalityId,
        other,
        ACTES_ID,
      ]),
    ).rejects.toMatchObject({ code: "RG006", constraint: "prefecture_receipt_actes_id_one_act" });
  });

  it("[rectification]: only a rectification of a voted version can take its vote", async () => {
    const council = await newCouncil();
    const { id } = await modules.createDeliberation({ db, actor: council.clerk, sittingId: council.fixture.sittingId, input: content(council) });
    await modules.recordAttendance({ db, actor: council.clerk, id, input: rollCall(council) });
    await expect(modules.copyPreviousVote({ db, actor: council.clerk, id })).rejects.toMatchObject({ code: "INVALID_STATE", message: "Cette délibération ne rectifie aucune version votée : saisissez le vote." });
    await expect(modules.copyPreviousVote({ db, actor: council.clerk, id: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("[sitting]: the list's posting day is entered after the sitting's first publication, audited, never before the sitting nor after today", async () => {
    const council = await newCouncil();
    const id = await voted(council);
    await modules.recordPrefectureReceipt({ db, actor: council.clerk, id, input: RECEIPT });
    await modules.publishDeliberation({ db, actor: council.clerk, id, input: { publishedOn: "2022-04-12", publishedAtTime: "10:00" } });
    const [convenedById, secretaryId] = council.fixture.councillorIds;
    const sitting = {
      date: "2022-04-07", time: "14:00", place: "Salle du conseil", kind: "ORDINARY", isPublic: true, convocationDate: "2022-04-01",
      convenedById, presidentId: convenedById, secretaryId, reconvened: false, membersInOffice: "5", listPostedAt: "2022-04-13",
    };
    // The sitting itself is frozen…
    await expect(modules.updateSitting({ db, actor: council.clerk, id: council.fixture.sittingId, input: sitting })).rejects.toMatchObject({ code: "INVALID_STATE" });
    // …not the later fact of its list's posting.
    await modules.recordListPosting({ db, actor: council.clerk, sittingId: council.fixture.sittingId, input: { listPostedAt: "2022-04-13" } });
    const { rows } = await client.query(`SELECT to_char(list_posted_at, 'YYYY-MM-DD') AS posted FROM sitting WHERE id = $1`, [council.fixture.sittingId]);
    expect(rows[0].posted).toBe("2022-04-13");
    const audit = await client.query(`SELECT entity_id, before, after FROM audit_event WHERE municipality_id = $1 AND action = 'sitting.list-posting'`, [council.fixture.municipalityId]);
    expect(audit.rows).toEqual([{ entity_id: council.fixture.sittingId, before: { listPostedAt: null }, after: { listPostedAt: "2022-04-13" } }]);
    await expect(modules.recordListPosting({ db, actor: council.clerk, sittingId: council.fixture.sittingId, input: { listPostedAt: "2022-04-06" } })).rejects.toMatchObject({
      fieldErrors: { listPostedAt: ["La liste des délibérations ne peut être affichée avant la séance."] },
    });
    await expect(modules.recordListPosting({ db, actor: council.clerk, sittingId: council.fixture.sittingId, input: { listPostedAt: dayAfter(3) } })).rejects.toMatchObject({
      fieldErrors: { listPostedAt: [expect.stringMatching(/^La date d'affichage de la liste des délibérations ne peut être postérieure à aujourd'hui/)] },
    });
    await expect(modules.recordListPosting({ db, actor: null, sittingId: council.fixture.sittingId, input: { listPostedAt: "2022-04-14" } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
