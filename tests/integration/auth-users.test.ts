import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as AuthenticateUser from "@/lib/auth/authenticate-user";
import type * as CreateUser from "@/lib/auth/create-user";
import type * as ListUsers from "@/lib/auth/list-users";
import type * as ResolveSessionUser from "@/lib/auth/resolve-session-user";
import type { SessionUser } from "@/lib/auth/roles";
import type * as UpdateUser from "@/lib/auth/update-user";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import { connect, createDatabase } from "./support/database";
import { insertMunicipality, type Fixture } from "./support/factories";

// Administrators manage accounts; a role, status or password change ends the
// account's open sessions at once (its session version is bumped).

type Modules = typeof CreateUser & typeof UpdateUser & typeof ListUsers & typeof AuthenticateUser & typeof ResolveSessionUser & { createPrismaClient: typeof createPrismaClient };

describe("auth: accounts managed by administrators", () => {
  let client: pg.Client;
  let db: Db;
  let fixture: Fixture;
  let modules: Modules;
  let admin: SessionUser;
  let clerkId: string;
  const slug = "commune-comptes";
  const password = "mot de passe du greffe";

  beforeAll(async () => {
    const url = await createDatabase("registre_auth_users");
    client = await connect(url);
    fixture = await insertMunicipality(client, { slug });
    modules = {
      ...(await import("@/lib/auth/create-user")),
      ...(await import("@/lib/auth/update-user")),
      ...(await import("@/lib/auth/list-users")),
      ...(await import("@/lib/auth/authenticate-user")),
      ...(await import("@/lib/auth/resolve-session-user")),
      createPrismaClient: (await import("@/lib/db/prisma")).createPrismaClient,
    };
    db = modules.createPrismaClient(url);
    const created = await modules.createUser(db, { municipalitySlug: slug, actor: null, input: { email: "admin@commune.fr", name: "Admin", role: "ADMIN", password } });
    admin = { id: created.id, municipalityId: fixture.municipalityId, email: "admin@commune.fr", name: "Admin", role: "ADMIN" };
    clerkId = (await modules.createUser(db, { municipalitySlug: slug, actor: admin, input: { email: "greffe@commune.fr", name: "Greffe", role: "CLERK", password } })).id;
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  const session = async () => {
    const user = await modules.authenticateUser(db, { email: "greffe@commune.fr", password, address: "10.1.0.1" });
    const { openSession } = await import("@/lib/auth/auth-session");
    return { userId: user!.id, sessionVersion: user!.sessionVersion, sessionId: await openSession(db, user!.id) };
  };

  it("[users]: renaming keeps the sessions; a role change ends them", async () => {
    const claims = await session();
    expect(await modules.updateUser({ db, actor: admin, id: clerkId, input: { name: "Greffe central", role: "CLERK", disabled: false, password: "" } })).toEqual({ id: clerkId, sessionsEnded: false });
    expect(await modules.resolveSessionUser(db, claims, fixture.municipalityId)).toMatchObject({ name: "Greffe central" });
    expect(await modules.updateUser({ db, actor: admin, id: clerkId, input: { name: "Greffe central", role: "STAFF", disabled: false, password: "" } })).toEqual({ id: clerkId, sessionsEnded: true });
    expect(await modules.resolveSessionUser(db, claims, fixture.municipalityId)).toBeNull();
  });

  it("[users]: a new password ends the sessions and replaces the old one; disabling refuses sign-in", async () => {
    const claims = await session();
    await modules.updateUser({ db, actor: admin, id: clerkId, input: { name: "Greffe central", role: "CLERK", disabled: false, password: "un tout nouveau secret" } });
    expect(await modules.resolveSessionUser(db, claims, fixture.municipalityId)).toBeNull();
    expect(await modules.authenticateUser(db, { email: "greffe@commune.fr", password, address: "10.1.0.2" })).toBeNull();
    expect(await modules.authenticateUser(db, { email: "greffe@commune.fr", password: "un tout nouveau secret", address: "10.1.0.2" })).not.toBeNull();
    await modules.updateUser({ db, actor: admin, id: clerkId, input: { name: "Greffe central", role: "CLERK", disabled: true, password: "" } });
    expect(await modules.authenticateUser(db, { email: "greffe@commune.fr", password: "un tout nouveau secret", address: "10.1.0.3" })).toBeNull();
    const { rows } = await client.query(`SELECT after FROM audit_event WHERE action = 'user.update' ORDER BY id DESC LIMIT 1`);
    expect(rows[0].after).toMatchObject({ disabled: true, sessionsEnded: true, passwordChanged: false });
  });

  it("[users]: only administrators list or change accounts, and an administrator cannot lock themself out", async () => {
    const clerk = { ...admin, id: clerkId, role: "CLERK" as const };
    await expect(modules.listUsers({ db, actor: clerk })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(modules.listUsers({ db, actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(modules.updateUser({ db, actor: clerk, id: clerkId, input: { name: "X", role: "ADMIN", disabled: false, password: "" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(modules.updateUser({ db, actor: admin, id: admin.id, input: { name: "Admin", role: "CLERK", disabled: false, password: "" } })).rejects.toMatchObject({ code: "VALIDATION" });
    const users = await modules.listUsers({ db, actor: admin });
    expect(users.map((user) => user.email)).toEqual(["admin@commune.fr", "greffe@commune.fr"]);
    expect(users[0]).not.toHaveProperty("passwordHash");
  });
});
