import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import type pg from "pg";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Roles from "@/lib/auth/roles";
import type * as AddAgendaItem from "@/lib/agenda/add-agenda-item";
import type * as MoveAgendaItem from "@/lib/agenda/move-agenda-item";
import type * as RemoveAgendaItem from "@/lib/agenda/remove-agenda-item";
import type * as UpdateAgendaItem from "@/lib/agenda/update-agenda-item";
import type * as SendConvocation from "@/lib/convocations/send-convocation";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { loadOrCreateDevelopmentIdentity } from "@/lib/signing/development-identity";
import { connect, createDatabase } from "./support/database";
import { nssDatabaseTrusting, run, writeFile } from "./support/extract-fixtures";
import { insertMunicipality, insertUser, type Fixture } from "./support/factories";

// The convocation on real PostgreSQL and a real SMTP server: the delay the law
// sets is refused without urgency (by the use case and by the database), the
// e-mails carry the signed PDF, and every step leaves its audit row.

type Modules = typeof Roles & typeof AddAgendaItem & typeof MoveAgendaItem & typeof RemoveAgendaItem & typeof UpdateAgendaItem & typeof SendConvocation;

// The sitting: Friday 15 March 2030 at 18:00 in Paris; "now" for the use case, the 13th at 11:00.
const SITTING_AT = "2030-03-15T17:00:00Z";
const NOW = new Date("2030-03-13T10:00:00Z");

describe("convocation", () => {
  let client: pg.Client;
  let db: Db;
  let modules: Modules;
  const dataDir = mkdtempSync(path.join(tmpdir(), "registre-convocation-"));

  beforeAll(async () => {
    const url = await createDatabase("registre_convocation");
    client = await connect(url);
    process.env.DATABASE_URL = url;
    process.env.REGISTRE_DATA_DIR = dataDir;
    db = createPrismaClient(url);
    modules = {
      ...(await import("@/lib/auth/roles")),
      ...(await import("@/lib/agenda/add-agenda-item")),
      ...(await import("@/lib/agenda/move-agenda-item")),
      ...(await import("@/lib/agenda/remove-agenda-item")),
      ...(await import("@/lib/agenda/update-agenda-item")),
      ...(await import("@/lib/convocations/send-convocation")),
    };
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  /** Five councillors (three with an address, one of them on paper by request), a sitting to come, not convened. */
  async function setUp(options: { population?: number | null } = {}): Promise<{ fixture: Fixture; clerk: Roles.SessionUser; sittingId: string }> {
    const fixture = await insertMunicipality(client, { members: 5 });
    await client.query("UPDATE municipality SET population = $2 WHERE id = $1", [fixture.municipalityId, options.population === undefined ? 12_000 : options.population]);
    const [mayor, second, third, fourth] = fixture.councillorIds;
    await client.query("UPDATE councillor SET email = 'maire@commune.test' WHERE id = $1", [mayor]);
    await client.query("UPDATE councillor SET email = 'elue1@commune.test' WHERE id = $1", [second]);
    await client.query("UPDATE councillor SET email = 'elu2@commune.test', paper_on_request = true WHERE id = $1", [third]);
    await client.query("UPDATE councillor SET email = 'elu3@commune.test' WHERE id = $1", [fourth]);
    const sittingId = randomUUID();
    await client.query(
      `INSERT INTO sitting (id, municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
       VALUES ($1, $2, $3, 'Salle des mariages, 1 place de la Mairie', NULL, $4, $4, $5)`,
      [sittingId, fixture.municipalityId, SITTING_AT, mayor, second],
    );
    const user = await insertUser(client, fixture.municipalityId, "CLERK", `greffe-${fixture.municipalityId}@commune.fr`);
    return { fixture, clerk: user, sittingId };
  }

  async function prepareAgenda(clerk: Roles.SessionUser, fixture: Fixture, sittingId: string): Promise<void> {
    await modules.addAgendaItem({ db, actor: clerk, sittingId, input: { kind: "MINUTES_APPROVAL", title: "Approbation du procès-verbal de la séance du 7 avril 2022", summaryNote: "", deliberationId: "", matterCode: "", minutesSittingId: fixture.sittingId } });
    await modules.addAgendaItem({
      db, actor: clerk, sittingId,
      input: { kind: "DELIBERATION", title: "Tarifs de la cantine scolaire", summaryNote: "Les tarifs augmentent de **2 %** au 1er septembre.", deliberationId: "", matterCode: "7.10", minutesSittingId: "" },
    });
    await modules.addAgendaItem({ db, actor: clerk, sittingId, input: { kind: "COMMUNICATION", title: "Rapport annuel du délégataire de l'eau", summaryNote: "", deliberationId: "", matterCode: "", minutesSittingId: "" } });
  }

  const manual = (sentDate: string, sentTime: string, urgency: { urgent: boolean; urgencyReason: string } = { urgent: false, urgencyReason: "" }) => ({ mode: "manual", sentDate, sentTime, ...urgency });

  async function sendingsOf(sittingId: string) {
    const { rows } = await client.query("SELECT channel, email_address, message_id, sent_at FROM convocation_sending WHERE sitting_id = $1 ORDER BY email_address NULLS LAST", [sittingId]);
    return rows;
  }

  it("[convocation]: a delay shorter than the law's without urgency is refused, and nothing is recorded", async () => {
    const { fixture, clerk, sittingId } = await setUp();
    await prepareAgenda(clerk, fixture, sittingId);
    // Sent on the 12th for the 15th: 2 clear days (13, 14), 5 required from 3,500 inhabitants.
    await expect(modules.sendConvocation({ db, actor: clerk, sittingId, input: manual("2030-03-12", "09:00"), mailer: null, now: NOW })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("Délai trop court : 2 jours francs avant la séance, la loi en demande 5 (envoi au plus tard le 9 mars 2030)"),
      fieldErrors: { urgent: [expect.any(String)] },
    });
    expect(await sendingsOf(sittingId)).toEqual([]);
    const { rows } = await client.query("SELECT convocation_date, urgent FROM sitting WHERE id = $1", [sittingId]);
    expect(rows[0]).toEqual({ convocation_date: null, urgent: false });
  });

  it("[convocation]: the database refuses a short sending without urgency (RG011) and less than a clear day even urgent (RG012)", async () => {
    const { fixture, sittingId } = await setUp();
    const insert = () =>
      client.query(`INSERT INTO convocation_sending (municipality_id, sitting_id, councillor_id, channel, sent_at) VALUES ($1, $2, $3, 'PAPER', '2030-03-12T08:00:00Z')`, [
        fixture.municipalityId, sittingId, fixture.councillorIds[4],
      ]);
    await expect(insert()).rejects.toMatchObject({ code: "RG011" });
    await client.query("UPDATE sitting SET urgent = true, urgency_reason = 'Tempête' WHERE id = $1", [sittingId]);
    await insert();
    await expect(
      client.query(`INSERT INTO convocation_sending (municipality_id, sitting_id, councillor_id, channel, sent_at) VALUES ($1, $2, $3, 'PAPER', '2030-03-14T08:00:00Z')`, [
        fixture.municipalityId, sittingId, fixture.councillorIds[4],
      ]),
    ).rejects.toMatchObject({ code: "RG012" });
    // Lifting the urgency afterwards would make the recorded sending too short.
    await expect(client.query("UPDATE sitting SET urgent = false, urgency_reason = NULL WHERE id = $1", [sittingId])).rejects.toMatchObject({ code: "RG011" });
    // A sending is evidence: never changed nor removed.
    await expect(client.query("DELETE FROM convocation_sending WHERE sitting_id = $1", [sittingId])).rejects.toMatchObject({ code: "RG013" });
  });

  it("[convocation]: an act cannot be voted in a sitting never convened (RG010)", async () => {
    const { fixture, sittingId } = await setUp();
    await expect(
      client.query(
        `INSERT INTO deliberation (municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject, matter_code, report, proposals, status, outcome)
         VALUES ($1, $2, 'DL.2030-1', 2030, 1, 1, 'Objet', '7.10', 'Rapport.', 'APPROUVER.', 'VOTED', 'ADOPTED')`,
        [fixture.municipalityId, sittingId],
      ),
    ).rejects.toMatchObject({ code: "RG010" });
  });

  it("[convocation]: urgent with its reason, the short delay is recorded; the convocation date is the latest sending's day; audited", async () => {
    const { fixture, clerk, sittingId } = await setUp();
    await prepareAgenda(clerk, fixture, sittingId);
    await expect(modules.sendConvocation({ db, actor: clerk, sittingId, input: manual("2030-03-12", "09:00", { urgent: true, urgencyReason: "" }), mailer: null, now: NOW })).rejects.toMatchObject({
      fieldErrors: { urgencyReason: [expect.any(String)] },
    });
    const result = await modules.sendConvocation({
      db, actor: clerk, sittingId, input: manual("2030-03-12", "09:00", { urgent: true, urgencyReason: "Arrêté de péril sur l'école : travaux à voter avant la rentrée." }), mailer: null, now: NOW,
    });
    expect(result).toMatchObject({ sendings: 5, emailed: 3, paper: 2, failed: [] });
    const { rows } = await client.query("SELECT convocation_date::text AS day, urgent, urgency_reason FROM sitting WHERE id = $1", [sittingId]);
    expect(rows[0]).toEqual({ day: "2030-03-12", urgent: true, urgency_reason: "Arrêté de péril sur l'école : travaux à voter avant la rentrée." });
    const sendings = await sendingsOf(sittingId);
    expect(sendings.map((row) => [row.channel, row.email_address])).toEqual([
      ["EMAIL", "elu3@commune.test"],
      ["EMAIL", "elue1@commune.test"],
      ["EMAIL", "maire@commune.test"],
      ["PAPER", null],
      ["PAPER", null],
    ]);
    expect(new Set(sendings.map((row) => row.sent_at.toISOString()))).toEqual(new Set(["2030-03-12T08:00:00.000Z"]));
    const audit = await client.query("SELECT action, entity FROM audit_event WHERE municipality_id = $1 ORDER BY id", [fixture.municipalityId]);
    expect(audit.rows.map((row) => row.action)).toEqual(["agenda_item.create", "deliberation.create", "agenda_item.create", "agenda_item.create", "extract.issue", "convocation.send"]);
    const extracts = await client.query("SELECT kind, file_name FROM issued_extract WHERE sitting_id = $1", [sittingId]);
    expect(extracts.rows).toEqual([{ kind: "CONVOCATION", file_name: "seance-2030-03-15-convocation.pdf" }]);
    // Public from the convocation on, for a public sitting; /verifier finds it by its printed code.
    const { getPublicConvocation } = await import("@/lib/convocations/get-public-convocation");
    await expect(getPublicConvocation({ municipalityId: fixture.municipalityId, sittingId, db })).resolves.toMatchObject({ fileName: "seance-2030-03-15-convocation.pdf" });
    await client.query("UPDATE sitting SET is_public = false WHERE id = $1", [sittingId]);
    await expect(getPublicConvocation({ municipalityId: fixture.municipalityId, sittingId, db })).resolves.toBeNull();
    const { verifyIssuedExtract } = await import("@/lib/extracts/verify-issued-extract");
    await expect(verifyIssuedExtract({ municipalityId: fixture.municipalityId, lookup: { verificationCode: result.verificationCode } })).resolves.toMatchObject({
      kind: "CONVOCATION",
      fileName: "seance-2030-03-15-convocation.pdf",
      sitting: { startsAt: new Date(SITTING_AT) },
    });
  });

  it("[convocation]: from 3,500 inhabitants, a deliberation item without its summary note stops the sending", async () => {
    const { fixture, clerk, sittingId } = await setUp({ population: null });
    await modules.addAgendaItem({ db, actor: clerk, sittingId, input: { kind: "DELIBERATION", title: "Budget primitif", summaryNote: "", deliberationId: "", matterCode: "7.1", minutesSittingId: "" } });
    await expect(modules.sendConvocation({ db, actor: clerk, sittingId, input: manual("2030-03-08", "09:00"), mailer: null, now: NOW })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("La note explicative de synthèse manque pour le point 1"),
    });
    // Below 3,500 the same agenda goes (3 clear days suffice: the 11th gives 12, 13, 14).
    await client.query("UPDATE municipality SET population = 900 WHERE id = $1", [fixture.municipalityId]);
    await expect(modules.sendConvocation({ db, actor: clerk, sittingId, input: manual("2030-03-11", "09:00"), mailer: null, now: NOW })).resolves.toMatchObject({ sendings: 5 });
  });

  it("[convocation]: with SMTP, each councillor with an address gets an e-mail with the signed PDF; paper ones are recorded as paper", async () => {
    const { fixture, clerk, sittingId } = await setUp();
    await prepareAgenda(clerk, fixture, sittingId);
    const received: ParsedMail[] = [];
    const envelopes: string[][] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        envelopes.push(session.envelope.rcptTo.map((recipient) => recipient.address));
        simpleParser(stream).then((mail) => {
          received.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.server.address() as AddressInfo;
    try {
      // "Now" is the 8th: 6 clear days before the 15th.
      const result = await modules.sendConvocation({
        db, actor: clerk, sittingId, input: { mode: "smtp", sentDate: "", sentTime: "", urgent: false, urgencyReason: "" },
        mailer: { host: "127.0.0.1", port, secure: false, from: "Mairie de test <assemblees@commune.test>" },
        now: new Date("2030-03-08T09:00:00Z"),
      });
      expect(result).toMatchObject({ sendings: 5, emailed: 3, paper: 2, failed: [] });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(envelopes.flat().sort()).toEqual(["elu3@commune.test", "elue1@commune.test", "maire@commune.test"]);
    expect(received).toHaveLength(3);
    const mail = received[0]!;
    expect(mail.subject).toBe("Convocation : séance du conseil municipal du 15 mars 2030");
    expect(mail.from?.text).toContain("assemblees@commune.test");
    expect(mail.attachments).toHaveLength(1);
    const attachment = mail.attachments[0]!;
    expect(attachment.contentType).toBe("application/pdf");
    expect(attachment.filename).toBe("seance-2030-03-15-convocation.pdf");

    const identity = await loadOrCreateDevelopmentIdentity(dataDir);
    const directory = mkdtempSync(path.join(tmpdir(), "registre-convocation-pdf-"));
    const rootPemPath = writeFile(directory, "root.pem", identity.rootPem);
    const pdfPath = writeFile(directory, "convocation.pdf", attachment.content);
    const signature = run("pdfsig", ["-nssdir", `sql:${nssDatabaseTrusting(directory, rootPemPath)}`, pdfPath]);
    expect(signature).toContain("Signature is Valid.");
    expect(signature).toContain("Total document signed");
    const text = run("pdftotext", ["-layout", pdfPath, "-"]).replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ");
    for (const expected of ["CONVOCATION DU CONSEIL MUNICIPAL", "vendredi 15 mars 2030 à 18h00", "Salle des mariages, 1 place de la Mairie", "Prénom0 NOM0", "Tarifs de la cantine scolaire", "Rapport annuel du délégataire de l'eau", "Approbation du procès-verbal de la séance du 7 avril 2022", "NOTES EXPLICATIVES DE SYNTHÈSE", "Les tarifs augmentent de 2 %"]) {
      expect(text).toContain(expected);
    }

    const sendings = await sendingsOf(sittingId);
    expect(sendings.filter((row) => row.channel === "EMAIL").every((row) => typeof row.message_id === "string" && row.message_id.includes("@"))).toBe(true);
    expect(sendings.filter((row) => row.channel === "PAPER")).toHaveLength(2);
    const { rows } = await client.query("SELECT convocation_date::text AS day FROM sitting WHERE id = $1", [sittingId]);
    expect(rows[0].day).toBe("2030-03-08");
    const audit = await client.query("SELECT after FROM audit_event WHERE action = 'convocation.send' AND entity_id = $1", [sittingId]);
    expect(audit.rows[0].after).toMatchObject({ mode: "smtp", urgent: false, convocationDate: "2030-03-08" });
    expect(audit.rows[0].after.sendings).toHaveLength(5);
  });

  it("[agenda]: items are edited, moved and removed, renumbered 1, 2, 3, each step audited; a removed item's draft stays", async () => {
    const { fixture, clerk, sittingId } = await setUp();
    await prepareAgenda(clerk, fixture, sittingId);
    const items = async () => (await client.query("SELECT id, position, kind, title, summary_note, deliberation_id FROM agenda_item WHERE sitting_id = $1 ORDER BY position", [sittingId])).rows;
    const [approval, deliberation, communication] = await items();
    expect(deliberation.deliberation_id).toEqual(expect.any(String));
    const draft = await client.query("SELECT number, subject, status, report FROM deliberation WHERE id = $1", [deliberation.deliberation_id]);
    expect(draft.rows[0]).toEqual({ number: "DL.2030-1", subject: "Tarifs de la cantine scolaire", status: "DRAFT", report: "Les tarifs augmentent de **2 %** au 1er septembre." });

    await modules.moveAgendaItem({ db, actor: clerk, itemId: communication.id, direction: "up" });
    expect((await items()).map((item) => item.kind)).toEqual(["MINUTES_APPROVAL", "COMMUNICATION", "DELIBERATION"]);
    await modules.updateAgendaItem({ db, actor: clerk, itemId: communication.id, input: { title: "Rapport annuel 2029 du délégataire de l'eau", summaryNote: "Présenté par le délégataire." } });
    await modules.removeAgendaItem({ db, actor: clerk, itemId: approval.id });
    expect((await items()).map((item) => [item.position, item.title, item.summary_note])).toEqual([
      [1, "Rapport annuel 2029 du délégataire de l'eau", "Présenté par le délégataire."],
      [2, "Tarifs de la cantine scolaire", "Les tarifs augmentent de **2 %** au 1er septembre."],
    ]);
    expect((await client.query("SELECT count(*)::int AS n FROM deliberation WHERE id = $1", [deliberation.deliberation_id])).rows[0].n).toBe(1);
    const audit = await client.query("SELECT action FROM audit_event WHERE municipality_id = $1 AND entity = 'agenda_item' ORDER BY id", [fixture.municipalityId]);
    expect(audit.rows.map((row) => row.action)).toEqual(["agenda_item.create", "agenda_item.create", "agenda_item.create", "agenda_item.move", "agenda_item.update", "agenda_item.remove"]);
    // A draft already on the agenda is not linked twice; a staff member cannot edit.
    await expect(modules.addAgendaItem({ db, actor: clerk, sittingId, input: { kind: "DELIBERATION", title: "Doublon", summaryNote: "", deliberationId: deliberation.deliberation_id, matterCode: "", minutesSittingId: "" } })).rejects.toMatchObject({ code: "CONFLICT" });
    const staff = await insertUser(client, fixture.municipalityId, "STAFF", `agent-${fixture.municipalityId}@commune.fr`);
    await expect(modules.removeAgendaItem({ db, actor: staff, itemId: communication.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("[deadlines]: the home's deadlines: the convocation to send, the list to post, the acts to transmit and publish, most urgent first", async () => {
    const { fixture, clerk, sittingId } = await setUp();
    const { listDeadlines } = await import("@/lib/deadlines/list-deadlines");
    // The fixture's sitting of 7 April 2022 (before July 2022): one act voted, not posted, not transmitted.
    await client.query(
      `INSERT INTO deliberation (municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject, matter_code, report, proposals, status)
       VALUES ($1, $2, 'DL.2022-1', 2022, 1, 1, 'Subvention au club', '7.5', 'Rapport.', 'APPROUVER.', 'DRAFT')`,
      [fixture.municipalityId, fixture.sittingId],
    );
    const { rows } = await listDeadlines({ db, actor: clerk, now: new Date("2030-03-05T09:00:00Z") });
    const mine = rows.filter((row) => row.sitting.id === sittingId || row.sitting.id === fixture.sittingId);
    expect(mine.map((row) => [row.kind, row.dueDay])).toEqual([["convocation", "2030-03-09"]]);
    expect(mine[0]).toMatchObject({ label: "Envoyer la convocation (5 jours francs avant la séance)", href: `/admin/seances/${sittingId}#convocation` });
    // Voted: the act to transmit (no legal date) and the compte rendu to post within eight days (the rules of 2022's date).
    await client.query("UPDATE deliberation SET status = 'VOTED', outcome = 'ADOPTED', voted_at = '2022-04-07' WHERE number = 'DL.2022-1' AND municipality_id = $1", [fixture.municipalityId]);
    const after = (await listDeadlines({ db, actor: clerk, now: new Date("2030-03-05T09:00:00Z") })).rows.filter((row) => row.sitting.id === fixture.sittingId);
    expect(after.map((row) => [row.kind, row.dueDay])).toEqual([
      ["list-posting", "2022-04-15"],
      ["act-transmission", null],
    ]);
    expect(after[0]!.label).toBe("Afficher et mettre en ligne le compte rendu de la séance");
  });

  it("[convocation]: the councillors' addresses and paper requests never reach the public API nor the councillors' public records", async () => {
    const { fixture } = await setUp();
    const { listApiCouncillors, getApiCouncillor } = await import("@/lib/opendata/api/councillors");
    const { getCouncillorRecord } = await import("@/lib/councillor-records/get-councillor-record");
    const publicForms = JSON.stringify([
      await listApiCouncillors({ municipalityId: fixture.municipalityId, query: { page: 1, perPage: 100 }, db }),
      await getApiCouncillor({ municipalityId: fixture.municipalityId, id: fixture.councillorIds[2]!, db }),
      await getCouncillorRecord({ municipalityId: fixture.municipalityId, id: fixture.councillorIds[2]!, db }),
    ]);
    expect(publicForms).toContain("NOM2");
    expect(publicForms).not.toMatch(/commune\.test|paperOnRequest|paper_on_request/);
  });

  it("[convocation]: once convened, the sitting's form cannot type another convocation date; left as is, the edit goes through", async () => {
    const { fixture, clerk, sittingId } = await setUp();
    await prepareAgenda(clerk, fixture, sittingId);
    await modules.sendConvocation({ db, actor: clerk, sittingId, input: manual("2030-03-08", "09:00"), mailer: null, now: NOW });
    const { updateSitting } = await import("@/lib/sittings/update-sitting");
    const form = {
      date: "2030-03-15", time: "18:00", place: "Salle des mariages, 1 place de la Mairie", kind: "ORDINARY", isPublic: true,
      convenedById: fixture.councillorIds[0], presidentId: fixture.councillorIds[0], secretaryId: fixture.councillorIds[1], reconvened: false, membersInOffice: "", listPostedAt: "",
    };
    await expect(updateSitting({ db, actor: clerk, id: sittingId, input: { ...form, convocationDate: "2030-03-01" } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { convocationDate: ["La séance est convoquée : sa date de convocation est celle du dernier envoi (8 mars 2030), elle ne se saisit pas."] },
    });
    await updateSitting({ db, actor: clerk, id: sittingId, input: { ...form, convocationDate: "", place: "Salle du conseil" } });
    const { rows } = await client.query("SELECT convocation_date::text AS day, place FROM sitting WHERE id = $1", [sittingId]);
    expect(rows[0]).toEqual({ day: "2030-03-08", place: "Salle du conseil" });
  });
});
