import { mkdtempSync } from "node:fs";
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type pg from "pg";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { migrate, MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { formatCouncillorName } from "@/lib/domain/format";
import type * as DeliberationPageModule from "@/app/(public)/deliberations/[number]/page";
import type * as ScdlFileRoute from "@/app/(public)/donnees/scdl/[file]/route";
import type * as SittingPageModule from "@/app/(public)/seances/[date]/page";
import type * as ApiDeliberationRoute from "@/app/api/v1/deliberations/[number]/route";
import type * as GetCouncillorRecord from "@/lib/councillor-records/get-councillor-record";
import type * as UpdateCouncillor from "@/lib/councillors/update-councillor";
import type * as CreateDeliberation from "@/lib/deliberations/create-deliberation";
import type * as PublishDeliberation from "@/lib/deliberations/publish-deliberation";
import type * as RecordAttendance from "@/lib/deliberations/record-attendance";
import type * as RecordPrefectureReceipt from "@/lib/deliberations/record-prefecture-receipt";
import type * as RecordVote from "@/lib/deliberations/record-vote";
import type * as BuildWorkingDocument from "@/lib/extracts/build-working-document";
import type * as GetDeliberationExtract from "@/lib/extracts/get-deliberation-extract";
import type * as GetSittingListExtract from "@/lib/extracts/get-sitting-list-extract";
import type * as UpdateMunicipalitySettings from "@/lib/municipality/update-municipality-settings";
import { connect, createDatabase, databaseUrl } from "./support/database";
import { run, writeFile } from "./support/extract-fixtures";
import { insertUser } from "./support/factories";

// A published act states names and figures held in other tables (councillors,
// the municipality's settings). They are frozen at publication: renaming the
// councillors an act names and editing the settings afterwards changes none of
// its renderings (page, API, SCDL CSV, the signed extract issued before, the
// sitting's page and list, a councillor's page), which keep agreeing word for
// word, while a draft still follows the rows as they are now.

type Modules = typeof CreateDeliberation &
  typeof RecordAttendance &
  typeof RecordVote &
  typeof RecordPrefectureReceipt &
  typeof PublishDeliberation &
  typeof UpdateCouncillor &
  typeof UpdateMunicipalitySettings &
  typeof GetDeliberationExtract &
  typeof GetSittingListExtract &
  typeof BuildWorkingDocument &
  typeof GetCouncillorRecord & {
    DeliberationPage: (typeof DeliberationPageModule)["default"];
    SittingPage: (typeof SittingPageModule)["default"];
    apiDeliberation: (typeof ApiDeliberationRoute)["GET"];
    scdlFile: (typeof ScdlFileRoute)["GET"];
  };

type Named = { civility: "MONSIEUR" | "MADAME"; firstName: string; lastName: string };

const SNAPSHOT_MIGRATION = "20261201030000_published_snapshot";
const NUMBER = "DL.2022-95";
const SITTING_DAY = "2022-04-07";
const flat = (text: string) => text.replace(/\s+/g, " ").trim();
const htmlText = (html: string) =>
  flat(
    html
      .replace(/<script[\s\S]*?<\/script>/g, " ")
      .replace(/<[^>]+>/g, " ")
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&")
      .replace(/&nbsp;|&#xa0;/gi, " "),
  );

describe("a published act is frozen at its publication", () => {
  let db: Db;
  let client: pg.Client;
  let modules: Modules;
  let municipalityId: string;
  let clerk: SessionUser;
  let admin: SessionUser;
  const dataDir = mkdtempSync(path.join(tmpdir(), "registre-snapshot-"));

  /** The councillors the act names, by part, as they were named at publication. */
  let named: Record<"president" | "secretary" | "rapporteur" | "present" | "holder" | "giver" | "against", Named & { id: string }>;
  let stated: { name: string; membersInOffice: number; appealNotice: string; administrativeCourt: string };
  let extractSha: string;
  let extractText: string;
  let draftId: string;

  const renamed = (who: Named) => ({ ...who, lastName: `${who.lastName.slice(0, 3)}RENOMMÉ` });

  async function pageText(number: string): Promise<string> {
    const element = await modules.DeliberationPage({ params: Promise.resolve({ number }) });
    return htmlText(renderToStaticMarkup(element));
  }

  async function sittingPageText(date: string): Promise<string> {
    const element = await modules.SittingPage({ params: Promise.resolve({ date }) });
    return htmlText(renderToStaticMarkup(element));
  }

  async function pdfText(bytes: Uint8Array, name: string): Promise<string> {
    return flat(run("pdftotext", [writeFile(dataDir, name, bytes), "-"]));
  }

  async function api(number: string) {
    const response = await modules.apiDeliberation(new Request(`http://127.0.0.1/api/v1/deliberations/${number}`), {
      params: Promise.resolve({ number: encodeURIComponent(number) }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as {
      rapporteurId: string;
      presidentId: string;
      secretaryId: string;
      attendance: { councillorId: string; status: string; proxyHolderId: string | null }[];
      vote: { choices: { councillorId: string; choice: string }[] };
      councillors: (Named & { id: string })[];
      municipality: { name: string; membersInOffice: number; appealNotice: string; administrativeCourt: string };
    };
  }

  async function csvRow(number: string): Promise<Record<string, string>> {
    const response = await modules.scdlFile(new Request("http://127.0.0.1/donnees/scdl/deliberations-2022.csv"), {
      params: Promise.resolve({ file: "deliberations-2022.csv" }),
    });
    const rows = parse(await response.text(), { columns: true, bom: true }) as Record<string, string>[];
    const row = rows.find((candidate) => candidate.DELIB_ID === number);
    if (!row) throw new Error(`${number} manque au fichier SCDL`);
    return row;
  }

  async function councillorRow(id: string) {
    const { rows } = await client.query(
      `SELECT civility, first_name AS "firstName", last_name AS "lastName", role, role_label AS "roleLabel",
         to_char(mandate_start, 'YYYY-MM-DD') AS "mandateStart", coalesce(to_char(mandate_end, 'YYYY-MM-DD'), '') AS "mandateEnd"
       FROM councillor WHERE id = $1`,
      [id],
    );
    return rows[0] as Named & { role: string; roleLabel: string | null; mandateStart: string; mandateEnd: string };
  }

  beforeAll(async () => {
    const url = await createDatabase("registre_published_snapshot", { seeded: "reference" });
    db = createPrismaClient(url);
    client = await connect(url);
    process.env.DATABASE_URL = url;
    process.env.REGISTRE_DATA_DIR = dataDir;
    process.env.PUBLIC_BASE_URL = "http://127.0.0.1:3000";
    modules = {
      ...(await import("@/lib/deliberations/create-deliberation")),
      ...(await import("@/lib/deliberations/record-attendance")),
      ...(await import("@/lib/deliberations/record-vote")),
      ...(await import("@/lib/deliberations/record-prefecture-receipt")),
      ...(await import("@/lib/deliberations/publish-deliberation")),
      ...(await import("@/lib/councillors/update-councillor")),
      ...(await import("@/lib/municipality/update-municipality-settings")),
      ...(await import("@/lib/extracts/get-deliberation-extract")),
      ...(await import("@/lib/extracts/get-sitting-list-extract")),
      ...(await import("@/lib/extracts/build-working-document")),
      ...(await import("@/lib/councillor-records/get-councillor-record")),
      DeliberationPage: (await import("@/app/(public)/deliberations/[number]/page")).default,
      SittingPage: (await import("@/app/(public)/seances/[date]/page")).default,
      apiDeliberation: (await import("@/app/api/v1/deliberations/[number]/route")).GET,
      scdlFile: (await import("@/app/(public)/donnees/scdl/[file]/route")).GET,
    };
    const { rows: municipalities } = await client.query<{ id: string }>(`SELECT id FROM municipality WHERE slug = 'aix-en-provence'`);
    municipalityId = municipalities[0]!.id;
    clerk = await insertUser(client, municipalityId, "CLERK", "greffe@snapshot.test");
    admin = await insertUser(client, municipalityId, "ADMIN", "admin@snapshot.test");

    // DL.2022-95, in the sitting of the reference case, with its roll call (40 present, 7 proxies),
    // a rapporteur, one vote against and a receipt recorded before publication; published through
    // the use cases; its extract downloaded (built, signed, stored).
    const { rows: sittings } = await client.query(
      `SELECT s.id, s.president_id, s.secretary_id FROM sitting s JOIN deliberation d ON d.sitting_id = s.id WHERE d.number = 'DL.2022-91'`,
    );
    const sitting = sittings[0] as { id: string; president_id: string; secretary_id: string };
    const { rows: attendance } = await client.query(
      `SELECT a.councillor_id, a.status, a.proxy_holder_id FROM attendance a JOIN deliberation d ON d.id = a.deliberation_id
       JOIN councillor c ON c.id = a.councillor_id
       WHERE d.number = 'DL.2022-91' ORDER BY c.last_name, c.first_name`,
    );
    const proxy = attendance.find((entry) => entry.status === "REPRESENTED")!;
    const present = attendance.filter((entry) => entry.status === "PRESENT" && entry.councillor_id !== sitting.president_id && entry.councillor_id !== sitting.secretary_id && entry.councillor_id !== proxy.proxy_holder_id);
    const [rapporteurId, presentId, againstId] = present.slice(0, 3).map((entry) => entry.councillor_id as string) as [string, string, string];

    const { id } = await modules.createDeliberation({
      db,
      actor: clerk,
      sittingId: sitting.id,
      input: {
        number: NUMBER, orderInSitting: "95", subject: "Convention de gestion du jardin partagé des Floralies", reportSubject: "",
        rapporteurId, service: "", matterCode: "8.8", policyHeading: "", report: "Le jardin partagé des Floralies est confié à une association.",
        proposals: "APPROUVER la convention de gestion du jardin partagé.", cosignatoryId: sitting.secretary_id, cosignatoryTitle: "Secrétaire de séance",
      },
    });
    await modules.recordAttendance({
      db,
      actor: clerk,
      id,
      input: { entries: attendance.map((entry) => ({ councillorId: entry.councillor_id, status: entry.status, proxyHolderId: entry.proxy_holder_id ?? "", note: "" })) },
    });
    await modules.recordVote({ db, actor: clerk, id, input: { secret: false, choices: [{ councillorId: againstId, choice: "AGAINST" }], castingVote: "" } });
    await modules.recordPrefectureReceipt({
      db,
      actor: clerk,
      id,
      input: { actesId: "013-211300017-20220407-lmc1210495-DE-1-1", receivedAt: "2022-04-13", signedAt: "2022-04-12", postedAt: "2022-04-14" },
    });
    await modules.publishDeliberation({ db, actor: clerk, id, input: { publishedOn: "2022-04-15", publishedAtTime: "10:00" } });

    const nameOf = async (councillorId: string) => ({ id: councillorId, ...(await councillorRow(councillorId)) });
    named = {
      president: await nameOf(sitting.president_id),
      secretary: await nameOf(sitting.secretary_id),
      rapporteur: await nameOf(rapporteurId),
      present: await nameOf(presentId),
      holder: await nameOf(proxy.proxy_holder_id),
      giver: await nameOf(proxy.councillor_id),
      against: await nameOf(againstId),
    };
    const { rows: settings } = await client.query(
      `SELECT name, members_in_office AS "membersInOffice", appeal_notice AS "appealNotice", administrative_court AS "administrativeCourt" FROM municipality WHERE id = $1`,
      [municipalityId],
    );
    stated = settings[0];

    const extract = await modules.getDeliberationExtract({ municipality: { id: municipalityId }, number: NUMBER });
    extractSha = extract!.sha256;
    extractText = await pdfText(extract!.content, "extrait-avant.pdf");

    // A draft of the same sitting, naming the same rapporteur: it is not frozen.
    ({ id: draftId } = await modules.createDeliberation({
      db,
      actor: clerk,
      sittingId: sitting.id,
      input: {
        number: "DL.2022-96", orderInSitting: "96", subject: "Projet en cours de rédaction", reportSubject: "", rapporteurId, service: "",
        matterCode: "8.8", policyHeading: "", report: "Rapport en préparation.", proposals: "APPROUVER.", cosignatoryId: "", cosignatoryTitle: "",
      },
    }));

    // After publication: every councillor the act names is renamed, the settings are edited.
    for (const councillor of Object.values(named)) {
      const row = await councillorRow(councillor.id);
      await modules.updateCouncillor({ db, actor: admin, id: councillor.id, input: { ...row, roleLabel: row.roleLabel ?? "", lastName: renamed(row).lastName } });
    }
    const { rows: current } = await client.query(
      `SELECT commune_name, address, coalesce(email, '') AS email, coalesce(phone, '') AS phone, coalesce(website, '') AS website, coalesce(annex_notice, '') AS annex_notice
       FROM municipality WHERE id = $1`,
      [municipalityId],
    );
    await modules.updateMunicipalitySettings({
      db,
      actor: admin,
      input: {
        name: "Métropole renommée",
        communeName: current[0].commune_name,
        address: current[0].address,
        email: current[0].email,
        phone: current[0].phone,
        website: current[0].website,
        administrativeCourt: "Tribunal administratif de Toulon",
        membersInOffice: "61",
        appealNotice: "Nouvelle mention de recours, postérieure à la publication.",
        annexNotice: current[0].annex_notice,
      },
    });
  }, 240_000);

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  it("[snapshot]: the renaming and the new settings did happen (the live rows changed)", async () => {
    for (const councillor of Object.values(named)) expect((await councillorRow(councillor.id)).lastName).toBe(renamed(councillor).lastName);
    const { rows } = await client.query(`SELECT name, members_in_office FROM municipality WHERE id = $1`, [municipalityId]);
    expect(rows[0]).toEqual({ name: "Métropole renommée", members_in_office: 61 });
    expect(stated.membersInOffice).toBe(55);
  });

  it("[snapshot]: the page, the API, the SCDL CSV and the stored extract still state the names and settings of the publication, word for word", async () => {
    const page = await pageText(NUMBER);
    const json = await api(NUMBER);
    const csv = await csvRow(NUMBER);
    const stored = await modules.getDeliberationExtract({ municipality: { id: municipalityId }, number: NUMBER });
    expect(stored!.sha256).toBe(extractSha);
    const pdf = await pdfText(stored!.content, "extrait-apres.pdf");
    expect(pdf).toBe(extractText);

    const apiName = (id: string) => {
      const councillor = json.councillors.find((candidate) => candidate.id === id);
      return councillor ? formatCouncillorName(councillor) : `absent de l'API : ${id}`;
    };
    for (const [part, councillor] of Object.entries(named)) {
      const asPublished = formatCouncillorName(councillor);
      const asRenamed = formatCouncillorName(renamed(councillor));
      expect(page, `${part} sur la page`).toContain(asPublished);
      expect(pdf, `${part} dans l'extrait`).toContain(asPublished);
      expect(apiName(councillor.id), `${part} dans l'API`).toBe(asPublished);
      for (const text of [page, pdf, JSON.stringify(json)]) expect(text).not.toContain(renamed(councillor).lastName);
      expect(asRenamed).not.toBe(asPublished);
    }
    // Each named in the part the act gives them, on the page and in the extract alike.
    const rapporteurSentence = `${formatCouncillorName(named.rapporteur)} donne lecture du rapport ci-joint.`;
    const proxySentence = `${formatCouncillorName(named.giver)} à ${formatCouncillorName(named.holder)}`;
    const againstSentence = `Ont voté contre ${formatCouncillorName(named.against)}`;
    for (const text of [page, pdf]) {
      expect(text).toContain(proxySentence);
      expect(text).toContain(againstSentence);
      expect(text).toContain(`Présidence de ${formatCouncillorName(named.president, { withCivility: false })}`);
      expect(text).toContain(rapporteurSentence);
      expect(text).toContain(`Secrétaire : ${formatCouncillorName(named.secretary)}`);
    }
    expect(json.presidentId).toBe(named.president.id);
    expect(json.secretaryId).toBe(named.secretary.id);
    expect(json.rapporteurId).toBe(named.rapporteur.id);
    expect(json.attendance.find((entry) => entry.councillorId === named.giver.id)).toEqual({ councillorId: named.giver.id, status: "REPRESENTED", proxyHolderId: named.holder.id });
    expect(json.vote.choices.filter((entry) => entry.choice === "AGAINST")).toEqual([{ councillorId: named.against.id, choice: "AGAINST" }]);

    // The municipality as the act states it.
    expect(json.municipality).toEqual({ name: stated.name, siret: "21130001700011", membersInOffice: 55, appealNotice: stated.appealNotice, administrativeCourt: stated.administrativeCourt });
    expect(csv.COLL_NOM).toBe(stated.name);
    expect(csv.VOTE_EFFECTIF).toBe("55");
    expect(csv.VOTE_REEL).toBe("47");
    expect(csv.VOTE_CONTRE).toBe("1");
    // The PDF sets French no-break spaces around « » : ; ! ?, the page leaves them as typed.
    const typeset = (text: string) => flat(text).replace(/\s*([«»:;!?])\s*/g, "$1");
    expect(typeset(page)).toContain(typeset(stated.appealNotice));
    expect(typeset(pdf)).toContain(typeset(stated.appealNotice));
    for (const text of [page, pdf, JSON.stringify(json), JSON.stringify(csv)]) {
      expect(text).not.toContain("Métropole renommée");
      expect(text).not.toContain("Nouvelle mention de recours");
      expect(text).not.toContain("Toulon");
    }
  });

  it("[snapshot]: the act published before (the seeded DL.2022-91) and its sitting's page and list keep their names too", async () => {
    const reference = await pageText("DL.2022-91");
    expect(reference).toContain(`Présidence de ${formatCouncillorName(named.president, { withCivility: false })}`);
    expect(reference).not.toContain(renamed(named.president).lastName);

    const sittingPage = await sittingPageText(SITTING_DAY);
    expect(sittingPage).toContain(stated.name);
    expect(sittingPage).toContain("sur 55 membres en exercice");
    expect(sittingPage).not.toContain("Métropole renommée");
    for (const councillor of Object.values(named)) expect(sittingPage).not.toContain(renamed(councillor).lastName);
    expect(sittingPage).toContain(formatCouncillorName(named.president, { withCivility: false }));

    const list = await modules.getSittingListExtract({ municipality: { id: municipalityId }, date: SITTING_DAY });
    const listText = await pdfText(list!.content, "liste.pdf");
    expect(listText).toContain(`Présidence de ${formatCouncillorName(named.president, { withCivility: false })}`);
    expect(listText).toContain(NUMBER);
    expect(listText).not.toContain(renamed(named.president).lastName);
    expect(listText).not.toContain("MÉTROPOLE RENOMMÉE");
  });

  it("[snapshot]: a councillor's page shows the current name, and the acts it lists name the others as they state", async () => {
    const holder = await modules.getCouncillorRecord({ municipalityId, id: named.holder.id });
    expect(holder!.lastName).toBe(renamed(named.holder).lastName);
    const held = holder!.proxiesHeld.find((proxy) => proxy.number === NUMBER && proxy.giver.id === named.giver.id);
    expect(held?.giver.lastName).toBe(named.giver.lastName);
    const giver = await modules.getCouncillorRecord({ municipalityId, id: named.giver.id });
    expect(giver!.proxiesGiven.find((proxy) => proxy.number === NUMBER)?.holder?.lastName).toBe(named.holder.lastName);
  });

  it("[snapshot]: a draft still follows the rows as they are now", async () => {
    const document = await modules.buildWorkingDocument({ user: clerk, deliberationId: draftId });
    if (document.kind !== "working-document") throw new Error("un projet donne un document de travail");
    const text = await pdfText(document.bytes, "projet.pdf");
    expect(text).toContain(`${formatCouncillorName(renamed(named.rapporteur))} donne lecture du rapport ci-joint.`);
    expect(text).toContain("MÉTROPOLE RENOMMÉE");
    expect(text).toContain("Nouvelle mention de recours, postérieure à la publication.");
  });

  it("[snapshot]: the database refuses to change or delete a published act's snapshot", async () => {
    const { rows } = await client.query(`SELECT d.id FROM deliberation d WHERE d.number = $1`, [NUMBER]);
    const id = rows[0].id as string;
    await expect(
      client.query(`UPDATE deliberation_snapshot SET record = jsonb_set(record, '{rapporteur,lastName}', '"AUTRE"') WHERE deliberation_id = $1`, [id]),
    ).rejects.toThrow(/cannot be changed or deleted/);
    await expect(
      client.query(`UPDATE deliberation_snapshot SET municipality_record = jsonb_set(municipality_record, '{membersInOffice}', '61') WHERE deliberation_id = $1`, [id]),
    ).rejects.toThrow(/cannot be changed or deleted/);
    await expect(client.query(`DELETE FROM deliberation_snapshot WHERE deliberation_id = $1`, [id])).rejects.toThrow(/cannot be changed or deleted/);
    const { rows: after } = await client.query(
      `SELECT s.record -> 'rapporteur' ->> 'lastName' AS name,
         encode(sha256(convert_to(s.record::text || s.municipality_record::text, 'UTF8')), 'hex') AS digest, a.after ->> 'snapshotDigest' AS audited
       FROM deliberation_snapshot s JOIN audit_event a ON a.entity_id = s.deliberation_id::text AND a.action = 'deliberation.publish'
       WHERE s.deliberation_id = $1`,
      [id],
    );
    expect(after[0].name).toBe(named.rapporteur.lastName);
    // The publication's audit row holds the snapshot's digest, taken in the same transaction.
    expect(after[0].audited).toMatch(/^[0-9a-f]{64}$/);
    expect(after[0].digest).toBe(after[0].audited);
  });

  it("[snapshot]: a published act cannot exist without its snapshot, nor a snapshot without a published act", async () => {
    // A snapshot written by hand for a draft is refused at commit.
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO deliberation_snapshot (deliberation_id, municipality_id, municipality_record, record)
       SELECT d.id, d.municipality_id, municipality_record(d.municipality_id), jsonb_set(deliberation_record(d.id), '{status}', '"PUBLISHED"')
       FROM deliberation d WHERE d.id = $1`,
      [draftId],
    );
    await expect(client.query("COMMIT")).rejects.toThrow(/is not published but has a snapshot: an act is frozen at its publication, and only then/);

    // Publishing with the snapshot's trigger switched off is refused at commit.
    await client.query("BEGIN");
    await client.query(`ALTER TABLE deliberation DISABLE TRIGGER deliberation_snapshot_take_on_publish`);
    await client.query(`UPDATE deliberation SET status = 'PUBLISHED', outcome = 'ADOPTED', published_at = now() WHERE id = $1`, [draftId]);
    await expect(client.query("COMMIT")).rejects.toThrow(/is published without a snapshot/);
    const { rows } = await client.query(`SELECT status FROM deliberation WHERE id = $1`, [draftId]);
    expect(rows[0].status).toBe("DRAFT");
    const { rows: triggers } = await client.query(`SELECT tgenabled FROM pg_trigger WHERE tgname = 'deliberation_snapshot_take_on_publish'`);
    expect(triggers[0].tgenabled).toBe("O");
  });

  it("[snapshot]: what the act states of its sitting is refused any change; the posting of the list stays recordable", async () => {
    const { rows } = await client.query(`SELECT sitting_id FROM deliberation WHERE number = $1`, [NUMBER]);
    const sittingId = rows[0].sitting_id as string;
    await expect(client.query(`UPDATE sitting SET place = 'Ailleurs' WHERE id = $1`, [sittingId])).rejects.toThrow(/what they state of it cannot be changed/);
    await expect(client.query(`UPDATE sitting SET president_id = secretary_id WHERE id = $1`, [sittingId])).rejects.toThrow(/what they state of it cannot be changed/);
    await client.query(`UPDATE sitting SET list_posted_at = '2022-04-12' WHERE id = $1`, [sittingId]);
    const { rows: after } = await client.query(`SELECT to_char(list_posted_at, 'YYYY-MM-DD') AS day FROM sitting WHERE id = $1`, [sittingId]);
    expect(after[0].day).toBe("2022-04-12");
  });
});

describe("acts published before the snapshot existed", () => {
  let client: pg.Client;

  beforeAll(async () => {
    client = await connect(await createDatabase("registre_snapshot_backfill", { migrated: false }));
  });
  afterAll(() => client?.end());

  it("[snapshot]: the migration freezes the acts already published, as their rows state them", async () => {
    const url = databaseUrl("registre_snapshot_backfill");
    const before = await mkdtemp(path.join(tmpdir(), "registre-migrations-before-"));
    for (const migration of await readMigrations()) {
      if (migration.name >= SNAPSHOT_MIGRATION) continue;
      await cp(path.join(MIGRATIONS_DIR, migration.name), path.join(before, migration.name), { recursive: true });
    }
    await migrate({ connectionString: url, dir: before });
    await client.query(`
      WITH m AS (
        INSERT INTO municipality (slug, name, commune_name, siren, siret, department_code, address, administrative_court, members_in_office, appeal_notice)
        VALUES ('trets', 'Ville de Trets', 'Trets', '211301106', '21130110600019', '013', 'Hôtel de Ville', 'Tribunal administratif de Marseille', 29, 'Recours dans les deux mois.')
        RETURNING id
      ), c AS (
        INSERT INTO councillor (municipality_id, civility, first_name, last_name, role, mandate_start)
        SELECT m.id, 'MADAME', 'Jeanne', 'MARTIN', 'MAYOR', '2020-07-04' FROM m RETURNING id, municipality_id
      ), s AS (
        INSERT INTO sitting (municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
        SELECT c.municipality_id, '2023-04-06T12:00:00Z', 'Salle du conseil', '2023-03-31', c.id, c.id, c.id FROM c RETURNING id, municipality_id
      )
      INSERT INTO deliberation (municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject, matter_code, report, proposals, status, outcome, published_at)
      SELECT s.municipality_id, s.id, 'DL.2023-1', 2023, 1, 1, 'Objet', '7.10', 'Rapport.', 'APPROUVER.', 'PUBLISHED', 'ADOPTED', '2023-04-15T08:00:00Z' FROM s`);

    const result = await migrate({ connectionString: url });
    expect(result.applied[0]).toBe(SNAPSHOT_MIGRATION);
    const { rows } = await client.query(
      `SELECT s.record ->> 'number' AS number, s.record -> 'sitting' -> 'president' ->> 'lastName' AS president,
         s.record ->> 'publishedAt' AS published_at, (s.municipality_record ->> 'membersInOffice')::int AS members
       FROM deliberation_snapshot s`,
    );
    expect(rows).toEqual([{ number: "DL.2023-1", president: "MARTIN", published_at: "2023-04-15T08:00:00.000Z", members: 29 }]);
  });
});
