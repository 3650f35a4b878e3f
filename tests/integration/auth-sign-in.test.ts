import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type * as AuthSession from "@/lib/auth/auth-session";
import type * as AuthenticateUser from "@/lib/auth/authenticate-user";
import type * as CreateUser from "@/lib/auth/create-user";
import type * as LoginAttempts from "@/lib/auth/login-attempts";
import type * as LoginDelay from "@/lib/auth/login-delay";
import type * as ResolveSessionUser from "@/lib/auth/resolve-session-user";
import type { createPrismaClient, Db } from "@/lib/db/prisma";
import type * as DemoUsers from "@/prisma/seed/demo-users";
import { connect, createDatabase } from "./support/database";
import { insertMunicipality, type Fixture } from "./support/factories";

// Sign-in against the real database: argon2id hashes, the same null for every
// failure, delays per account and address shared through PostgreSQL (no lock
// anyone else can set), and sessions that end as soon as the account changes
// or when signed out, one at a time.

type Modules = typeof AuthenticateUser &
  typeof AuthSession &
  typeof LoginDelay &
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
      ...(await import("@/lib/auth/auth-session")),
      ...(await import("@/lib/auth/login-delay")),
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

  it("[auth]: failures from many addresses do not lock the account: the right password signs in at once", async () => {
    // The defect of issue 12: five failures on an account kept its owner out, whoever made them.
    for (let attempt = 0; attempt < 12; attempt += 1) {
      expect(await modules.authenticateUser(db, { email: "greffe@mairie.fr", password: `faux-${attempt}`, address: `10.0.1.${attempt % 2}` })).toBeNull();
    }
    expect(await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.2.1" })).toMatchObject({ email: "greffe@mairie.fr" });
  });

  it("[auth]: past the free failures, the same account and address must wait, even with the right password; another address need not", async () => {
    for (let attempt = 0; attempt < modules.FREE_FAILURES_PER_PAIR + 1; attempt += 1) {
      await modules.authenticateUser(db, { email: "greffe@mairie.fr", password: `faux-${attempt}`, address: "10.0.8.1" });
    }
    expect(await modules.loginDelayedUntil(db, { email: "greffe@mairie.fr", address: "10.0.8.1" })).toBeInstanceOf(Date);
    expect(await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.8.1" })).toBeNull();
    expect(await modules.loginDelayedUntil(db, { email: "greffe@mairie.fr", address: "10.0.8.2" })).toBeNull();
    expect(await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.8.2" })).toMatchObject({ email: "greffe@mairie.fr" });
    // The attempt made too early was not examined: recorded as a failure, without a password check.
    const { rows } = await client.query<{ address: string; succeeded: boolean }>("SELECT address, succeeded FROM login_attempt ORDER BY id");
    expect(rows.map((row) => `${row.address} ${row.succeeded}`)).toEqual([
      ...Array.from({ length: modules.FREE_FAILURES_PER_PAIR + 1 }, () => "10.0.8.1 false"),
      "10.0.8.1 false",
      "10.0.8.2 true",
    ]);
  });

  it("[auth]: the delay doubles with each failure of the pair, up to its maximum, counted from the last failure", async () => {
    const now = new Date("2026-12-01T10:00:00.000Z");
    const insertFailures = async (count: number, at: Date) => {
      await client.query(
        `INSERT INTO login_attempt (email, address, succeeded, attempted_at) SELECT 'greffe@mairie.fr', '10.0.9.1', false, $1 FROM generate_series(1, $2::int)`,
        [at, count],
      );
    };
    const last = new Date(now.getTime() - 500);
    const delayed = async () => (await modules.loginDelayedUntil(db, { email: "greffe@mairie.fr", address: "10.0.9.1", now }))?.getTime() ?? null;
    await insertFailures(modules.FREE_FAILURES_PER_PAIR - 1, last);
    expect(await delayed()).toBeNull();
    await insertFailures(1, last);
    expect(await delayed()).toBe(last.getTime() + 1_000);
    await insertFailures(1, last);
    expect(await delayed()).toBe(last.getTime() + 2_000);
    await insertFailures(1, last);
    expect(await delayed()).toBe(last.getTime() + 4_000);
    await insertFailures(20, last);
    expect(await delayed()).toBe(last.getTime() + modules.MAX_LOGIN_DELAY_SECONDS * 1000);
    // Once the delay has run out, the right password signs in.
    await client.query("UPDATE login_attempt SET attempted_at = now() - interval '61 seconds'");
    expect(await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.9.1" })).toMatchObject({ email: "greffe@mairie.fr" });
  });

  it("[auth]: a success clears the pair's failures", async () => {
    for (let attempt = 0; attempt < modules.FREE_FAILURES_PER_PAIR - 1; attempt += 1) {
      await modules.authenticateUser(db, { email: "greffe@mairie.fr", password: "faux", address: "10.0.10.1" });
    }
    expect(await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.10.1" })).not.toBeNull();
    await modules.authenticateUser(db, { email: "greffe@mairie.fr", password: "faux", address: "10.0.10.1" });
    expect(await modules.loginDelayedUntil(db, { email: "greffe@mairie.fr", address: "10.0.10.1" })).toBeNull();
  });

  it("[auth]: failures older than the window no longer count", async () => {
    await client.query(
      `INSERT INTO login_attempt (email, address, succeeded, attempted_at)
       SELECT 'greffe@mairie.fr', '10.0.3.1', false, now() - interval '16 minutes' FROM generate_series(1, 10)`,
    );
    expect(await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.3.1" })).not.toBeNull();
  });

  it("[auth]: one address that fails on many accounts must wait for every account; other addresses need not", async () => {
    for (let attempt = 0; attempt < modules.FREE_FAILURES_PER_ADDRESS; attempt += 1) {
      await modules.authenticateUser(db, { email: `inconnu${attempt}@mairie.fr`, password: "faux", address: "10.0.4.4" });
    }
    expect(await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.4.4" })).toBeNull();
    expect(await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.4.5" })).not.toBeNull();
  });

  it("[auth]: a session ends when the account is disabled or its session version is bumped", async () => {
    const user = await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.5.1" });
    const claims = { userId: user!.id, sessionVersion: user!.sessionVersion, sessionId: await modules.openSession(db, user!.id) };
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
    const sessionId = await modules.openSession(db, user!.id);
    expect(await modules.resolveSessionUser(db, { userId: user!.id, sessionVersion: 1, sessionId }, fixture.municipalityId)).not.toBeNull();
    expect(await modules.resolveSessionUser(db, { userId: user!.id, sessionVersion: 1, sessionId }, other.municipalityId)).toBeNull();
  });

  it("[auth]: signing out closes that session only: the account's other session stays open", async () => {
    const user = await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.11.1" });
    const first = { userId: user!.id, sessionVersion: user!.sessionVersion, sessionId: await modules.openSession(db, user!.id) };
    const second = { ...first, sessionId: await modules.openSession(db, user!.id) };
    await modules.revokeSession(db, first.sessionId);
    expect(await modules.resolveSessionUser(db, first, fixture.municipalityId)).toBeNull();
    expect(await modules.isSessionOpen(db, first.sessionId)).toBe(false);
    expect(await modules.resolveSessionUser(db, second, fixture.municipalityId)).toMatchObject({ email: "greffe@mairie.fr" });
    expect(await modules.isSessionOpen(db, second.sessionId)).toBe(true);
    // A session id the database never issued, or no id at all, opens nothing.
    expect(await modules.resolveSessionUser(db, { ...first, sessionId: "00000000-0000-4000-8000-000000000000" }, fixture.municipalityId)).toBeNull();
    expect(await modules.isSessionOpen(db, "pas-un-identifiant")).toBe(false);
    // The database keeps a closed session closed.
    await expect(client.query("UPDATE auth_session SET revoked_at = NULL WHERE id = $1", [first.sessionId])).rejects.toThrow(/cannot be reopened/);
  });

  it("[auth]: a new sign-in removes the account's sessions past the absolute limit", async () => {
    const user = await modules.authenticateUser(db, { email: "greffe@mairie.fr", password, address: "10.0.12.1" });
    const old = await modules.openSession(db, user!.id);
    await client.query("UPDATE auth_session SET created_at = now() - interval '11 hours' WHERE id = $1", [old]);
    const fresh = await modules.openSession(db, user!.id);
    const { rows } = await client.query<{ id: string }>("SELECT id FROM auth_session WHERE id = ANY($1::uuid[])", [[old, fresh]]);
    expect(rows.map((row) => row.id)).toEqual([fresh]);
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
