import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as AddAnnex from "@/lib/deliberations/add-annex";
import type * as GetPublicAnnex from "@/lib/deliberations/get-public-annex";
import type { Db } from "@/lib/db/prisma";
import { connect, createDatabase } from "./support/database";
import { insertDeliberation, insertMunicipality, insertUser, type Fixture } from "./support/factories";
import { cleanPdf, embeddedFile, javaScriptInQpdfObjectStream, openActionJavaScript } from "./support/hostile-pdfs";

// Issue 12 and 13: annexes carry no active content, and citizens download the
// public ones of published acts, nothing else.

type Modules = typeof AddAnnex & typeof GetPublicAnnex;

describe("annexes: active content and public download", () => {
  let client: pg.Client;
  let db: Db;
  let fixture: Fixture;
  let other: Fixture;
  let modules: Modules;
  let clerk: Awaited<ReturnType<typeof insertUser>>;

  const insertAnnex = async (deliberationId: string, municipalityId: string, options: { title: string; isPublic: boolean }) => {
    const bytes = Buffer.from(await cleanPdf());
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO annex (municipality_id, deliberation_id, title, file_name, media_type, size, sha256, content, is_public)
       VALUES ($1, $2, $3, 'convention été.pdf', 'application/pdf', $4, encode(sha256($5), 'hex'), $5, $6) RETURNING id`,
      [municipalityId, deliberationId, options.title, bytes.length, bytes, options.isPublic],
    );
    return rows[0]!.id;
  };

  /** A withdrawn act published with its annexes: the shortest way to a published record. */
  const publishedWithAnnexes = async (target: Fixture, sequence: number) => {
    const id = await insertDeliberation(client, target, { sequence, status: "WITHDRAWN", outcome: "WITHDRAWN" });
    const publicAnnex = await insertAnnex(id, target.municipalityId, { title: "Convention", isPublic: true });
    const keptAnnex = await insertAnnex(id, target.municipalityId, { title: "Plan confidentiel", isPublic: false });
    await client.query(`UPDATE deliberation SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [id]);
    return { number: `DL.2022-${sequence}`, publicAnnex, keptAnnex };
  };

  beforeAll(async () => {
    const url = await createDatabase("registre_annexes");
    client = await connect(url);
    fixture = await insertMunicipality(client, { slug: "annexes", members: 5 });
    other = await insertMunicipality(client, { slug: "annexes-autre", members: 5 });
    clerk = await insertUser(client, fixture.municipalityId, "CLERK", "greffe@annexes.fr");
    process.env.DATABASE_URL = url;
    modules = { ...(await import("@/lib/deliberations/add-annex")), ...(await import("@/lib/deliberations/get-public-annex")) };
    db = (await import("@/lib/db/prisma")).getPrisma();
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  it("[annexes]: a PDF with JavaScript, hidden in compressed object streams or not, or with an attached file is refused in French and nothing is written", async () => {
    const id = await insertDeliberation(client, fixture, { sequence: 10 });
    for (const bytes of [await openActionJavaScript(), javaScriptInQpdfObjectStream(), await embeddedFile()]) {
      await expect(modules.addAnnex({ db, actor: clerk, id, input: { title: "Piège", isPublic: true }, file: { name: "piege.pdf", bytes } })).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { file: [expect.stringMatching(/^Ce PDF contient (du JavaScript|des fichiers joints) : il est refusé/)] },
      });
    }
    const { rows } = await client.query(`SELECT (SELECT count(*)::int FROM annex WHERE deliberation_id = $1) AS annexes, (SELECT count(*)::int FROM audit_event) AS events`, [id]);
    expect(rows[0]).toEqual({ annexes: 0, events: 0 });
    await expect(modules.addAnnex({ db, actor: clerk, id, input: { title: "Propre", isPublic: true }, file: { name: "propre.pdf", bytes: await cleanPdf() } })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("[annexes]: a public annex of a published act is downloadable; a kept one, a draft's, another municipality's or a made-up one is not", async () => {
    const published = await publishedWithAnnexes(fixture, 20);
    const annex = await modules.getPublicAnnex({ municipalityId: fixture.municipalityId, number: published.number, annexId: published.publicAnnex });
    expect(annex).toMatchObject({ fileName: "convention été.pdf", mediaType: "application/pdf", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(Buffer.from(annex!.content).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const none = (input: { municipalityId?: string; number?: string; annexId: string }) =>
      modules.getPublicAnnex({ municipalityId: fixture.municipalityId, number: published.number, ...input });
    expect(await none({ annexId: published.keptAnnex })).toBeNull();
    expect(await none({ annexId: published.publicAnnex, number: "DL.2022-21" })).toBeNull();
    expect(await none({ annexId: published.publicAnnex, municipalityId: other.municipalityId })).toBeNull();
    expect(await none({ annexId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
    expect(await none({ annexId: "pas-un-identifiant" })).toBeNull();
    const draft = await insertDeliberation(client, fixture, { sequence: 22 });
    const draftAnnex = await insertAnnex(draft, fixture.municipalityId, { title: "Projet", isPublic: true });
    expect(await none({ annexId: draftAnnex, number: "DL.2022-22" })).toBeNull();
  });

  it("[annexes]: the attachment's name is given in ASCII and exactly in UTF-8", () => {
    expect(modules.attachmentDisposition('convention "été"; 100%.pdf')).toBe(
      `attachment; filename="convention _ete__ 100_.pdf"; filename*=UTF-8''convention%20%22%C3%A9t%C3%A9%22%3B%20100%25.pdf`,
    );
  });
});
