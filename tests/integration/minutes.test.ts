import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import type * as CreateDeliberation from "@/lib/deliberations/create-deliberation";
import type * as RecordAttendance from "@/lib/deliberations/record-attendance";
import type * as RecordVote from "@/lib/deliberations/record-vote";
import type * as MinutesExtract from "@/lib/extracts/get-minutes-extract";
import type * as VerifyExtract from "@/lib/extracts/verify-issued-extract";
import type * as AdoptMinutes from "@/lib/minutes/adopt-minutes";
import type * as ComposeMinutes from "@/lib/minutes/compose-minutes";
import type * as CorrectMinutes from "@/lib/minutes/correct-minutes";
import type * as Deadlines from "@/lib/deadlines/list-deadlines";
import type * as PublicMinutes from "@/lib/minutes/get-public-minutes";
import type * as PublishMinutes from "@/lib/minutes/publish-minutes";
import type * as SaveMinutes from "@/lib/minutes/save-minutes";
import type * as SubmitMinutes from "@/lib/minutes/submit-minutes";
import { connect, createDatabase } from "./support/database";
import { run, writeFile } from "./support/extract-fixtures";
import { insertMunicipality, insertUser, type Fixture } from "./support/factories";

// The procès-verbal's cycle on a real PostgreSQL: composed from the records,
// submitted to a later sitting (whose agenda gains the approval item), adopted
// there, published, then immutable; the database refuses a publication
// before adoption and any change after it; every step is audited; the signed
// PDF names every present member, the quorum, each subject and tally.

type Modules = typeof CreateDeliberation &
  typeof RecordAttendance &
  typeof RecordVote &
  typeof SaveMinutes &
  typeof SubmitMinutes &
  typeof AdoptMinutes &
  typeof PublishMinutes &
  typeof CorrectMinutes &
  typeof Deadlines &
  typeof ComposeMinutes &
  typeof PublicMinutes &
  typeof MinutesExtract &
  typeof VerifyExtract;

const TEXTS = {
  openingDiscussion: "Le maire ouvre la séance et constate le quorum.",
  ballotRequests: "",
  urgencyRuling: "",
  itemDiscussions: {},
};

describe("procès-verbal", () => {
  let client: pg.Client;
  let db: Db;
  let modules: Modules;
  const dataDir = mkdtempSync(path.join(tmpdir(), "registre-minutes-"));
  type Council = { fixture: Fixture; clerk: SessionUser; laterSittingId: string; deliberationId: string };

  /** A held sitting (7 April 2022) with one adopted deliberation on a public ballot, and a later sitting (12 May 2022). */
  async function newCouncil(): Promise<Council> {
    const fixture = await insertMunicipality(client, { members: 5 });
    const clerk = await insertUser(client, fixture.municipalityId, "CLERK", `greffe-${randomUUID().slice(0, 8)}@commune.fr`);
    const laterSittingId = randomUUID();
    await client.query(
      `INSERT INTO sitting (id, municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
       VALUES ($1, $2, '2022-05-12T16:00:00Z', 'Salle du conseil', '2022-05-06', $3, $3, $4)`,
      [laterSittingId, fixture.municipalityId, fixture.councillorIds[0], fixture.councillorIds[1]],
    );
    const { id } = await modules.createDeliberation({
      db,
      actor: clerk,
      sittingId: fixture.sittingId,
      input: {
        number: "DL.2022-91",
        orderInSitting: "1",
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
      },
    });
    await modules.recordAttendance({
      db,
      actor: clerk,
      id,
      input: {
        entries: fixture.councillorIds.map((councillorId, index) => ({
          councillorId,
          status: index === 3 ? "REPRESENTED" : index === 4 ? "EXCUSED" : "PRESENT",
          proxyHolderId: index === 3 ? fixture.councillorIds[0]! : "",
          note: "",
        })),
      },
    });
    await modules.recordVote({
      db,
      actor: clerk,
      id,
      input: { secret: false, choices: [{ councillorId: fixture.councillorIds[1]!, choice: "AGAINST" }], castingVote: "" },
    });
    return { fixture, clerk, laterSittingId, deliberationId: id };
  }

  async function auditActions(council: Council): Promise<string[]> {
    const { rows } = await client.query<{ action: string }>(`SELECT action FROM audit_event WHERE municipality_id = $1 AND entity = 'minutes' ORDER BY id`, [council.fixture.municipalityId]);
    return rows.map((row) => row.action);
  }

  const adoption = { votesFor: "4", votesAgainst: "0", abstentions: "0", observations: "" };

  async function published(council: Council): Promise<void> {
    const { fixture, clerk, laterSittingId } = council;
    await modules.saveMinutes({ db, actor: clerk, sittingId: fixture.sittingId, input: TEXTS });
    await modules.submitMinutes({ db, actor: clerk, sittingId: fixture.sittingId, input: { approvingSittingId: laterSittingId } });
    await modules.adoptMinutes({ db, actor: clerk, sittingId: fixture.sittingId, input: adoption });
    await modules.publishMinutes({ db, actor: clerk, sittingId: fixture.sittingId });
  }

  beforeAll(async () => {
    const url = await createDatabase("registre_minutes");
    client = await connect(url);
    db = createPrismaClient(url);
    process.env.DATABASE_URL = url;
    process.env.REGISTRE_DATA_DIR = dataDir;
    modules = {
      ...(await import("@/lib/deliberations/create-deliberation")),
      ...(await import("@/lib/deliberations/record-attendance")),
      ...(await import("@/lib/deliberations/record-vote")),
      ...(await import("@/lib/minutes/save-minutes")),
      ...(await import("@/lib/minutes/submit-minutes")),
      ...(await import("@/lib/minutes/adopt-minutes")),
      ...(await import("@/lib/minutes/publish-minutes")),
      ...(await import("@/lib/minutes/correct-minutes")),
      ...(await import("@/lib/deadlines/list-deadlines")),
      ...(await import("@/lib/minutes/compose-minutes")),
      ...(await import("@/lib/minutes/get-public-minutes")),
      ...(await import("@/lib/extracts/get-minutes-extract")),
      ...(await import("@/lib/extracts/verify-issued-extract")),
    };
  });
  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  it("[minutes]: the PV is composed from the records: roll call, quorum, report, tally and named votes", async () => {
    const council = await newCouncil();
    const record = await modules.composeMinutes(db, {
      municipalityId: council.fixture.municipalityId,
      sittingId: council.fixture.sittingId,
      texts: { version: 1, correctionReason: null, openingDiscussion: null, ballotRequests: null, urgencyRuling: null, itemDiscussions: { "deliberation:DL.2022-91": "Débat sur la convention." } },
    });
    expect(record.rollCall?.present.map((councillor) => councillor.lastName)).toEqual(["NOM0", "NOM1", "NOM2"]);
    expect(record.rollCall?.represented.map(({ giver, holder }) => [giver.lastName, holder.lastName])).toEqual([["NOM3", "NOM0"]]);
    expect(record.items).toHaveLength(1);
    const [item] = record.items;
    expect(item?.discussion).toBe("Débat sur la convention.");
    expect(item?.deliberation?.quorum).toMatchObject({ present: 3, required: 2, reached: true });
    expect(item?.deliberation?.vote).toMatchObject({ votesFor: 3, votesAgainst: 1, expressed: 4, secret: false });
    expect(item?.deliberation?.vote?.against.map((councillor) => councillor.lastName)).toEqual(["NOM1"]);
    expect(item?.deliberation?.vote?.votedFor.map((councillor) => councillor.lastName)).toEqual(["NOM0", "NOM2", "NOM3"]);
  });

  it("[minutes]: submitting puts « Approbation du procès-verbal de la séance du 7 avril 2022 » on the later sitting's agenda", async () => {
    const council = await newCouncil();
    const { fixture, clerk, laterSittingId } = council;
    await modules.saveMinutes({ db, actor: clerk, sittingId: fixture.sittingId, input: TEXTS });
    await expect(modules.submitMinutes({ db, actor: clerk, sittingId: laterSittingId, input: { approvingSittingId: fixture.sittingId } })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await modules.submitMinutes({ db, actor: clerk, sittingId: fixture.sittingId, input: { approvingSittingId: laterSittingId } });
    const { rows } = await client.query(`SELECT kind, title, position, minutes_sitting_id FROM agenda_item WHERE sitting_id = $1`, [laterSittingId]);
    expect(rows).toEqual([{ kind: "MINUTES_APPROVAL", title: "Approbation du procès-verbal de la séance du 7 avril 2022", position: 1, minutes_sitting_id: fixture.sittingId }]);
    const state = await modules.getPublicMinutesState(db, { municipalityId: fixture.municipalityId, sittingId: fixture.sittingId, zone: "Europe/Paris" });
    expect(state?.state).toBe("Projet de procès-verbal soumis à la séance du 12 mai 2022.");
    // Taken back, the item leaves that agenda.
    await modules.withdrawMinutesSubmission({ db, actor: clerk, sittingId: fixture.sittingId });
    expect((await client.query(`SELECT count(*)::int AS n FROM agenda_item WHERE sitting_id = $1`, [laterSittingId])).rows[0].n).toBe(0);
    // A submission to an earlier sitting is refused by the database too (RG032).
    const earlierSittingId = randomUUID();
    await client.query(
      `INSERT INTO sitting (id, municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
       VALUES ($1, $2, '2022-03-01T17:00:00Z', 'Salle du conseil', '2022-02-23', $3, $3, $4)`,
      [earlierSittingId, fixture.municipalityId, fixture.councillorIds[0], fixture.councillorIds[1]],
    );
    await expect(
      client.query(`UPDATE minutes SET status = 'SUBMITTED', approving_sitting_id = $2, submitted_at = now() WHERE sitting_id = $1`, [fixture.sittingId, earlierSittingId]),
    ).rejects.toMatchObject({ code: "RG032" });
    await expect(modules.submitMinutes({ db, actor: clerk, sittingId: fixture.sittingId, input: { approvingSittingId: earlierSittingId } })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("[minutes]: the PV cannot be published before its adoption, by the use case nor in the database", async () => {
    const council = await newCouncil();
    const { fixture, clerk, laterSittingId } = council;
    await modules.saveMinutes({ db, actor: clerk, sittingId: fixture.sittingId, input: TEXTS });
    await expect(modules.publishMinutes({ db, actor: clerk, sittingId: fixture.sittingId })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await modules.submitMinutes({ db, actor: clerk, sittingId: fixture.sittingId, input: { approvingSittingId: laterSittingId } });
    await expect(modules.publishMinutes({ db, actor: clerk, sittingId: fixture.sittingId })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("après son adoption"),
    });
    // Straight to the table: the workflow trigger refuses SUBMITTED → PUBLISHED.
    await expect(
      client.query(`UPDATE minutes SET status = 'PUBLISHED', published_at = now(), adopted_at = '2022-05-12', adoption_votes_for = 4, adoption_votes_against = 0, adoption_abstentions = 0, record = '{}' WHERE sitting_id = $1`, [fixture.sittingId]),
    ).rejects.toMatchObject({ code: "RG031" });
    // Adopted on another day than the approving sitting's: RG034.
    await expect(
      client.query(`UPDATE minutes SET status = 'ADOPTED', adopted_at = '2022-05-13', adoption_votes_for = 4, adoption_votes_against = 0, adoption_abstentions = 0 WHERE sitting_id = $1`, [fixture.sittingId]),
    ).rejects.toMatchObject({ code: "RG034" });
    // A rejected adoption vote is refused in French.
    await expect(modules.adoptMinutes({ db, actor: clerk, sittingId: fixture.sittingId, input: { ...adoption, votesFor: "1", votesAgainst: "3" } })).rejects.toMatchObject({ code: "VALIDATION" });
    const { rows } = await client.query(`SELECT status FROM minutes WHERE sitting_id = $1`, [fixture.sittingId]);
    expect(rows).toEqual([{ status: "SUBMITTED" }]);
  });

  it("[minutes]: once published the PV cannot change; a correction is a new version pointing to it; every step is audited", async () => {
    const council = await newCouncil();
    const { fixture, clerk } = council;
    await published(council);
    const { rows } = await client.query(`SELECT id, status, adopted_at::text AS adopted_at, record IS NOT NULL AS frozen FROM minutes WHERE sitting_id = $1`, [fixture.sittingId]);
    expect(rows).toEqual([{ id: expect.any(String), status: "PUBLISHED", adopted_at: "2022-05-12", frozen: true }]);
    const id = rows[0].id as string;

    await expect(client.query(`UPDATE minutes SET opening_discussion = 'Réécrit' WHERE id = $1`, [id])).rejects.toMatchObject({ code: "RG030" });
    await expect(client.query(`DELETE FROM minutes WHERE id = $1`, [id])).rejects.toMatchObject({ code: "RG030" });
    await expect(modules.saveMinutes({ db, actor: clerk, sittingId: fixture.sittingId, input: { ...TEXTS, openingDiscussion: "Réécrit" } })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("nouvelle version"),
    });
    // A second first version is refused by the database (RG033).
    await expect(client.query(`INSERT INTO minutes (municipality_id, sitting_id, version, item_discussions) VALUES ($1, $2, 1, '{}')`, [fixture.municipalityId, fixture.sittingId])).rejects.toMatchObject({ code: "RG033" });

    const correction = await modules.correctMinutes({ db, actor: clerk, sittingId: fixture.sittingId, input: { reason: "Nom d'un intervenant corrigé." } });
    expect(correction.version).toBe(2);
    const versions = await client.query(`SELECT version, status, previous_version_id FROM minutes WHERE sitting_id = $1 ORDER BY version`, [fixture.sittingId]);
    expect(versions.rows).toEqual([
      { version: 1, status: "PUBLISHED", previous_version_id: null },
      { version: 2, status: "DRAFT", previous_version_id: id },
    ]);
    // The public still sees the published version's state while the correction is drafted.
    const state = await modules.getPublicMinutesState(db, { municipalityId: fixture.municipalityId, sittingId: fixture.sittingId, zone: "Europe/Paris" });
    expect(state?.state).toMatch(/^Procès-verbal adopté le 12 mai 2022, publié le /);
    expect(state?.published?.version).toBe(1);

    expect(await auditActions(council)).toEqual(["minutes.create", "minutes.submit", "minutes.adopt", "minutes.publish", "minutes.correct"]);
  });

  it("[minutes]: the signed PDF names every present member, the quorum, the subject and the tally; pdfsig validates it; /verifier finds it", async () => {
    const council = await newCouncil();
    const { fixture } = council;
    await published(council);
    const extract = await modules.getMinutesExtractOfSitting({ municipalityId: fixture.municipalityId, sittingId: fixture.sittingId, slug: "2022-04-07" });
    expect(extract?.fileName).toBe("seance-2022-04-07-proces-verbal.pdf");
    const again = await modules.getMinutesExtractOfSitting({ municipalityId: fixture.municipalityId, sittingId: fixture.sittingId, slug: "2022-04-07" });
    expect(again?.sha256).toBe(extract?.sha256);

    const file = writeFile(dataDir, "pv.pdf", extract!.content);
    const text = run("pdftotext", [file, "-"]).replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ");
    for (const name of ["Monsieur Prénom0 NOM0", "Madame Prénom1 NOM1", "Monsieur Prénom2 NOM2"]) expect(text).toContain(name);
    expect(text).toContain("Quorum atteint : 3 présents pour 2 requis");
    expect(text).toContain("CAF - CONVENTION TERRITORIALE GLOBALE");
    const layout = run("pdftotext", ["-layout", file, "-"]);
    expect(layout).toMatch(/Pour\s+: ?3/);
    expect(layout).toMatch(/Contre\s+: ?1/);
    expect(layout).toMatch(/Suffrages Exprimés\s+: ?4/);
    expect(text).toContain("Le maire ouvre la séance et constate le quorum.");
    expect(text).toContain("adopté à l'unanimité par le conseil municipal en sa séance du 12 mai 2022");

    const signature = run("pdfsig", [file]);
    expect(signature).toContain("Signature is Valid.");
    expect(signature).toContain("Total document signed");

    const verification = await modules.verifyIssuedExtract({ municipalityId: fixture.municipalityId, lookup: { sha256: extract!.sha256 } });
    expect(verification).toMatchObject({ kind: "MINUTES", sitting: { startsAt: new Date("2022-04-07T12:00:00Z") }, newer: null });
  });

  it("[minutes]: the deadlines list the PVs owed since 1 July 2022, overdue first, with their legal date", async () => {
    const { fixture, clerk } = await newCouncil();
    const insertSitting = async (startsAt: string) => {
      const id = randomUUID();
      await client.query(
        `INSERT INTO sitting (id, municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
         VALUES ($1, $2, $3, 'Salle du conseil', ($3::timestamptz)::date - 6, $4, $4, $5)`,
        [id, fixture.municipalityId, startsAt, fixture.councillorIds[0], fixture.councillorIds[1]],
      );
      return id;
    };
    const september = await insertSitting("2022-09-29T16:00:00Z");
    const november = await insertSitting("2022-11-10T17:00:00Z");
    await modules.saveMinutes({ db, actor: clerk, sittingId: september, input: TEXTS });
    await modules.submitMinutes({ db, actor: clerk, sittingId: september, input: { approvingSittingId: november } });
    await modules.adoptMinutes({ db, actor: clerk, sittingId: september, input: adoption });
    // The back office's deadlines read the PVs (lib/deadlines, rules in lib/domain/sitting-deadlines.ts).
    const { rows } = await modules.listDeadlines({ db, actor: clerk, now: new Date("2022-11-20T12:00:00Z") });
    const owed = rows.filter((row) => row.kind.startsWith("minutes-"));
    // The sittings of 7 April and 12 May 2022 come before the reform: they owe nothing here.
    expect(owed.map((row) => ({ kind: row.kind, dueDay: row.dueDay, sittingId: row.sitting.id }))).toEqual([
      { kind: "minutes-publication", dueDay: "2022-11-17", sittingId: september },
      { kind: "minutes-submission", dueDay: null, sittingId: november },
    ]);
    expect(owed[0]?.label).toBe("Publier le procès-verbal signé (dans la semaine qui suit son adoption)");
  });
});
