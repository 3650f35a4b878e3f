import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type * as AuthenticateUser from "@/lib/auth/authenticate-user";
import type * as CreateUser from "@/lib/auth/create-user";
import type * as LoginAttempts from "@/lib/auth/login-attempts";
import type * as ResolveSessionUser from "@/lib/auth/resolve-session-user";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import type * as DemoUsers from "@/prisma/seed/demo-users";
import { connect, createDatabase } from "./support/database";
import { insertMunicipality, type Fixture } from "./support/factories";

// Sign-in against the real database: argon2id hashes, the same null for every
// failure, limits per account and per address shared through PostgreSQL, and
// sessions that end as soon as the account changes.

type Modules = typeof AuthenticateUser &
  typeof ResolveSessionUser &
  typeof CreateUser &
  typeof LoginAttempts &
  typeof DemoUsers & { createPrismaClient: typeof createPrismaClient };

describe("auth: sign-in, limits and sessions", () => {
  let client: pg.Client;
  let db: Db;
  let fixture: Fixture;
  let slug: string;
  let modules: Modules;
  const password = "un mot de passe assez long";

  beforeAll(async () => {
    const url = await createDatabase("registre_auth_sign_in");
    client = await connect(url);
    slug = "commune-auth";
    fixture = await insertMunicipality(client, { slug });
    modules = {
      ...(await import("@/lib/auth/authenticate-user")),
      ...(await import("@/lib/auth/resolve-session-user")),
      ...(await import("@/lib/auth/create-user")),
      ...(await import("@/lib/auth/login-attempts")),
      ...(await import("@/prisma/seed/demo-users")),
      createPrismaClient: (await import("@/lib/db/prisma")).createPrismaClient,
    };
    db = modules.createPrismaClient(url);
    await modules.createUser(db, { municipalitySlug: slug, actor: null, input: { email: "Greffe@Mairie.fr", name: "Greffe", role: "CLERK", password } });
  });

  beforeEach(async () => {
    await client.query("TRUNCATE login_attempt");
    await client.query("UPDATE app_user SET disabled = false");
  });

  afterAll(async () => {
    await db?.$disconnect();
    await client?.end();
  });

  it("[auth]: the password is stored as an argon2id hash with OWASP's parameters, never in clear", async () => {
    const { rows } = await client.query<{ password_hash: string; email: string }>("SELECT email, password_hash FROM app_user");
    expect(rows[0]?.email).toBe("greffe@mairie.fr");
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(rows[0]?.password_hash).not.toContain(password);
  });

  it("[auth]: the right password signs in, whatever the case of the address", async () => {
    const user = await modules.authenticateUser(db, { email: " GREFFE@mairie.fr ", password, address: "10.0.0.1" });
    expect(user).toMatchObject({ email: "greffe@mairie.fr", role: "CLERK", sessionVersion: 1 });
  });

  it("[auth]: wrong password, unknown account and disabled account all give the same null", async () => {
    expect(await modules.authenticateUser(db, { email: "greffe@mairie.fr", password: "mauvais mot de passe", address: "10.0.0.1" })).toBeNull();
    expect(await modules.authenticateUser(db, { email: "personne@mairie.fr", password, address: "10.0.0.1" })).toBeNull();
    await client.query("UPDATE app_user SET disabled = true");
    expect(await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.0.1" })).toBeNull();
    const { rows } = await client.query<{ count: string }>("SELECT count(*) FROM login_attempt WHERE NOT succeeded");
    expect(Number(rows[0]?.count)).toBe(3);
  });

  it("[auth]: after five failures on one account, even the right password is refused for that account", async () => {
    for (let attempt = 0; attempt < modules.MAX_FAILURES_PER_ACCOUNT; attempt += 1) {
      await modules.authenticateUser(db, { email: "greffe@mairie.fr", password: `faux-${attempt}`, address: `10.0.1.${attempt}` });
    }
    expect(await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.2.1" })).toBeNull();
  });

  it("[auth]: failures older than the window no longer count", async () => {
    await client.query(
      `INSERT INTO login_attempt (email, address, succeeded, attempted_at)
       SELECT 'greffe@mairie.fr', '10.0.3.1', false, now() - interval '16 minutes' FROM generate_series(1, 10)`,
    );
    expect(await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.3.1" })).not.toBeNull();
  });

  it("[auth]: one address that fails on many accounts is limited for every account", async () => {
    for (let attempt = 0; attempt < modules.MAX_FAILURES_PER_ADDRESS; attempt += 1) {
      await modules.authenticateUser(db, { email: `inconnu${attempt}@mairie.fr`, password: "faux", address: "10.0.4.4" });
    }
    expect(await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.4.4" })).toBeNull();
    expect(await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.4.5" })).not.toBeNull();
  });

  it("[auth]: a session ends when the account is disabled or its session version is bumped", async () => {
    const user = await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.5.1" });
    const claims = { userId: user!.id, sessionVersion: user!.sessionVersion };
    expect(await modules.resolveSessionUser(db, claims, fixture.municipalityId)).toMatchObject({ role: "CLERK", municipalityId: fixture.municipalityId });
    await client.query("UPDATE app_user SET role = 'STAFF', session_version = session_version + 1");
    expect(await modules.resolveSessionUser(db, claims, fixture.municipalityId)).toBeNull();
    const fresh = { ...claims, sessionVersion: claims.sessionVersion + 1 };
    expect(await modules.resolveSessionUser(db, fresh, fixture.municipalityId)).toMatchObject({ role: "STAFF" });
    await client.query("UPDATE app_user SET disabled = true");
    expect(await modules.resolveSessionUser(db, fresh, fixture.municipalityId)).toBeNull();
    await client.query("UPDATE app_user SET role = 'CLERK', session_version = 1");
  });

  it("[auth]: a session is not valid on another municipality's portal", async () => {
    const other = await insertMunicipality(client, { slug: "autre-commune" });
    const user = await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.6.1" });
    expect(await modules.resolveSessionUser(db, { userId: user!.id, sessionVersion: 1 }, other.municipalityId)).toBeNull();
  });

  it("[auth]: creating a user refuses a short password, a duplicate address and a non-admin actor, and audits the creation", async () => {
    await expect(modules.createUser(db, { municipalitySlug: slug, actor: null, input: { email: "a@mairie.fr", name: "A", role: "STAFF", password: "court" } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { password: [expect.stringContaining("12 caractères")] },
    });
    await expect(modules.createUser(db, { municipalitySlug: slug, actor: null, input: { email: "greffe@mairie.fr", name: "B", role: "STAFF", password } })).rejects.toMatchObject({ code: "CONFLICT" });
    const clerk = { id: "00000000-0000-0000-0000-000000000000", municipalityId: fixture.municipalityId, email: "x@mairie.fr", name: "X", role: "CLERK" as const };
    await expect(modules.createUser(db, { municipalitySlug: slug, actor: clerk, input: { email: "c@mairie.fr", name: "C", role: "STAFF", password } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { rows } = await client.query<{ action: string; after: { email: string } }>("SELECT action, after FROM audit_event WHERE entity = 'user'");
    expect(rows).toEqual([{ action: "user.create", after: expect.objectContaining({ email: "greffe@mairie.fr" }) }]);
  });

  it("[auth]: the demo accounts are created once, one per role, with the demo password", async () => {
    expect(await modules.seedDemoUsers(db, { municipalitySlug: slug })).toBe(3);
    expect(await modules.seedDemoUsers(db, { municipalitySlug: slug })).toBe(0);
    for (const account of modules.DEMO_USERS) {
      const user = await modules.authenticateUser(db, { email: account.email, password: modules.DEMO_PASSWORD, address: "10.0.7.1" });
      expect(user?.role).toBe(account.role);
    }
  });
});
