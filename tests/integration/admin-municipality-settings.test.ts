import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import type * as GetMunicipalitySettings from "@/lib/municipality/get-municipality-settings";
import type * as UpdateMunicipalitySettings from "@/lib/municipality/update-municipality-settings";
import { connect, createDatabase } from "./support/database";
import { insertMunicipality, insertUser, type Fixture } from "./support/factories";

// The municipality's settings through their use cases, on a real database:
// only an administrator edits them, only their own municipality's, with the
// audit row (before and after) written in the same transaction.

type Modules = typeof GetMunicipalitySettings & typeof UpdateMunicipalitySettings & { createPrismaClient: typeof createPrismaClient };

const SETTINGS_COLUMNS = `name, commune_name, siren, siret, department_code, address, email, phone, website,
  administrative_court, members_in_office, appeal_notice, annex_notice`;

describe("back office: municipality settings", () => {
  let client: pg.Client;
  let db: Db;
  let fixture: Fixture;
  let other: Fixture;
  let modules: Modules;
  let admin: SessionUser;
  let clerk: SessionUser;
  let staff: SessionUser;
  let otherAdmin: SessionUser;

  const settingsInput = {
    name: "Ville de Trets",
    communeName: "Trets",
    address: "Hôtel de Ville\nPlace de la Mairie, 13530 Trets",
    email: "  assemblees@mairie-trets.fr ",
    phone: "04 42 37 55 00",
    website: "https://www.mairie-trets.fr",
    administrativeCourt: "Tribunal administratif de Marseille",
    membersInOffice: "29",
    appealNotice: "La présente délibération peut faire l'objet d'un recours devant le Tribunal administratif de Marseille dans un délai de deux mois.",
    annexNotice: "",
  };

  async function settingsRow(municipalityId: string) {
    const { rows } = await client.query(`SELECT ${SETTINGS_COLUMNS} FROM municipality WHERE id = $1`, [municipalityId]);
    return rows[0] as Record<string, unknown>;
  }

  async function auditCount(): Promise<number> {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM audit_event WHERE entity = 'municipality'`);
    return Number(rows[0]!.count);
  }

  beforeAll(async () => {
    const url = await createDatabase("registre_municipality_settings");
    client = await connect(url);
    fixture = await insertMunicipality(client, { members: 2 });
    other = await insertMunicipality(client, { members: 2 });
    admin = await insertUser(client, fixture.municipalityId, "ADMIN", "admin@commune.fr");
    clerk = await insertUser(client, fixture.municipalityId, "CLERK", "greffe@commune.fr");
    staff = await insertUser(client, fixture.municipalityId, "STAFF", "agent@commune.fr");
    otherAdmin = await insertUser(client, other.municipalityId, "ADMIN", "admin@autre.fr");
    modules = {
      ...(await import("@/lib/municipality/get-municipality-settings")),
      ...(await import("@/lib/municipality/update-municipality-settings")),
      createPrismaClient: (await import("@/lib/db/prisma")).createPrismaClient,
    };
    db = modules.createPrismaClient(url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  it("[municipality]: an administrator updates the settings, and the audit row keeps before and after; identifiers stay as they were", async () => {
    const mineBefore = await settingsRow(fixture.municipalityId);
    const otherBefore = await settingsRow(other.municipalityId);
    const { id } = await modules.updateMunicipalitySettings({ db, actor: admin, input: settingsInput });
    expect(id).toBe(fixture.municipalityId);

    expect(await settingsRow(fixture.municipalityId)).toEqual({
      name: "Ville de Trets",
      commune_name: "Trets",
      siren: "211300017",
      siret: "21130001700011",
      department_code: "013",
      address: "Hôtel de Ville\nPlace de la Mairie, 13530 Trets",
      email: "assemblees@mairie-trets.fr",
      phone: "04 42 37 55 00",
      website: "https://www.mairie-trets.fr",
      administrative_court: "Tribunal administratif de Marseille",
      members_in_office: 29,
      appeal_notice: settingsInput.appealNotice,
      annex_notice: null,
    });

    const { rows } = await client.query(
      `SELECT municipality_id, user_id, action, entity, entity_id, before, after FROM audit_event WHERE entity = 'municipality'`,
    );
    expect(rows).toEqual([
      {
        municipality_id: fixture.municipalityId,
        user_id: admin.id,
        action: "municipality.update",
        entity: "municipality",
        entity_id: fixture.municipalityId,
        before: expect.objectContaining({ name: mineBefore.name, communeName: mineBefore.commune_name, membersInOffice: 2, email: null, annexNotice: null }),
        after: expect.objectContaining({ name: "Ville de Trets", communeName: "Trets", membersInOffice: 29, email: "assemblees@mairie-trets.fr", annexNotice: null }),
      },
    ]);
    expect(rows[0].before).not.toHaveProperty("siren");

    const settings = await modules.getMunicipalitySettings({ db, actor: admin });
    expect(settings).toMatchObject({ name: "Ville de Trets", membersInOffice: 29, siren: "211300017", siret: "21130001700011", departmentCode: "013" });
    expect(await settingsRow(other.municipalityId)).toEqual(otherBefore);
  });

  it("[municipality]: a clerk, staff and no session are refused, and nothing changes", async () => {
    const before = await settingsRow(fixture.municipalityId);
    const audited = await auditCount();
    const input = { ...settingsInput, name: "Ville refusée" };
    await expect(modules.updateMunicipalitySettings({ db, actor: clerk, input })).rejects.toMatchObject({ name: "AppError", code: "FORBIDDEN" });
    await expect(modules.updateMunicipalitySettings({ db, actor: staff, input })).rejects.toMatchObject({ name: "AppError", code: "FORBIDDEN" });
    await expect(modules.updateMunicipalitySettings({ db, actor: null, input })).rejects.toMatchObject({ name: "AppError", code: "UNAUTHENTICATED" });
    await expect(modules.getMunicipalitySettings({ db, actor: clerk })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(modules.getMunicipalitySettings({ db, actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await settingsRow(fixture.municipalityId)).toEqual(before);
    expect(await auditCount()).toBe(audited);
  });

  it("[municipality]: invalid input is refused field by field, in French, and nothing changes", async () => {
    const before = await settingsRow(fixture.municipalityId);
    const audited = await auditCount();
    const refusal = modules.updateMunicipalitySettings({
      db,
      actor: admin,
      input: {
        ...settingsInput,
        name: "  ",
        email: "pas-un-courriel",
        website: "javascript:alert(1)",
        membersInOffice: "164",
        appealNotice: "",
      },
    });
    await expect(refusal).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        name: ["Saisissez le nom de la collectivité."],
        email: [expect.stringContaining("adresse électronique valide")],
        website: [expect.stringContaining("https://")],
        membersInOffice: [expect.stringContaining("de 1 à 163")],
        appealNotice: [expect.stringContaining("voies et délais de recours")],
      },
    });
    for (const membersInOffice of ["0", "12.5", "douze", ""]) {
      await expect(modules.updateMunicipalitySettings({ db, actor: admin, input: { ...settingsInput, membersInOffice } })).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { membersInOffice: [expect.stringContaining("nombre entier")] },
      });
    }
    expect(await settingsRow(fixture.municipalityId)).toEqual(before);
    expect(await auditCount()).toBe(audited);
  });

  it("[municipality]: an administrator edits only their own municipality; the other's row is untouched", async () => {
    const mine = await settingsRow(fixture.municipalityId);
    await modules.updateMunicipalitySettings({ db, actor: otherAdmin, input: { ...settingsInput, name: "Ville voisine", membersInOffice: "163", email: "", website: "" } });
    expect(await settingsRow(fixture.municipalityId)).toEqual(mine);
    expect(await settingsRow(other.municipalityId)).toMatchObject({ name: "Ville voisine", members_in_office: 163, email: null, website: null });
    const { rows } = await client.query(`SELECT municipality_id, entity_id, user_id FROM audit_event WHERE entity = 'municipality' ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toEqual({ municipality_id: other.municipalityId, entity_id: other.municipalityId, user_id: otherAdmin.id });
  });
});
