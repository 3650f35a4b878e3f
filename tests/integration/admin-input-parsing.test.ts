import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as ChangeStatus from "@/lib/deliberations/change-deliberation-status";
import type * as RecordAttendance from "@/lib/deliberations/record-attendance";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import type * as GetSitting from "@/lib/sittings/get-sitting";
import { connect, createDatabase } from "./support/database";
import { insertDeliberation, insertMunicipality, insertUser } from "./support/factories";

// What a browser sends is parsed by the schemas before any query: a forged
// status change is refused in French by the use case, before the database's
// enum or check constraint has to stop it; an id that is not a UUID finds nothing.

type Modules = typeof ChangeStatus & typeof RecordAttendance & typeof GetSitting & { createPrismaClient: typeof createPrismaClient };

describe("back office: input parsed by the schemas", () => {
  let client: pg.Client;
  let db: Db;
  let modules: Modules;

  beforeAll(async () => {
    const url = await createDatabase("registre_admin_input_parsing");
    client = await connect(url);
    modules = {
      ...(await import("@/lib/deliberations/change-deliberation-status")),
      ...(await import("@/lib/deliberations/record-attendance")),
      ...(await import("@/lib/sittings/get-sitting")),
      createPrismaClient: (await import("@/lib/db/prisma")).createPrismaClient,
    };
    db = modules.createPrismaClient(url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  async function stateOf(deliberationId: string) {
    const { rows } = await client.query<{ status: string; outcome: string | null }>(`SELECT status, outcome FROM deliberation WHERE id = $1`, [deliberationId]);
    const audit = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM audit_event WHERE entity_id = $1`, [deliberationId]);
    return { ...rows[0]!, audited: audit.rows[0]!.count };
  }

  it("[input]: a forged status change is refused with a French message; the deliberation and the audit trail stay as they were", async () => {
    const fixture = await insertMunicipality(client);
    const clerk = await insertUser(client, fixture.municipalityId, "CLERK", "greffe-statut@commune.fr");
    const id = await insertDeliberation(client, fixture, { status: "VOTED", outcome: "ADOPTED" });
    for (const forged of ["PUBLISH", "cancel_vote", "", null, { change: "WITHDRAW" }]) {
      await expect(modules.changeDeliberationStatus({ db, actor: clerk, id, change: forged as never })).rejects.toMatchObject({
        code: "VALIDATION",
        message: "Cette action sur la délibération n'existe pas : rechargez la page et choisissez l'un des boutons proposés.",
      });
    }
    expect(await stateOf(id)).toEqual({ status: "VOTED", outcome: "ADOPTED", audited: 0 });
    // The genuine step still goes through.
    await modules.changeDeliberationStatus({ db, actor: clerk, id, change: "CANCEL_VOTE" });
    expect(await stateOf(id)).toEqual({ status: "DRAFT", outcome: null, audited: 1 });
  });

  it("[input]: an id that is not a UUID finds nothing, with the French message, for a write and for a read", async () => {
    const fixture = await insertMunicipality(client);
    const clerk = await insertUser(client, fixture.municipalityId, "CLERK", "greffe-id@commune.fr");
    const entries = fixture.councillorIds.map((councillorId) => ({ councillorId, status: "PRESENT", proxyHolderId: "", note: "" }));
    for (const id of ["1 OR 1=1", `${fixture.sittingId.slice(0, 35)}z`, `${fixture.sittingId}-0`]) {
      await expect(modules.recordAttendance({ db, actor: clerk, id, input: { entries } })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Cette délibération n'existe pas." });
      await expect(modules.getSitting({ db, actor: clerk, id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Cette séance n'existe pas." });
    }
    const sitting = await modules.getSitting({ db, actor: clerk, id: fixture.sittingId });
    expect(sitting.id).toBe(fixture.sittingId);
  });
});
