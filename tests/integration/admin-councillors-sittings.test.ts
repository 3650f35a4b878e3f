import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import type * as CreateCouncillor from "@/lib/councillors/create-councillor";
import type * as EndCouncillorMandate from "@/lib/councillors/end-councillor-mandate";
import type * as GetCouncillor from "@/lib/councillors/get-councillor";
import type * as ListCouncillors from "@/lib/councillors/list-councillors";
import type * as UpdateCouncillor from "@/lib/councillors/update-councillor";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import type * as CreateSitting from "@/lib/sittings/create-sitting";
import type * as GetSitting from "@/lib/sittings/get-sitting";
import type * as ListSittings from "@/lib/sittings/list-sittings";
import type * as UpdateSitting from "@/lib/sittings/update-sitting";
import { connect, createDatabase } from "./support/database";
import { insertMunicipality, insertUser, type Fixture } from "./support/factories";

// Councillors and sittings through their use cases, on a real database:
// each write is checked, audited in the same transaction, and refused
// without a session, to a role that may not write, across municipalities.

type Modules = typeof CreateCouncillor &
  typeof UpdateCouncillor &
  typeof EndCouncillorMandate &
  typeof GetCouncillor &
  typeof ListCouncillors &
  typeof CreateSitting &
  typeof UpdateSitting &
  typeof GetSitting &
  typeof ListSittings & { createPrismaClient: typeof createPrismaClient };

describe("back office: councillors and sittings", () => {
  let client: pg.Client;
  let db: Db;
  let fixture: Fixture;
  let other: Fixture;
  let modules: Modules;
  let clerk: SessionUser;
  let staff: SessionUser;
  let admin: SessionUser;
  let outsider: SessionUser;

  const councillorInput = {
    civility: "MONSIEUR",
    firstName: "Jacques",
    lastName: "BOUDON",
    role: "DEPUTY_MAYOR",
    roleLabel: "1er adjoint",
    mandateStart: "2020-07-04",
    mandateEnd: "",
  };

  beforeAll(async () => {
    const url = await createDatabase("registre_admin_councillors_sittings");
    client = await connect(url);
    fixture = await insertMunicipality(client, { members: 4 });
    other = await insertMunicipality(client, { members: 2 });
    clerk = await insertUser(client, fixture.municipalityId, "CLERK", "greffe@commune.fr");
    staff = await insertUser(client, fixture.municipalityId, "STAFF", "agent@commune.fr");
    admin = await insertUser(client, fixture.municipalityId, "ADMIN", "admin@commune.fr");
    outsider = await insertUser(client, other.municipalityId, "CLERK", "greffe@autre.fr");
    modules = {
      ...(await import("@/lib/councillors/create-councillor")),
      ...(await import("@/lib/councillors/update-councillor")),
      ...(await import("@/lib/councillors/end-councillor-mandate")),
      ...(await import("@/lib/councillors/get-councillor")),
      ...(await import("@/lib/councillors/list-councillors")),
      ...(await import("@/lib/sittings/create-sitting")),
      ...(await import("@/lib/sittings/update-sitting")),
      ...(await import("@/lib/sittings/get-sitting")),
      ...(await import("@/lib/sittings/list-sittings")),
      createPrismaClient: (await import("@/lib/db/prisma")).createPrismaClient,
    };
    db = modules.createPrismaClient(url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  it("[councillors]: a clerk creates a councillor, and the audit row records who and what in the same transaction", async () => {
    const { id } = await modules.createCouncillor({ db, actor: clerk, input: councillorInput });
    const councillor = await modules.getCouncillor({ db, actor: staff, id });
    expect(councillor).toMatchObject({ lastName: "BOUDON", roleLabel: "1er adjoint", mandateEnd: null });
    const { rows } = await client.query(`SELECT user_id, action, after FROM audit_event WHERE entity_id = $1`, [id]);
    expect(rows).toEqual([{ user_id: clerk.id, action: "councillor.create", after: expect.objectContaining({ lastName: "BOUDON", mandateStart: "2020-07-04" }) }]);
  });

  it("[councillors]: without a session, as staff, or from another municipality, every write is refused", async () => {
    await expect(modules.createCouncillor({ db, actor: null, input: councillorInput })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(modules.createCouncillor({ db, actor: staff, input: councillorInput })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(modules.updateCouncillor({ db, actor: staff, id: fixture.councillorIds[0]!, input: councillorInput })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(modules.endCouncillorMandate({ db, actor: null, id: fixture.councillorIds[0]!, input: { mandateEnd: "2022-01-01" } })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(modules.updateCouncillor({ db, actor: outsider, id: fixture.councillorIds[0]!, input: councillorInput })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(modules.listCouncillors({ db, actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("[councillors]: invalid input is refused field by field, in French", async () => {
    await expect(
      modules.createCouncillor({ db, actor: clerk, input: { ...councillorInput, lastName: " ", mandateStart: "2020-02-30", mandateEnd: "2019-01-01" } }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { lastName: ["Saisissez le nom."], mandateStart: [expect.stringContaining("n'existe pas")] } });
  });

  it("[councillors]: an edit keeps before and after in the audit trail; the search finds by name, case-insensitive", async () => {
    const id = fixture.councillorIds[2]!;
    await modules.updateCouncillor({ db, actor: admin, id, input: { ...councillorInput, firstName: "Marie", lastName: "DURAND", civility: "MADAME", role: "COUNCILLOR", roleLabel: "" } });
    const { rows } = await client.query(`SELECT before, after FROM audit_event WHERE entity_id = $1 AND action = 'councillor.update'`, [id]);
    expect(rows[0]).toMatchObject({ before: { lastName: "NOM2" }, after: { lastName: "DURAND", roleLabel: null } });
    const found = await modules.listCouncillors({ db, actor: staff, query: "duRa" });
    expect(found.map((councillor) => councillor.lastName)).toEqual(["DURAND"]);
  });

  it("[councillors]: ending a mandate before it began is refused; ending it removes the councillor from later days only", async () => {
    const id = fixture.councillorIds[3]!;
    await expect(modules.endCouncillorMandate({ db, actor: clerk, id, input: { mandateEnd: "2019-12-31" } })).rejects.toMatchObject({ code: "VALIDATION" });
    await modules.endCouncillorMandate({ db, actor: clerk, id, input: { mandateEnd: "2021-06-30" } });
    const before = await modules.listCouncillors({ db, actor: clerk, onDay: "2021-06-30" });
    const after = await modules.listCouncillors({ db, actor: clerk, onDay: "2021-07-01" });
    expect(before.some((councillor) => councillor.id === id)).toBe(true);
    expect(after.some((councillor) => councillor.id === id)).toBe(false);
  });

  const sittingInput = () => ({
    date: "2022-04-07",
    time: "14:00",
    place: "Amphithéâtre de la Verrière",
    kind: "ORDINARY",
    isPublic: true,
    convocationDate: "2022-04-01",
    convenedById: fixture.councillorIds[0]!,
    presidentId: fixture.councillorIds[0]!,
    secretaryId: fixture.councillorIds[1]!,
    reconvened: false,
    listPostedAt: "",
  });

  it("[sittings]: a clerk creates a sitting; its hour is stored as the Paris clock says it (summer time)", async () => {
    const { id } = await modules.createSitting({ db, actor: clerk, input: sittingInput() });
    const { rows } = await client.query<{ starts_at: Date }>(`SELECT starts_at FROM sitting WHERE id = $1`, [id]);
    expect(rows[0]!.starts_at.toISOString()).toBe("2022-04-07T12:00:00.000Z");
    const sitting = await modules.getSitting({ db, actor: staff, id });
    expect(sitting.place).toBe("Amphithéâtre de la Verrière");
    const audit = await client.query(`SELECT action, after FROM audit_event WHERE entity_id = $1`, [id]);
    expect(audit.rows).toEqual([{ action: "sitting.create", after: expect.objectContaining({ date: "2022-04-07", time: "14:00" }) }]);
  });

  it("[sittings]: a convocation after the sitting, a secretary who presides, an officer out of office or of another municipality are refused", async () => {
    await expect(modules.createSitting({ db, actor: clerk, input: { ...sittingInput(), convocationDate: "2022-04-08", secretaryId: fixture.councillorIds[0]! } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { convocationDate: [expect.any(String)], secretaryId: [expect.any(String)] },
    });
    await expect(modules.createSitting({ db, actor: clerk, input: { ...sittingInput(), secretaryId: fixture.councillorIds[3]! } })).rejects.toMatchObject({
      fieldErrors: { secretaryId: [expect.stringContaining("n'est pas en fonction")] },
    });
    await expect(modules.createSitting({ db, actor: clerk, input: { ...sittingInput(), secretaryId: other.councillorIds[0]! } })).rejects.toMatchObject({
      fieldErrors: { secretaryId: ["Cet élu n'existe pas dans la collectivité."] },
    });
    await expect(modules.createSitting({ db, actor: staff, input: sittingInput() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(modules.createSitting({ db, actor: null, input: sittingInput() })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("[sittings]: a sitting with a published deliberation can no longer be edited", async () => {
    const { id } = await modules.createSitting({ db, actor: clerk, input: { ...sittingInput(), date: "2022-05-05" } });
    await modules.updateSitting({ db, actor: clerk, id, input: { ...sittingInput(), date: "2022-05-05", place: "Salle du conseil" } });
    await client.query(
      `INSERT INTO deliberation (municipality_id, sitting_id, number, year, sequence, order_in_sitting, subject, matter_code, report, proposals, status, outcome, published_at)
       VALUES ($1, $2, 'DL.2022-200', 2022, 200, 1, 'Objet', '7.10', 'Rapport', 'Propositions', 'PUBLISHED', 'ADOPTED', now())`,
      [fixture.municipalityId, id],
    );
    await expect(modules.updateSitting({ db, actor: clerk, id, input: { ...sittingInput(), date: "2022-05-05" } })).rejects.toMatchObject({ code: "INVALID_STATE" });
    const sittings = await modules.listSittings({ db, actor: staff });
    expect(sittings.find((sitting) => sitting.id === id)?.place).toBe("Salle du conseil");
  });
});
