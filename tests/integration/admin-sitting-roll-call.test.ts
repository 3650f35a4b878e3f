import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import type * as CreateDeliberation from "@/lib/deliberations/create-deliberation";
import type * as RecordVote from "@/lib/deliberations/record-vote";
import type * as GetRollCall from "@/lib/sittings/get-sitting-roll-call";
import type * as RecordRollCall from "@/lib/sittings/record-sitting-roll-call";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import { connect, createDatabase } from "./support/database";
import { insertMunicipality, insertUser, type Fixture } from "./support/factories";

// The sitting's roll call on a real database: one call at the opening, arrivals
// and departures from a deliberation on, each draft's attendance derived from it
// and audited, proxy rules checked at every deliberation, voted ones left alone.

type Modules = typeof CreateDeliberation & typeof RecordVote & typeof GetRollCall & typeof RecordRollCall & { createPrismaClient: typeof createPrismaClient };

type Row = { councillorId: string; status: string; proxyHolderId: string; note: string };

describe("back office: the sitting's roll call", () => {
  let client: pg.Client;
  let db: Db;
  let fixture: Fixture;
  let modules: Modules;
  let clerk: SessionUser;
  let staff: SessionUser;
  const deliberationIds: string[] = [];

  const c = (index: number) => fixture.councillorIds[index]!;
  /** Everyone present, but 5 absent and 6 represented by 0, at the opening. */
  const opening = (): Row[] =>
    fixture.councillorIds.map((councillorId, index) => ({
      councillorId,
      status: index === 5 ? "ABSENT" : index === 6 ? "REPRESENTED" : "PRESENT",
      proxyHolderId: index === 6 ? c(0) : "",
      note: "",
    }));
  const change = (at: number, councillor: number, status: string, holder: number | null = null, note = "") => ({
    deliberationId: deliberationIds[at]!,
    councillorId: c(councillor),
    status,
    proxyHolderId: holder === null ? "" : c(holder),
    note,
  });

  async function attendanceOf(deliberationId: string) {
    const { rows } = await client.query<{ councillor_id: string; status: string; proxy_holder_id: string | null; note: string | null }>(
      `SELECT councillor_id, status, proxy_holder_id, note FROM attendance WHERE deliberation_id = $1`,
      [deliberationId],
    );
    return Object.fromEntries(rows.map((row) => [fixture.councillorIds.indexOf(row.councillor_id), `${row.status}${row.proxy_holder_id ? `>${fixture.councillorIds.indexOf(row.proxy_holder_id)}` : ""}${row.note ? ` (${row.note})` : ""}`]));
  }

  async function auditCount(): Promise<number> {
    const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM audit_event WHERE action = 'deliberation.attendance'`);
    return rows[0]!.count;
  }

  beforeAll(async () => {
    const url = await createDatabase("registre_sitting_roll_call");
    client = await connect(url);
    fixture = await insertMunicipality(client, { members: 7 });
    clerk = await insertUser(client, fixture.municipalityId, "CLERK", "greffe@commune.fr");
    staff = await insertUser(client, fixture.municipalityId, "STAFF", "agent@commune.fr");
    modules = {
      ...(await import("@/lib/deliberations/create-deliberation")),
      ...(await import("@/lib/deliberations/record-vote")),
      ...(await import("@/lib/sittings/get-sitting-roll-call")),
      ...(await import("@/lib/sittings/record-sitting-roll-call")),
      createPrismaClient: (await import("@/lib/db/prisma")).createPrismaClient,
    };
    db = modules.createPrismaClient(url);
    for (const order of [1, 2, 3]) {
      const input = {
        number: `DL.2022-${order}`,
        orderInSitting: String(order),
        subject: `Objet ${order}`,
        reportSubject: "",
        rapporteurId: "",
        service: "",
        matterCode: "7.10",
        policyHeading: "",
        report: "Rapport.",
        proposals: "APPROUVER.",
        cosignatoryId: "",
        cosignatoryTitle: "",
      };
      deliberationIds.push((await modules.createDeliberation({ db, actor: clerk, sittingId: fixture.sittingId, input })).id);
    }
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  it("[roll call]: before any call everyone is proposed present, no change; staff and anonymous users are refused, nothing written", async () => {
    const { rollCall, deliberations } = await modules.getSittingRollCall({ db, actor: clerk, sittingId: fixture.sittingId });
    expect(deliberations.map((deliberation) => deliberation.label)).toEqual(["la délibération n° 1 (DL.2022-1)", "la délibération n° 2 (DL.2022-2)", "la délibération n° 3 (DL.2022-3)"]);
    expect(rollCall.opening.map((mark) => mark.status)).toEqual(Array(7).fill("PRESENT"));
    expect(rollCall.changes).toEqual([]);
    const input = { opening: opening(), changes: [] };
    await expect(modules.getSittingRollCall({ db, actor: staff, sittingId: fixture.sittingId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(modules.recordSittingRollCall({ db, actor: staff, sittingId: fixture.sittingId, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(modules.recordSittingRollCall({ db, actor: null, sittingId: fixture.sittingId, input })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await auditCount()).toBe(0);
  });

  it("[roll call]: the opening call and an arrival and a departure give each deliberation its attendance, audited, and come back as typed", async () => {
    const changes = [change(1, 5, "PRESENT", null, "arrivée à 19 h 10"), change(2, 1, "REPRESENTED", 0, "quitte la séance")];
    const result = await modules.recordSittingRollCall({ db, actor: clerk, sittingId: fixture.sittingId, input: { opening: opening(), changes } });
    expect(result).toEqual({ id: fixture.sittingId, updated: 3 });
    expect(await attendanceOf(deliberationIds[0]!)).toEqual({ 0: "PRESENT", 1: "PRESENT", 2: "PRESENT", 3: "PRESENT", 4: "PRESENT", 5: "ABSENT", 6: "REPRESENTED>0" });
    expect(await attendanceOf(deliberationIds[1]!)).toEqual({ 0: "PRESENT", 1: "PRESENT", 2: "PRESENT", 3: "PRESENT", 4: "PRESENT", 5: "PRESENT (arrivée à 19 h 10)", 6: "REPRESENTED>0" });
    // On that day (derogation window) a holder may carry two proxies.
    expect(await attendanceOf(deliberationIds[2]!)).toEqual({ 0: "PRESENT", 1: "REPRESENTED>0 (quitte la séance)", 2: "PRESENT", 3: "PRESENT", 4: "PRESENT", 5: "PRESENT", 6: "REPRESENTED>0" });
    expect(await auditCount()).toBe(3);

    const { rollCall } = await modules.getSittingRollCall({ db, actor: clerk, sittingId: fixture.sittingId });
    expect(rollCall.opening.map((mark) => mark.status)).toEqual(opening().map((row) => row.status));
    expect(rollCall.changes).toEqual(changes.map((row) => ({ ...row, proxyHolderId: row.proxyHolderId || null, note: row.note || null })));

    const again = await modules.recordSittingRollCall({ db, actor: clerk, sittingId: fixture.sittingId, input: { opening: opening(), changes } });
    expect(again.updated).toBe(0);
    expect(await auditCount()).toBe(3);
  });

  it("[roll call]: a holder who leaves while holding a proxy is refused on both rows, with the deliberation named; nothing changes", async () => {
    const before = await attendanceOf(deliberationIds[2]!);
    const input = { opening: opening(), changes: [change(2, 0, "EXCUSED")] };
    const refusal = await modules.recordSittingRollCall({ db, actor: clerk, sittingId: fixture.sittingId, input }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "VALIDATION", message: "L'appel contient des erreurs : corrigez les lignes signalées." });
    const message = "À la délibération n° 3 (DL.2022-3) : Monsieur Prénom0 NOM0, mandataire de Monsieur Prénom6 NOM6, ne figure pas parmi les présents et ne peut donc pas porter de pouvoir.";
    expect((refusal as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({ "opening.6.proxyHolderId": [message], "changes.0.proxyHolderId": [message] });
    expect(await attendanceOf(deliberationIds[2]!)).toEqual(before);
    expect(await auditCount()).toBe(3);
  });

  it("[roll call]: a rule broken at several deliberations is one message per row, naming the deliberations in good French", async () => {
    const input = { opening: opening(), changes: [change(1, 0, "EXCUSED")] };
    const refusal = await modules.recordSittingRollCall({ db, actor: clerk, sittingId: fixture.sittingId, input }).catch((error: unknown) => error);
    const message =
      "Aux délibérations n° 2 (DL.2022-2) et n° 3 (DL.2022-3) : Monsieur Prénom0 NOM0, mandataire de Monsieur Prénom6 NOM6, ne figure pas parmi les présents et ne peut donc pas porter de pouvoir.";
    expect((refusal as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({ "opening.6.proxyHolderId": [message], "changes.0.proxyHolderId": [message] });
    expect(await auditCount()).toBe(3);
  });

  it("[roll call]: a change at the first deliberation, a councillor missing from the call, a sitting without deliberations are refused", async () => {
    await expect(
      modules.recordSittingRollCall({ db, actor: clerk, sittingId: fixture.sittingId, input: { opening: opening(), changes: [change(0, 5, "PRESENT")] } }),
    ).rejects.toMatchObject({ fieldErrors: { "changes.0.deliberationId": ["Pour la première délibération, modifiez l'appel d'ouverture."] } });
    await expect(
      modules.recordSittingRollCall({ db, actor: clerk, sittingId: fixture.sittingId, input: { opening: opening().slice(1), changes: [] } }),
    ).rejects.toMatchObject({ fieldErrors: { _form: ["Il manque à la liste d'appel : Monsieur Prénom0 NOM0."] } });
    await expect(
      modules.recordSittingRollCall({ db, actor: clerk, sittingId: fixture.sittingId, input: { opening: opening(), changes: [{ ...change(1, 5, "PRESENT"), councillorId: "" }] } }),
    ).rejects.toMatchObject({ fieldErrors: { "changes.0.councillorId": ["Choisissez l'élu."] } });
    const emptySitting = randomUUID();
    await client.query(
      `INSERT INTO sitting (id, municipality_id, starts_at, place, convocation_date, convened_by_id, president_id, secretary_id)
       VALUES ($1, $2, '2022-05-12T12:00:00Z', 'Salle du conseil', '2022-05-06', $3, $3, $4)`,
      [emptySitting, fixture.municipalityId, c(0), c(1)],
    );
    await expect(modules.recordSittingRollCall({ db, actor: clerk, sittingId: emptySitting, input: { opening: opening(), changes: [] } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await expect(modules.recordSittingRollCall({ db, actor: clerk, sittingId: "pas-un-identifiant", input: { opening: opening(), changes: [] } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await auditCount()).toBe(3);
  });

  it("[roll call]: once the first deliberation is voted its list is fixed: the opening call cannot change it, later arrivals still can be recorded", async () => {
    await modules.recordVote({ db, actor: clerk, id: deliberationIds[0]!, input: { secret: false, choices: [], castingVote: "" } });
    const withFourAbsent = opening().map((row, index) => (index === 4 ? { ...row, status: "ABSENT" } : row));
    const refusal = await modules
      .recordSittingRollCall({ db, actor: clerk, sittingId: fixture.sittingId, input: { opening: withFourAbsent, changes: [] } })
      .catch((error: unknown) => error);
    expect((refusal as { fieldErrors: Record<string, string[]> }).fieldErrors).toMatchObject({
      "opening.4.status": ["La délibération n° 1 (DL.2022-1) n'est plus un projet : sa liste de présence ne peut plus changer (annulez d'abord son vote ou son retrait)."],
    });

    const { rollCall } = await modules.getSittingRollCall({ db, actor: clerk, sittingId: fixture.sittingId });
    const input = {
      opening: rollCall.opening.map((mark) => ({ ...mark, proxyHolderId: mark.proxyHolderId ?? "", note: mark.note ?? "" })),
      changes: [...rollCall.changes.map((row) => ({ ...row, proxyHolderId: row.proxyHolderId ?? "", note: row.note ?? "" })), change(2, 4, "EXCUSED")],
    };
    const result = await modules.recordSittingRollCall({ db, actor: clerk, sittingId: fixture.sittingId, input });
    expect(result.updated).toBe(1);
    expect((await attendanceOf(deliberationIds[2]!))[4]).toBe("EXCUSED");
    expect((await attendanceOf(deliberationIds[0]!))[4]).toBe("PRESENT");
  });
});
