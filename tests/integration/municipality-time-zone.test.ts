import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as ListAudit from "@/lib/audit/list-audit-events";
import type * as CreateSitting from "@/lib/sittings/create-sitting";
import type * as UpdateSettings from "@/lib/municipality/update-municipality-settings";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import { localDay } from "@/lib/domain/calendar";
import { connect, createDatabase } from "./support/database";
import { insertMunicipality, insertUser } from "./support/factories";

// The municipality's time zone: checked by the settings schema and by the
// database, and the zone its sittings' hours and the audit journal's days are read in.

type Modules = typeof ListAudit & typeof CreateSitting & typeof UpdateSettings & { createPrismaClient: typeof createPrismaClient };

const settings = {
  name: "Ville de Fort-de-France",
  communeName: "Fort-de-France",
  address: "Hôtel de Ville",
  email: "",
  phone: "",
  website: "",
  administrativeCourt: "Tribunal administratif de la Martinique",
  membersInOffice: "5",
  appealNotice: "Recours possible dans un délai de deux mois.",
  annexNotice: "",
};

describe("municipality: its time zone", () => {
  let client: pg.Client;
  let db: Db;
  let modules: Modules;

  beforeAll(async () => {
    const url = await createDatabase("registre_municipality_time_zone");
    client = await connect(url);
    modules = {
      ...(await import("@/lib/audit/list-audit-events")),
      ...(await import("@/lib/sittings/create-sitting")),
      ...(await import("@/lib/municipality/update-municipality-settings")),
      createPrismaClient: (await import("@/lib/db/prisma")).createPrismaClient,
    };
    db = modules.createPrismaClient(url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  const zoneOf = async (municipalityId: string) =>
    (await client.query<{ time_zone: string }>(`SELECT time_zone FROM municipality WHERE id = $1`, [municipalityId])).rows[0]!.time_zone;

  it("[time zone]: Europe/Paris by default; an unknown zone is refused in French by the settings and by the database; a known one is kept", async () => {
    const fixture = await insertMunicipality(client);
    const admin = await insertUser(client, fixture.municipalityId, "ADMIN", "admin-tz@commune.fr");
    expect(await zoneOf(fixture.municipalityId)).toBe("Europe/Paris");
    await expect(modules.updateMunicipalitySettings({ db, actor: admin, input: { ...settings, timeZone: "Europe/Paname" } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { timeZone: ["Saisissez un fuseau horaire reconnu, par exemple Europe/Paris, America/Martinique ou Indian/Reunion."] },
    });
    await expect(client.query(`UPDATE municipality SET time_zone = 'Europe/Paname' WHERE id = $1`, [fixture.municipalityId])).rejects.toThrow(/time zone/);
    expect(await zoneOf(fixture.municipalityId)).toBe("Europe/Paris");
    await modules.updateMunicipalitySettings({ db, actor: admin, input: { ...settings, timeZone: "America/Martinique" } });
    expect(await zoneOf(fixture.municipalityId)).toBe("America/Martinique");
    // A form that does not send the zone leaves it as it is.
    await modules.updateMunicipalitySettings({ db, actor: admin, input: settings });
    expect(await zoneOf(fixture.municipalityId)).toBe("America/Martinique");
  });

  it("[time zone]: in Martinique a sitting typed at 21:00 opens at 01:00 UTC the next day; the journal's day filter reads local days", async () => {
    const fixture = await insertMunicipality(client);
    await client.query(`UPDATE municipality SET time_zone = 'America/Martinique' WHERE id = $1`, [fixture.municipalityId]);
    const clerk = await insertUser(client, fixture.municipalityId, "CLERK", "greffe-tz@commune.fr");
    const admin = await insertUser(client, fixture.municipalityId, "ADMIN", "admin-tz2@commune.fr");
    const { id } = await modules.createSitting({
      db,
      actor: clerk,
      input: {
        date: "2022-04-07",
        time: "21:00",
        place: "Salle du conseil",
        kind: "ORDINARY",
        isPublic: true,
        convocationDate: "2022-04-01",
        convenedById: fixture.councillorIds[0],
        presidentId: fixture.councillorIds[0],
        secretaryId: fixture.councillorIds[1],
        reconvened: false,
        listPostedAt: "",
      },
    });
    const { rows } = await client.query<{ starts_at: Date }>(`SELECT starts_at FROM sitting WHERE id = $1`, [id]);
    expect(rows[0]!.starts_at.toISOString()).toBe("2022-04-08T01:00:00.000Z");
    const { rows: audit } = await client.query<{ after: { date: string; time: string } }>(`SELECT after FROM audit_event WHERE entity_id = $1`, [id]);
    expect(audit[0]!.after).toMatchObject({ date: "2022-04-07", time: "21:00" });

    const today = localDay(new Date(), "America/Martinique");
    const onToday = await modules.listAuditEvents({ db, actor: admin, filters: { from: today, to: today } });
    expect(onToday.total).toBe(1);
    const dayBefore = localDay(new Date(Date.now() - 86_400_000), "America/Martinique");
    const before = await modules.listAuditEvents({ db, actor: admin, filters: { from: dayBefore, to: dayBefore } });
    expect(before.total).toBe(0);
  });
});
