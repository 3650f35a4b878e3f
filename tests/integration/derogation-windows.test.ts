import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import type * as RunAction from "@/lib/auth/run-action";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import type * as RecordAttendance from "@/lib/deliberations/record-attendance";
import type * as DerogationWindows from "@/lib/municipality/derogation-windows";
import type * as LoadDerogationWindows from "@/lib/municipality/load-derogation-windows";
import type * as RemoveDerogationWindow from "@/lib/municipality/remove-derogation-window";
import type * as SaveDerogationWindow from "@/lib/municipality/save-derogation-window";
import type * as ToAppError from "@/lib/to-app-error";
import { REGISTRE_SQLSTATES } from "@/lib/to-app-error";
import { NATIONAL_WINDOWS } from "../unit/domain/national-windows";
import { connect, createDatabase, resetDatabase } from "./support/database";
import { insertDeliberation, insertMunicipality, insertUser, type Fixture } from "./support/factories";

// The derogation windows as data: the administrator edits them (audited), the
// use cases read them for the quorum and proxy rules, and a change the
// database refuses reaches the form as its French message.

type Modules = typeof DerogationWindows &
  typeof LoadDerogationWindows &
  typeof SaveDerogationWindow &
  typeof RemoveDerogationWindow &
  typeof RecordAttendance &
  typeof RunAction &
  typeof ToAppError & { createPrismaClient: typeof createPrismaClient };

describe("derogation windows", () => {
  let client: pg.Client;
  let db: Db;
  let modules: Modules;
  let fixture: Fixture;
  let admin: SessionUser;
  let clerk: SessionUser;

  const window2030 = { from: "2030-01-01", to: "2030-12-31", quorumNumerator: "1", quorumDenominator: "3", maxProxiesPerHolder: "2", legalBasis: "Loi n° 2029-1 du 2 janvier 2029, art. 1" };

  beforeAll(async () => {
    const url = await createDatabase("registre_derogation_windows");
    client = await connect(url);
    modules = {
      ...(await import("@/lib/municipality/derogation-windows")),
      ...(await import("@/lib/municipality/load-derogation-windows")),
      ...(await import("@/lib/municipality/save-derogation-window")),
      ...(await import("@/lib/municipality/remove-derogation-window")),
      ...(await import("@/lib/deliberations/record-attendance")),
      ...(await import("@/lib/auth/run-action")),
      ...(await import("@/lib/to-app-error")),
      createPrismaClient: (await import("@/lib/db/prisma")).createPrismaClient,
    };
    db = modules.createPrismaClient(url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });
  beforeEach(async () => {
    await resetDatabase(client);
    fixture = await insertMunicipality(client, { members: 5 });
    admin = await insertUser(client, fixture.municipalityId, "ADMIN", `admin-${fixture.municipalityId}@commune.fr`);
    clerk = await insertUser(client, fixture.municipalityId, "CLERK", `greffe-${fixture.municipalityId}@commune.fr`);
  });

  const moveSitting = (startsAt: string) => client.query(`UPDATE sitting SET starts_at = $2 WHERE id = $1`, [fixture.sittingId, startsAt]);
  /** Two proxies carried by the first councillor. */
  const twoProxies = () => {
    const [holder, first, second, ...others] = fixture.councillorIds;
    return {
      entries: [
        { councillorId: holder!, status: "PRESENT", proxyHolderId: "", note: "" },
        { councillorId: first!, status: "REPRESENTED", proxyHolderId: holder!, note: "" },
        { councillorId: second!, status: "REPRESENTED", proxyHolderId: holder!, note: "" },
        ...others.map((councillorId) => ({ councillorId, status: "PRESENT", proxyHolderId: "", note: "" })),
      ],
    };
  };
  const auditRows = async () =>
    (await client.query(`SELECT action, before, after FROM audit_event WHERE entity = 'derogation_window' ORDER BY id`)).rows as { action: string; before: unknown; after: unknown }[];

  it("[derogations]: the domain reads the municipality's windows as stored, which are the national ones to begin with", async () => {
    expect(await modules.loadDerogationWindows(db, fixture.municipalityId)).toEqual(NATIONAL_WINDOWS);
  });

  it("[derogations]: an administrator adds a window, audited; the roll call of a sitting it covers then allows two proxies", async () => {
    await moveSitting("2030-03-01T17:00:00Z");
    const id = await insertDeliberation(client, fixture, { year: 2030 });
    await expect(modules.recordAttendance({ db, actor: clerk, id, input: twoProxies() })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { "entries.1.proxyHolderId": ["Monsieur Prénom0 NOM0 porte déjà 2 pouvoirs (maximum 1 à cette date)."] },
    });

    const saved = await modules.saveDerogationWindow({ db, actor: admin, input: window2030 });
    expect(await auditRows()).toEqual([
      {
        action: "derogation_window.create",
        before: null,
        after: { from: "2030-01-01", to: "2030-12-31", quorumFraction: { numerator: 1, denominator: 3 }, maxProxiesPerHolder: 2, legalBasis: "Loi n° 2029-1 du 2 janvier 2029, art. 1" },
      },
    ]);
    await expect(modules.recordAttendance({ db, actor: clerk, id, input: twoProxies() })).resolves.toEqual({ id });

    // Now a roll call depends on it: the database refuses to remove it, and the form says why in French.
    const result = await modules.runAction(async () => ({ data: await modules.removeDerogationWindow({ db, actor: admin, id: saved.id }) }));
    expect(result).toEqual({ ok: false, code: "INVALID_STATE", message: expect.stringMatching(/^Ce changement de période dérogatoire rendrait irrégulière une liste de présence/), errors: undefined });
    expect((await auditRows()).map((row) => row.action)).toEqual(["derogation_window.create"]);
  });

  it("[derogations]: a window overlapping another is refused on its field by the domain's message; nothing is written", async () => {
    await expect(modules.saveDerogationWindow({ db, actor: admin, input: { ...window2030, from: "2022-07-01", to: "2022-09-30" } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { from: ["Cette période chevauche celle du 11 novembre 2021 au 31 juillet 2022 : une date ne relève que d'une période."] },
    });
    await expect(modules.saveDerogationWindow({ db, actor: admin, input: { ...window2030, quorumNumerator: "3" } })).rejects.toMatchObject({
      fieldErrors: { quorumDenominator: ["Le quorum est une fraction des membres en exercice, entre zéro et un (par exemple 1/3)."] },
    });
    expect(await auditRows()).toEqual([]);
    expect(await modules.loadDerogationWindows(db, fixture.municipalityId)).toHaveLength(4);
  });

  it("[derogations]: an administrator edits and removes a window no act depends on, each audited with before and after", async () => {
    const [first] = await modules.listDerogationWindows({ db, actor: admin });
    expect(first).toMatchObject({ from: "2020-03-24", coversPublishedAct: false });
    await modules.saveDerogationWindow({ db, actor: admin, id: first!.id, input: { ...window2030, from: "2020-03-24", to: "2020-07-09", legalBasis: first!.legalBasis } });
    await modules.removeDerogationWindow({ db, actor: admin, id: first!.id });
    const rows = await auditRows();
    expect(rows.map((row) => row.action)).toEqual(["derogation_window.update", "derogation_window.delete"]);
    expect(rows[0]).toMatchObject({ before: { from: "2020-03-24", to: "2020-07-10" }, after: { from: "2020-03-24", to: "2020-07-09" } });
    expect(rows[1]).toMatchObject({ before: { from: "2020-03-24", to: "2020-07-09" }, after: null });
    expect((await modules.loadDerogationWindows(db, fixture.municipalityId)).map((window) => window.from)).toEqual(["2020-07-11", "2020-11-15", "2021-11-11"]);
  });

  it("[derogations]: a window covering a published act is listed as such and cannot change", async () => {
    const id = await insertDeliberation(client, fixture);
    await client.query(`UPDATE deliberation SET status = 'PUBLISHED', outcome = 'ADOPTED', published_at = now() WHERE id = $1`, [id]);
    const windows = await modules.listDerogationWindows({ db, actor: admin });
    expect(windows.map((window) => window.coversPublishedAct)).toEqual([false, false, false, true]);
    const last = windows.at(-1)!;
    const result = await modules.runAction(async () => ({
      data: await modules.saveDerogationWindow({ db, actor: admin, id: last.id, input: { ...window2030, from: last.from, to: last.to, legalBasis: "Autre texte" } }),
    }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(modules.toAppError(Object.assign(new Error(), { code: REGISTRE_SQLSTATES.derogationWindowInUse, severity: "ERROR" }))?.message).toBe(result.ok ? "" : result.message);
  });

  it("[derogations]: only an administrator edits windows, and only their own municipality's", async () => {
    await expect(modules.saveDerogationWindow({ db, actor: clerk, input: window2030 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(modules.listDerogationWindows({ db, actor: clerk })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await insertMunicipality(client);
    const otherAdmin = await insertUser(client, other.municipalityId, "ADMIN", `admin-${other.municipalityId}@autre.fr`);
    const [mine] = await modules.listDerogationWindows({ db, actor: admin });
    await expect(modules.removeDerogationWindow({ db, actor: otherAdmin, id: mine!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(modules.saveDerogationWindow({ db, actor: otherAdmin, id: mine!.id, input: window2030 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(modules.removeDerogationWindow({ db, actor: admin, id: "pas-un-identifiant" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await modules.loadDerogationWindows(db, fixture.municipalityId)).toHaveLength(4);
  });
});
