import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type * as RunAction from "@/lib/auth/run-action";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import { DomainError } from "@/lib/domain/errors";
import { connect, createDatabase, resetDatabase } from "./support/database";
import { insertDeliberation, insertMunicipality, insertUser, type Fixture } from "./support/factories";

// A real violation of each database guard, made through Prisma as a use case
// would (its check bypassed, as in a race), reaches the form as its French
// message with its code: recognised by SQLSTATE, constraint or Prisma code.

type Modules = typeof RunAction & { createPrismaClient: typeof createPrismaClient };

describe("database refusals reach the user in French", () => {
  let client: pg.Client;
  let db: Db;
  let modules: Modules;
  let fixture: Fixture;

  beforeAll(async () => {
    const url = await createDatabase("registre_database_errors");
    client = await connect(url);
    modules = { ...(await import("@/lib/auth/run-action")), createPrismaClient: (await import("@/lib/db/prisma")).createPrismaClient };
    db = modules.createPrismaClient(url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });
  beforeEach(async () => {
    await resetDatabase(client);
    fixture = await insertMunicipality(client, { members: 55 });
  });

  const run = (work: () => Promise<unknown>) => modules.runAction(async () => ({ data: await work() }));
  const vote = (deliberationId: string, present: number, represented: number) => ({
    municipalityId: fixture.municipalityId,
    deliberationId,
    secret: true,
    presentAndRepresented: present + represented,
    present,
    represented,
    abstentions: 0,
    nonParticipation: 0,
    expressed: present + represented,
    votesFor: present + represented,
    votesAgainst: 0,
    result: "ADOPTED" as const,
  });

  it("[errors]: a holder's second proxy outside a derogation window, refused at commit, is told as such (RG001)", async () => {
    await client.query(`UPDATE sitting SET starts_at = '2023-05-10T16:00:00Z' WHERE id = $1`, [fixture.sittingId]);
    const id = await insertDeliberation(client, fixture, { year: 2023 });
    const [holder, first, second] = fixture.councillorIds;
    const result = await run(() =>
      db.$transaction((tx) =>
        tx.attendance.createMany({
          data: [
            { municipalityId: fixture.municipalityId, deliberationId: id, councillorId: holder!, status: "PRESENT" },
            { municipalityId: fixture.municipalityId, deliberationId: id, councillorId: first!, status: "REPRESENTED", proxyHolderId: holder! },
            { municipalityId: fixture.municipalityId, deliberationId: id, councillorId: second!, status: "REPRESENTED", proxyHolderId: holder! },
          ],
        }),
      ),
    );
    expect(result).toEqual({
      ok: false,
      code: "VALIDATION",
      message:
        "Un mandataire porterait plus de pouvoirs que la loi ne le permet à la date de la séance : un seul (article L2121-20 du CGCT), ou le nombre que fixe la période dérogatoire en vigueur. Rien n'a été enregistré.",
      errors: undefined,
    });
    expect((await client.query(`SELECT 1 FROM attendance WHERE deliberation_id = $1`, [id])).rowCount).toBe(0);
  });

  it("[errors]: a vote of 999 present for 55 members in office is told as such (RG003)", async () => {
    const id = await insertDeliberation(client, fixture);
    const result = await run(() => db.$transaction((tx) => tx.vote.create({ data: vote(id, 999, 0) })));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", message: expect.stringMatching(/^Le vote compte plus de présents et représentés que la séance n'a de membres en exercice/) });
  });

  it("[errors]: a vote whose counts differ from the roll call is told as such (RG002)", async () => {
    const id = await insertDeliberation(client, fixture);
    await client.query(
      `INSERT INTO attendance (municipality_id, deliberation_id, councillor_id, status) SELECT $1, $2, unnest($3::uuid[]), 'PRESENT'`,
      [fixture.municipalityId, id, fixture.councillorIds.slice(0, 40)],
    );
    const result = await run(() => db.$transaction((tx) => tx.vote.create({ data: vote(id, 41, 0) })));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", message: expect.stringMatching(/^Les présents et représentés du vote ne sont pas ceux de la liste de présence/) });
  });

  it("[errors]: the members in office of a sitting with a published act, and the act itself, cannot change (RG004, 23000)", async () => {
    const id = await insertDeliberation(client, fixture);
    await client.query(`UPDATE deliberation SET status = 'PUBLISHED', outcome = 'ADOPTED', published_at = now() WHERE id = $1`, [id]);
    expect(await run(() => db.sitting.update({ where: { id: fixture.sittingId }, data: { membersInOffice: 54 } }))).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
      message: expect.stringMatching(/^Une délibération de cette séance est publiée : le nombre de membres en exercice/),
    });
    expect(await run(() => db.deliberation.update({ where: { id }, data: { subject: "Autre objet" } }))).toEqual({
      ok: false,
      code: "INVALID_STATE",
      message: "Cette délibération vient d'être publiée : elle ne peut plus être modifiée. Émettez une rectification.",
      errors: undefined,
    });
  });

  it("[errors]: a unique key (P2002) is named, a missing row (P2025) is not found, a check constraint is a validation refusal", async () => {
    await insertUser(client, fixture.municipalityId, "CLERK", "greffe@commune.fr");
    const duplicate = await run(() =>
      db.user.create({ data: { municipalityId: fixture.municipalityId, email: "greffe@commune.fr", name: "Greffe", passwordHash: "x", role: "CLERK" } }),
    );
    expect(duplicate).toMatchObject({ ok: false, code: "CONFLICT", message: "Un compte porte déjà cette adresse électronique." });
    const missing = await run(() => db.councillor.update({ where: { id: "00000000-0000-4000-8000-000000000000" }, data: { firstName: "Jean" } }));
    expect(missing).toMatchObject({ ok: false, code: "NOT_FOUND", message: "L'élément demandé n'existe plus (supprimé entre-temps ?) : rechargez la page." });
    const id = await insertDeliberation(client, fixture);
    const broken = await run(() => db.vote.create({ data: { ...vote(id, 40, 0), expressed: 39 } }));
    expect(broken).toMatchObject({ ok: false, code: "VALIDATION", message: expect.stringMatching(/^Ces données ne respectent pas une règle du registre/) });
  });

  it("[errors]: a DomainError keeps its own message; an unexpected fault stays generic", async () => {
    expect(await run(async () => {
      throw new DomainError("INVALID_COUNT", "Le nombre de présents (60) dépasse le nombre de membres en exercice (55).");
    })).toEqual({ ok: false, code: "VALIDATION", message: "Le nombre de présents (60) dépasse le nombre de membres en exercice (55).", errors: undefined });
    const originalError = console.error;
    console.error = () => {};
    try {
      expect(await run(() => db.$queryRawUnsafe("SELECT * FROM no_such_table"))).toEqual({
        ok: false,
        message: "Une erreur inattendue a empêché l'enregistrement ; rien n'a été modifié. Réessayez, ou signalez-le à l'administrateur.",
      });
    } finally {
      console.error = originalError;
    }
  });
});
