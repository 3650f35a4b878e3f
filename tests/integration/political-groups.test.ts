import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import type * as AddMembership from "@/lib/groups/add-group-membership";
import type * as CreateGroup from "@/lib/groups/create-political-group";
import type * as EndMembership from "@/lib/groups/end-group-membership";
import type * as ListGroups from "@/lib/groups/list-political-groups";
import type * as ToAppError from "@/lib/to-app-error";
import { connect, createDatabase, resetDatabase } from "./support/database";
import { insertMunicipality, insertUser, type Fixture } from "./support/factories";

// Political groups on a real database: created and assigned by the clerk,
// audited; a membership stays inside the mandate and a councillor belongs to
// one group at a time, in the use cases and in the database itself.

type Modules = typeof CreateGroup & typeof AddMembership & typeof EndMembership & typeof ListGroups & typeof ToAppError & { createPrismaClient: typeof createPrismaClient };

describe("political groups", () => {
  let client: pg.Client;
  let db: Db;
  let modules: Modules;
  let fixture: Fixture;
  let clerk: SessionUser;
  let staff: SessionUser;

  beforeAll(async () => {
    const url = await createDatabase("registre_political_groups");
    client = await connect(url);
    modules = {
      ...(await import("@/lib/groups/create-political-group")),
      ...(await import("@/lib/groups/add-group-membership")),
      ...(await import("@/lib/groups/end-group-membership")),
      ...(await import("@/lib/groups/list-political-groups")),
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
    clerk = await insertUser(client, fixture.municipalityId, "CLERK", `greffe-${fixture.municipalityId}@commune.fr`);
    staff = await insertUser(client, fixture.municipalityId, "STAFF", `agent-${fixture.municipalityId}@commune.fr`);
  });

  const audit = async () =>
    (await client.query<{ action: string; entity: string; after: unknown }>(`SELECT action, entity, after FROM audit_event WHERE municipality_id = $1 ORDER BY id`, [fixture.municipalityId])).rows;
  const c = (index: number) => fixture.councillorIds[index]!;

  it("[groups]: the clerk creates a group and assigns members with dates, each write audited; the vote form gets the members of the day", async () => {
    const { id: majority } = await modules.createPoliticalGroup({ db, actor: clerk, input: { name: " Ensemble pour la commune " } });
    const { id: opposition } = await modules.createPoliticalGroup({ db, actor: clerk, input: { name: "Agir autrement" } });
    await modules.addGroupMembership({ db, actor: clerk, input: { groupId: majority, councillorId: c(0), startsOn: "2020-07-04", endsOn: "" } });
    const { id: leaving } = await modules.addGroupMembership({ db, actor: clerk, input: { groupId: majority, councillorId: c(1), startsOn: "2020-07-04", endsOn: "" } });
    await modules.endGroupMembership({ db, actor: clerk, id: leaving, input: { endsOn: "2022-01-31" } });
    await modules.addGroupMembership({ db, actor: clerk, input: { groupId: opposition, councillorId: c(1), startsOn: "2022-02-01", endsOn: "" } });

    const groups = await modules.listPoliticalGroups({ db, actor: clerk });
    expect(groups.map((group) => [group.name, group.memberships.map((membership) => [membership.name, membership.startsOn, membership.endsOn])])).toEqual([
      ["Agir autrement", [["Madame Prénom1 NOM1", "2022-02-01", null]]],
      ["Ensemble pour la commune", [["Monsieur Prénom0 NOM0", "2020-07-04", null], ["Madame Prénom1 NOM1", "2020-07-04", "2022-01-31"]]],
    ]);
    const onDay = await modules.groupsOnDay(db, fixture.municipalityId, "2021-06-01");
    expect(onDay.map((group) => [group.id, group.name, [...group.memberIds].sort()])).toEqual([[majority, "Ensemble pour la commune", [c(0), c(1)].sort()]]);
    expect((await modules.groupsOnDay(db, fixture.municipalityId, "2022-04-07")).map((group) => [group.name, group.memberIds])).toEqual([
      ["Agir autrement", [c(1)]],
      ["Ensemble pour la commune", [c(0)]],
    ]);
    expect((await audit()).map((event) => event.action)).toEqual(["group.create", "group.create", "group.membership.add", "group.membership.add", "group.membership.end", "group.membership.add"]);
    expect((await audit())[0]).toEqual({ action: "group.create", entity: "political_group", after: { name: "Ensemble pour la commune" } });
  });

  it("[groups]: a second group at the same time, a membership before the mandate, a name taken are refused on their field; nothing written", async () => {
    const { id: majority } = await modules.createPoliticalGroup({ db, actor: clerk, input: { name: "Majorité" } });
    const { id: opposition } = await modules.createPoliticalGroup({ db, actor: clerk, input: { name: "Opposition" } });
    await modules.addGroupMembership({ db, actor: clerk, input: { groupId: majority, councillorId: c(2), startsOn: "2020-07-04", endsOn: "" } });
    const before = (await audit()).length;
    await expect(modules.addGroupMembership({ db, actor: clerk, input: { groupId: opposition, councillorId: c(2), startsOn: "2022-01-01", endsOn: "" } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        startsOn: [
          "Monsieur Prénom2 NOM2 est déjà membre du groupe « Majorité » depuis le 4 juillet 2020 : un élu n'appartient qu'à un groupe à la fois (indiquez d'abord la fin de cette appartenance).",
        ],
      },
    });
    await expect(modules.addGroupMembership({ db, actor: clerk, input: { groupId: opposition, councillorId: c(3), startsOn: "2020-01-01", endsOn: "" } })).rejects.toMatchObject({
      fieldErrors: { startsOn: ["Le mandat de Madame Prénom3 NOM3 commence le 4 juillet 2020 : l'appartenance ne peut commencer avant."] },
    });
    await expect(modules.createPoliticalGroup({ db, actor: clerk, input: { name: "Majorité" } })).rejects.toMatchObject({ fieldErrors: { name: ["Un groupe porte déjà ce nom."] } });
    await expect(modules.endGroupMembership({ db, actor: clerk, id: "pas-un-identifiant", input: { endsOn: "2022-01-01" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await audit()).length).toBe(before);
  });

  it("[groups]: the database keeps the facts too: no overlapping memberships, none outside the mandate, even when the mandate is shortened", async () => {
    const { id: group } = await modules.createPoliticalGroup({ db, actor: clerk, input: { name: "Majorité" } });
    const insert = (councillorId: string, startsOn: string, endsOn: string | null) =>
      client.query(`INSERT INTO group_membership (municipality_id, group_id, councillor_id, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5)`, [fixture.municipalityId, group, councillorId, startsOn, endsOn]);
    await insert(c(0), "2020-07-04", "2021-12-31");
    await expect(insert(c(0), "2021-06-01", null)).rejects.toMatchObject({ code: "23P01", constraint: "group_membership_no_overlap" });
    await expect(insert(c(1), "2019-01-01", null)).rejects.toMatchObject({ code: "RG007" });
    await expect(insert(c(1), "2021-01-01", "2020-12-31")).rejects.toMatchObject({ constraint: "group_membership_days_check" });
    await expect(client.query(`UPDATE councillor SET mandate_end = '2021-06-30' WHERE id = $1`, [c(0)])).rejects.toMatchObject({ code: "RG007" });
    // A refusal by the database reaches the clerk in French.
    const refusal = modules.toAppError(await insert(c(1), "2019-01-01", null).catch((error: unknown) => error));
    expect(refusal?.message).toContain("sortirait du mandat de l'élu");
  });

  it("[groups]: staff and anonymous users cannot create groups nor assign members; another municipality's group is not found", async () => {
    await expect(modules.createPoliticalGroup({ db, actor: staff, input: { name: "Majorité" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(modules.createPoliticalGroup({ db, actor: null, input: { name: "Majorité" } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(modules.listPoliticalGroups({ db, actor: staff })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await insertMunicipality(client, { members: 2 });
    const otherClerk = await insertUser(client, other.municipalityId, "CLERK", `greffe-${other.municipalityId}@commune.fr`);
    const { id: theirs } = await modules.createPoliticalGroup({ db, actor: otherClerk, input: { name: "Majorité" } });
    await expect(modules.addGroupMembership({ db, actor: clerk, input: { groupId: theirs, councillorId: c(0), startsOn: "2020-07-04", endsOn: "" } })).rejects.toMatchObject({
      fieldErrors: { groupId: ["Ce groupe n'existe pas."] },
    });
    // Only the other municipality's own group creation is on record; nothing of ours.
    expect(await audit()).toEqual([]);
  });
});
