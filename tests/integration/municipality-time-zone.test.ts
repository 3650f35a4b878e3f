import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as ListAudit from "@/lib/audit/list-audit-events";
import type * as CreateSitting from "@/lib/sittings/create-sitting";
import type * as UpdateSettings from "@/lib/municipality/update-municipality-settings";
import type * as PublishedDeliberation from "@/lib/deliberations/get-published-deliberation";
import type * as RenderExtract from "@/lib/extracts/render-deliberation-extract";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import { localDay } from "@/lib/domain/calendar";
import { toAppError } from "@/lib/to-app-error";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { connect, createDatabase } from "./support/database";
import { run, writeFile } from "./support/extract-fixtures";
import { insertDeliberation, insertMunicipality, insertUser } from "./support/factories";

// The municipality's time zone: checked by the settings schema and by the
// database, and the zone its sittings' hours and the audit journal's days are read in.

type Modules = typeof ListAudit &
  typeof CreateSitting &
  typeof UpdateSettings &
  typeof PublishedDeliberation &
  typeof RenderExtract & { createPrismaClient: typeof createPrismaClient };

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
    // getPublishedDeliberation reads the portal's own client.
    process.env.DATABASE_URL = url;
    modules = {
      ...(await import("@/lib/deliberations/get-published-deliberation")),
      ...(await import("@/lib/extracts/render-deliberation-extract")),
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

  it("[time zone]: an act of Martinique reads on Martinique's clock, its proxies follow the local day's rule, and the zone freezes once it is published", async () => {
    const fixture = await insertMunicipality(client);
    await client.query(`UPDATE municipality SET time_zone = 'America/Martinique' WHERE id = $1`, [fixture.municipalityId]);
    // 31 July 2022 at 21:00 in Martinique is 1 August 01:00 UTC (already 1 August in Paris): the last day of the
    // COVID-19 window, when a present member may carry two proxies (one from 1 August).
    await client.query(`UPDATE sitting SET starts_at = '2022-08-01T01:00:00Z', convocation_date = '2022-07-25' WHERE id = $1`, [fixture.sittingId]);
    const deliberationId = await insertDeliberation(client, fixture, { subject: "Budget supplémentaire" });
    const [mayor, holder, giverA, giverB, absent] = fixture.councillorIds as [string, string, string, string, string];
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO attendance (municipality_id, deliberation_id, councillor_id, status, proxy_holder_id) VALUES
         ($1, $2, $3, 'PRESENT', NULL), ($1, $2, $4, 'PRESENT', NULL), ($1, $2, $5, 'REPRESENTED', $4), ($1, $2, $6, 'REPRESENTED', $4), ($1, $2, $7, 'ABSENT', NULL)`,
      [fixture.municipalityId, deliberationId, mayor, holder, giverA, giverB, absent],
    );
    await client.query("COMMIT");
    // Published at 22:30 in Martinique on 2 August, 02:30 UTC on 3 August.
    await client.query(`UPDATE deliberation SET status = 'PUBLISHED', outcome = 'ADOPTED', voted_at = '2022-07-31', published_at = '2022-08-03T02:30:00Z' WHERE id = $1`, [deliberationId]);

    const published = await modules.getPublishedDeliberation({ municipalityId: fixture.municipalityId, number: "DL.2022-1" });
    expect(published?.municipality.timeZone).toBe("America/Martinique");
    const doc = await modules.renderDeliberationExtract({
      municipality: published!.municipality,
      deliberation: published!,
      seal: { kind: "certified", signerName: "Test", issuedAt: new Date("2022-08-03T02:45:00Z"), verificationCode: "TEST-0000-0000", verificationUrl: "https://example.fr/verifier" },
    });
    const directory = mkdtempSync(path.join(tmpdir(), "registre-time-zone-"));
    const text = run("pdftotext", ["-layout", writeFile(directory, "extrait.pdf", await doc.save()), "-"]).replace(/\s+/g, " ");
    expect(text).toContain("Séance publique du 31 juillet 2022");
    expect(text).toContain("Le 31 juillet 2022 à 21h00, le Conseil Municipal");
    expect(text).toContain("Mis en ligne le 2 août 2022");
    expect(text).toContain("le 2 août 2022 à 22h45 (heure de la Martinique)");
    expect(text).not.toContain("1er août 2022");

    const admin = await insertUser(client, fixture.municipalityId, "ADMIN", "admin-tz3@commune.fr");
    // Refused by the database, said in French where the actions meet errors (runAction → toAppError).
    const refusal = await modules.updateMunicipalitySettings({ db, actor: admin, input: { ...settings, timeZone: "Europe/Paris" } }).then(
      () => null,
      (error: unknown) => toAppError(error),
    );
    expect(refusal).toMatchObject({ code: "INVALID_STATE", message: expect.stringContaining("ne peut plus être modifié") });
    await expect(client.query(`UPDATE municipality SET time_zone = 'Europe/Paris' WHERE id = $1`, [fixture.municipalityId])).rejects.toMatchObject({ code: "RG009" });
    expect(await zoneOf(fixture.municipalityId)).toBe("America/Martinique");
    // Its other settings stay editable.
    await modules.updateMunicipalitySettings({ db, actor: admin, input: { ...settings, name: "Ville de Fort-de-France (Martinique)" } });
  });

  it("[time zone]: the database's proxy limit reads the sitting's day in the municipality's zone", async () => {
    const fixture = await insertMunicipality(client);
    // The same instant, in Paris: 1 August 2022, outside the window: one proxy per holder.
    await client.query(`UPDATE sitting SET starts_at = '2022-08-01T01:00:00Z' WHERE id = $1`, [fixture.sittingId]);
    const deliberationId = await insertDeliberation(client, fixture);
    const [mayor, holder, giverA, giverB] = fixture.councillorIds as [string, string, string, string];
    await expect(
      client.query(
        `INSERT INTO attendance (municipality_id, deliberation_id, councillor_id, status, proxy_holder_id) VALUES
           ($1, $2, $3, 'PRESENT', NULL), ($1, $2, $4, 'PRESENT', NULL), ($1, $2, $5, 'REPRESENTED', $4), ($1, $2, $6, 'REPRESENTED', $4)`,
        [fixture.municipalityId, deliberationId, mayor, holder, giverA, giverB],
      ),
    ).rejects.toMatchObject({ code: "RG001" });
    // Moved to Martinique (nothing published yet), the same rows are the last day of the window's.
    await client.query(`UPDATE municipality SET time_zone = 'America/Martinique' WHERE id = $1`, [fixture.municipalityId]);
    await client.query(
      `INSERT INTO attendance (municipality_id, deliberation_id, councillor_id, status, proxy_holder_id) VALUES
         ($1, $2, $3, 'PRESENT', NULL), ($1, $2, $4, 'PRESENT', NULL), ($1, $2, $5, 'REPRESENTED', $4), ($1, $2, $6, 'REPRESENTED', $4)`,
      [fixture.municipalityId, deliberationId, mayor, holder, giverA, giverB],
    );
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM attendance WHERE deliberation_id = $1`, [deliberationId]);
    expect(Number(rows[0]!.count)).toBe(4);
  });
});
