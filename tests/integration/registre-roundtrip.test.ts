import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpointDocument, latestCheckpoint, listAuditCheckpoints, recordAuditCheckpoint, verifyCheckpoint } from "@/lib/audit/audit-checkpoint";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { SessionUser } from "@/lib/auth/roles";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { exportPortal } from "@/lib/import/registre/export-portal";
import { readPortalTables } from "@/lib/import/registre/portal-tables";
import type * as CreateDeliberation from "@/lib/deliberations/create-deliberation";
import type * as AddAnnex from "@/lib/deliberations/add-annex";
import type * as RecordAttendance from "@/lib/deliberations/record-attendance";
import type * as RecordVote from "@/lib/deliberations/record-vote";
import type * as RecordPrefectureReceipt from "@/lib/deliberations/record-prefecture-receipt";
import type * as PublishDeliberation from "@/lib/deliberations/publish-deliberation";
import type * as CreateUser from "@/lib/auth/create-user";
import type * as Password from "@/lib/auth/password";
import type * as VerifyIssuedExtract from "@/lib/extracts/verify-issued-extract";
import type * as GetDocumentSigner from "@/lib/signing/get-document-signer";
import type * as ImportRegistreFile from "@/lib/import/registre/import-registre-file";
import { connect, createDatabase } from "./support/database";
import { onDatabase, portalFaces, type PortalAddresses } from "./support/portal-faces";

// A whole portal moved: exported from a database seeded with the reference
// case (and, in the second run, the demo data, enriched with what the seed
// does not write: an account, an act taken through every step with an annex,
// a councillor renamed after publication, signed documents and checkpoints),
// imported into a fresh empty database, and compared: every row as it was,
// every public page, CSV, API answer and feed the same text, the audit chain
// verifying with the source's signed checkpoint, every issued document
// verifying on /verifier.

const BASE_URL = "http://127.0.0.1:3000";
const PASSWORD = "correct horse battery staple";

async function pdfBytes(text: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage();
  page.drawText(text, { x: 50, y: 700, size: 14, font: await document.embedFont(StandardFonts.Helvetica) });
  return document.save();
}

/** Row digests per exported table, the rows the import adds of its own (its audit event, its history row) left out. */
async function tableDigests(client: pg.Client, added: string[] = []): Promise<Record<string, string>> {
  const shapes = await readPortalTables(async (sql, params) => (await client.query(sql, params as unknown[])).rows);
  const digests: Record<string, string> = {};
  for (const shape of shapes) {
    const { rows } = await client.query<{ count: string; digest: string | null }>(
      `SELECT count(*) AS count, md5(string_agg(j::text, ',' ORDER BY j::text)) AS digest
       FROM (SELECT to_jsonb(t) AS j FROM "${shape.name}" t) x WHERE coalesce(j ->> 'id', '') <> ALL($1::text[])`,
      [added],
    );
    digests[shape.name] = `${rows[0]!.count} ${rows[0]!.digest ?? "-"}`;
  }
  return digests;
}

type Modules = typeof CreateDeliberation &
  typeof AddAnnex &
  typeof RecordAttendance &
  typeof RecordVote &
  typeof RecordPrefectureReceipt &
  typeof PublishDeliberation &
  typeof CreateUser &
  typeof Password &
  typeof VerifyIssuedExtract &
  typeof GetDocumentSigner &
  typeof ImportRegistreFile;

async function loadModules(): Promise<Modules> {
  return {
    ...(await import("@/lib/deliberations/create-deliberation")),
    ...(await import("@/lib/deliberations/add-annex")),
    ...(await import("@/lib/deliberations/record-attendance")),
    ...(await import("@/lib/deliberations/record-vote")),
    ...(await import("@/lib/deliberations/record-prefecture-receipt")),
    ...(await import("@/lib/deliberations/publish-deliberation")),
    ...(await import("@/lib/auth/create-user")),
    ...(await import("@/lib/auth/password")),
    ...(await import("@/lib/extracts/verify-issued-extract")),
    ...(await import("@/lib/signing/get-document-signer")),
    ...(await import("@/lib/import/registre/import-registre-file")),
  };
}

/**
 * What the seed does not write, through the use cases: an administrator with a real password,
 * DL.2022-95 (annex, roll call, a vote against, receipt, published), then its rapporteur renamed
 * (the act keeps the name it froze), an annex on a demo draft, the demo's transmitted act published,
 * a second secretary for a demo sitting.
 */
async function enrichDemo(db: Db, client: pg.Client, modules: Modules, municipalityId: string): Promise<void> {
  const user = await modules.createUser(db, { municipalitySlug: "aix-en-provence", input: { email: "greffe@aix.test", name: "Greffe", role: "ADMIN", password: PASSWORD }, actor: null });
  const clerk: SessionUser = { id: user.id, municipalityId, email: user.email, name: "Greffe", role: "ADMIN" };
  const { rows: sittings } = await client.query<{ id: string; secretary_id: string }>(
    `SELECT s.id, s.secretary_id FROM sitting s JOIN deliberation d ON d.sitting_id = s.id WHERE d.number = 'DL.2022-91'`,
  );
  const sitting = sittings[0]!;
  const { rows: attendance } = await client.query<{ councillor_id: string; status: string; proxy_holder_id: string | null }>(
    `SELECT a.councillor_id, a.status, a.proxy_holder_id FROM attendance a JOIN deliberation d ON d.id = a.deliberation_id
     JOIN councillor c ON c.id = a.councillor_id WHERE d.number = 'DL.2022-91' ORDER BY c.last_name, c.first_name`,
  );
  const holders = new Set(attendance.map((entry) => entry.proxy_holder_id));
  const present = attendance.filter((entry) => entry.status === "PRESENT" && !holders.has(entry.councillor_id)).map((entry) => entry.councillor_id);
  const [rapporteurId, againstId] = [present[3]!, present[4]!];
  const { id } = await modules.createDeliberation({
    db,
    actor: clerk,
    sittingId: sitting.id,
    input: {
      number: "DL.2022-95", orderInSitting: "95", subject: "Convention de gestion du jardin partagé des Floralies", reportSubject: "",
      rapporteurId, service: "Direction des espaces verts", matterCode: "8.8", policyHeading: "", report: "Le jardin partagé des **Floralies** est confié à une association.",
      proposals: "- **APPROUVER** la convention de gestion du jardin partagé.", cosignatoryId: sitting.secretary_id, cosignatoryTitle: "Secrétaire de séance",
    },
  });
  await modules.addAnnex({ db, actor: clerk, id, input: { title: "Plan du jardin", isPublic: true }, file: { name: "plan-du-jardin.pdf", bytes: await pdfBytes("Plan du jardin des Floralies") } });
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
  // Renamed after publication: the act states the name it froze, the councillor's page the new one.
  await client.query(`UPDATE councillor SET last_name = 'RENOMMÉE-APRÈS' WHERE id = $1`, [rapporteurId]);

  const { rows: drafts } = await client.query<{ id: string }>(`SELECT id FROM deliberation WHERE is_demo AND status = 'DRAFT' ORDER BY number LIMIT 1`);
  await modules.addAnnex({ db, actor: clerk, id: drafts[0]!.id, input: { title: "Note interne", isPublic: false }, file: { name: "note.pdf", bytes: await pdfBytes("Note interne") } });
  const { rows: transmitted } = await client.query<{ id: string }>(`SELECT id FROM deliberation WHERE is_demo AND status = 'TRANSMITTED' LIMIT 1`);
  await modules.publishDeliberation({ db, actor: clerk, id: transmitted[0]!.id });
  await client.query(
    `INSERT INTO sitting_secretary (municipality_id, sitting_id, councillor_id, position)
     SELECT s.municipality_id, s.id, c.id, 2 FROM sitting s JOIN councillor c ON c.municipality_id = s.municipality_id AND c.is_demo AND c.id <> s.secretary_id
     WHERE s.is_demo AND s.public_slug = '2019-12-12' ORDER BY c.last_name LIMIT 1`,
  );
}

async function addressesOf(client: pg.Client, municipalityId: string): Promise<PortalAddresses> {
  const column = async <T>(sql: string) => (await client.query(sql, [municipalityId])).rows.map((row) => Object.values(row)[0] as T);
  const numbers = await column<string>(`SELECT DISTINCT number FROM deliberation WHERE municipality_id = $1 AND status = 'PUBLISHED' ORDER BY 1`);
  return {
    municipalityId,
    numbers,
    sittingSlugs: await column<string>(`SELECT public_slug FROM sitting WHERE municipality_id = $1 AND public_slug IS NOT NULL ORDER BY 1`),
    sittingIds: await column<string>(`SELECT id FROM sitting WHERE municipality_id = $1 ORDER BY starts_at`),
    councillorIds: await column<string>(`SELECT id FROM councillor WHERE municipality_id = $1 ORDER BY last_name, first_name, id`),
    years: await column<number>(`SELECT DISTINCT year FROM deliberation WHERE municipality_id = $1 ORDER BY 1`),
    annexes: (
      await client.query<{ number: string; annexId: string }>(
        `SELECT d.number, x.id AS "annexId" FROM annex x JOIN deliberation d ON d.id = x.deliberation_id WHERE x.municipality_id = $1 ORDER BY x.id`,
        [municipalityId],
      )
    ).rows,
    issued: [
      ...(
        await client.query<{ kind: string; number: string | null; slug: string | null }>(
          `SELECT e.kind, d.number, coalesce(s.public_slug, ds.public_slug) AS slug FROM issued_extract e
           LEFT JOIN deliberation d ON d.id = e.deliberation_id LEFT JOIN sitting s ON s.id = e.sitting_id LEFT JOIN sitting ds ON ds.id = d.sitting_id
           WHERE e.municipality_id = $1 ORDER BY e.issued_at, e.id`,
          [municipalityId],
        )
      ).rows.flatMap((row): PortalAddresses["issued"] => {
        switch (row.kind) {
          case "DELIBERATION":
            return [{ route: "/deliberations/[number]/extrait.pdf", params: { number: row.number! } }];
          case "SITTING_LIST":
            return [{ route: "/seances/[date]/liste-des-deliberations.pdf", params: { date: row.slug! } }];
          case "MINUTES":
            return [{ route: "/seances/[date]/proces-verbal.pdf", params: { date: row.slug! } }];
          case "CONVOCATION":
            return [{ route: "/seances/[date]/convocation.pdf", params: { date: row.slug! } }];
          default:
            return [];
        }
      }),
    ],
    verificationCodes: await column<string>(`SELECT verification_code FROM issued_extract WHERE municipality_id = $1 ORDER BY 1`),
    checkpointIds: (await client.query<{ id: string }>(`SELECT id::text AS id FROM audit_checkpoint ORDER BY id`)).rows.map((row) => row.id),
    searches: [{}, { q: "convention" }, { q: "JOISSAINS" }, { resultat: "rejetee" }, { unanimite: "non", tri: "date" }, { matiere: "7" }],
  };
}

describe.each([{ seeded: "reference" as const }, { seeded: "demo" as const }])("portal export and import ($seeded)", ({ seeded }) => {
  let source: Db;
  let target: Db;
  let sourceClient: pg.Client;
  let targetClient: pg.Client;
  let modules: Modules;
  let municipalityId: string;
  let addresses: PortalAddresses;
  let report: Awaited<ReturnType<Modules["importRegistreFile"]>>;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "registre-roundtrip-"));
    const sourceUrl = await createDatabase(`registre_roundtrip_${seeded}_source`, { seeded });
    const targetUrl = await createDatabase(`registre_roundtrip_${seeded}_target`);
    process.env.DATABASE_URL = sourceUrl;
    process.env.REGISTRE_DATA_DIR = directory;
    process.env.PUBLIC_BASE_URL = BASE_URL;
    source = createPrismaClient(sourceUrl);
    target = createPrismaClient(targetUrl);
    sourceClient = await connect(sourceUrl);
    targetClient = await connect(targetUrl);
    modules = await loadModules();
    municipalityId = (await sourceClient.query(`SELECT id FROM municipality WHERE slug = 'aix-en-provence'`)).rows[0].id;

    await onDatabase(source, async () => {
      if (seeded === "demo") await enrichDemo(source, sourceClient, modules, municipalityId);
      // Signed documents issued before the move, by their public routes, and the chain's head signed last.
      const faces = await portalFaces(source, {
        ...(await addressesOf(sourceClient, municipalityId)),
        issued: [
          { route: "/deliberations/[number]/extrait.pdf", params: { number: "DL.2022-91" } },
          { route: "/seances/[date]/liste-des-deliberations.pdf", params: { date: "2022-04-07" } },
          ...(seeded === "demo"
            ? ([
                { route: "/deliberations/[number]/extrait.pdf", params: { number: "DL.2022-95" } },
                { route: "/seances/[date]/proces-verbal.pdf", params: { date: "2018-02-22" } },
              ] as const)
            : []),
        ],
      });
      expect(Object.entries(faces).filter(([key, face]) => key.includes(".pdf") && !face.startsWith("200"))).toEqual([]);
      await recordAuditCheckpoint({ db: source, signer: await modules.getDocumentSigner(), portal: BASE_URL });
    });
    addresses = await addressesOf(sourceClient, municipalityId);

    const file = path.join(directory, "portail.ndjson");
    const output = createWriteStream(file);
    await exportPortal({ client: sourceClient, output });
    output.end();
    await finished(output);
    report = await modules.importRegistreFile(file, { db: target });
  }, 900_000);

  afterAll(async () => {
    await source?.$disconnect();
    await target?.$disconnect();
    await sourceClient?.end();
    await targetClient?.end();
    await rm(directory, { recursive: true, force: true });
  });

  it("[portal]: every row of the municipality is in the target as it was: ids, timestamps, hashes, frozen records, files", async () => {
    expect(report.municipality.slug).toBe("aix-en-provence");
    expect(report.counts.deliberation).toBeGreaterThan(0);
    const importEvent = await target.auditEvent.findFirstOrThrow({ where: { action: "portal.import" }, orderBy: { id: "desc" }, select: { id: true } });
    expect(await tableDigests(targetClient, [importEvent.id.toString(), report.archiveImportId])).toEqual(await tableDigests(sourceClient));
    expect(await target.archiveImport.findUniqueOrThrow({ where: { id: report.archiveImportId } })).toMatchObject({
      format: "registre",
      sha256: report.file.sha256,
      rowsRead: report.rows,
      actsCreated: report.counts.deliberation,
    });
    const { rows } = await targetClient.query(`SELECT count(*)::int AS n FROM issued_extract`);
    expect(rows[0].n).toBeGreaterThanOrEqual(2);
  });

  it("[portal]: every public page, CSV file, API answer, feed and stored PDF is the same text on both portals", async () => {
    const before = await portalFaces(source, addresses);
    const after = await portalFaces(target, addresses);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const differing = Object.keys(before).filter((key) => after[key] !== before[key]);
    expect(differing).toEqual([]);
    expect(before["route /donnees/scdl/deliberations.csv"]).toContain("DL.2022-91");
    expect(before[`page /deliberations/DL.2022-91`]).toContain("CAF - CONVENTION TERRITORIALE GLOBALE");
  });

  it("[portal]: the audit chain verifies on the target, up to the source's signed checkpoint and beyond, the import recorded last", async () => {
    const documents = (await listAuditCheckpoints(target)).map(checkpointDocument);
    const checkpoint = latestCheckpoint(await Promise.all(documents.map(verifyCheckpoint)));
    expect(checkpoint).toBeDefined();
    const chain = await verifyAuditChain(target, { checkpoint });
    expect(chain).toEqual({ ok: true, checked: report.auditEvents + 1 });
    expect(await verifyAuditChain(source)).toEqual({ ok: true, checked: report.auditEvents });
    const last = await target.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "portal.import", entity: "municipality", entityId: municipalityId, userId: null });
    expect(last.after).toMatchObject({ file: { sha256: report.file.sha256, size: report.file.size }, rows: report.rows });
    // The chain goes on from the restored head: the next event follows the import's.
    const { rows } = await targetClient.query(`SELECT nextval(pg_get_serial_sequence('audit_event', 'id'))::text AS next`);
    expect(BigInt(rows[0].next)).toBeGreaterThan(last.id);
  });

  it("[portal]: every document issued before the move verifies on the target's /verifier, by code and by file", async () => {
    const extracts = await target.issuedExtract.findMany({ where: { municipalityId }, select: { verificationCode: true, sha256: true } });
    expect(extracts.length).toBeGreaterThanOrEqual(2);
    for (const extract of extracts) {
      for (const lookup of [{ verificationCode: extract.verificationCode }, { sha256: extract.sha256 }]) {
        const onTarget = await onDatabase(target, () => modules.verifyIssuedExtract({ municipalityId, lookup }));
        expect(onTarget, extract.verificationCode).not.toBeNull();
        expect(onTarget).toEqual(await onDatabase(source, () => modules.verifyIssuedExtract({ municipalityId, lookup })));
      }
    }
  });

  it("[portal]: the restore left its record, closed, and the guards hold again on the target", async () => {
    const { rows } = await targetClient.query(`SELECT municipality_id, finished_at IS NOT NULL AS closed, restored_by FROM portal_restore`);
    expect(rows).toEqual([{ municipality_id: municipalityId, closed: true, restored_by: "registre" }]);
    await expect(targetClient.query(`UPDATE deliberation SET subject = 'Réécrit' WHERE number = 'DL.2022-91'`)).rejects.toThrow(/published and cannot be changed/);
    await expect(targetClient.query(`DELETE FROM portal_restore`)).rejects.toThrow(/only its own transaction closes it/);
  });

  it.runIf(seeded === "demo")("[portal]: accounts keep their password; an act keeps the name it froze, the councillor's page shows the new one", async () => {
    const { rows } = await targetClient.query<{ password_hash: string }>(`SELECT password_hash FROM app_user WHERE email = 'greffe@aix.test'`);
    expect(await modules.verifyPassword(rows[0]!.password_hash, PASSWORD)).toBe(true);
    const { rows: snapshots } = await targetClient.query<{ id: string; name: string }>(
      `SELECT record #>> '{rapporteur,id}' AS id, record #>> '{rapporteur,lastName}' AS name
       FROM deliberation_snapshot s JOIN deliberation d ON d.id = s.deliberation_id WHERE d.number = 'DL.2022-95'`,
    );
    const { id: rapporteurId, name: frozenName } = snapshots[0]!;
    expect(frozenName).not.toBe("RENOMMÉE-APRÈS");
    const faces = await portalFaces(target, { ...addresses, numbers: ["DL.2022-95"], councillorIds: [rapporteurId], sittingSlugs: [], searches: [] });
    expect(faces["page /deliberations/DL.2022-95"]).toContain(frozenName);
    expect(faces["page /deliberations/DL.2022-95"]).not.toContain("RENOMMÉE-APRÈS");
    expect(faces[`page /elus/${rapporteurId}`]).toContain("RENOMMÉE-APRÈS");
  });
});
