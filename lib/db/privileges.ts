import type pg from "pg";

// Least privilege in the database. Migrations run as the owner of the
// tables; the web process connects as the runtime role, which reads and
// writes rows and nothing more: no DDL (so no ALTER TABLE … DISABLE TRIGGER),
// no TRUNCATE, not a superuser (so no session_replication_role), and on the
// append-only tables neither UPDATE nor DELETE. The migration runner applies
// these grants after every run, to every table of the schema, so a table a
// later migration adds is covered without being named here; default
// privileges cover one created by the owner outside the runner.

/** Tables whose rows are never changed or removed once written: the runtime role may only read and insert. */
export const APPEND_ONLY_TABLES = ["audit_event", "issued_extract", "audit_checkpoint", "deliberation_snapshot", "convocation_sending"] as const;

/**
 * Tables only the owner writes: the runtime role may read them and nothing more. A row of
 * portal_restore opens the restore mode of a portal's import (migration 20261202100000_portal_restore).
 */
export const OWNER_WRITTEN_TABLES = ["portal_restore"] as const;

/** The embedded PostgreSQL's runtime role (npm start, the tests): it listens on 127.0.0.1 only. */
export const EMBEDDED_RUNTIME_ROLE = { name: "registre_app", password: "registre_app" } as const;

/** The role a connection string logs in as. */
export function roleOf(connectionString: string): string {
  return decodeURIComponent(new URL(connectionString).username);
}

/** Creates the runtime role if missing and sets its attributes and password (needs CREATEROLE). */
export async function ensureRuntimeRole(client: pg.Client, role: { name: string; password: string }): Promise<void> {
  const name = client.escapeIdentifier(role.name);
  const password = client.escapeLiteral(role.password);
  const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD ${password}`;
  const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.name]);
  await client.query(rowCount ? `ALTER ROLE ${name} ${attributes}` : `CREATE ROLE ${name} ${attributes}`);
}

async function refuseUnsafeRole(client: pg.Client, role: string): Promise<void> {
  const { rows } = await client.query<{ exists: boolean; superuser: boolean; owner: boolean; member: boolean }>(
    `SELECT r.rolname IS NOT NULL AS exists,
            coalesce(r.rolsuper OR r.rolbypassrls, false) AS superuser,
            $1 = current_user AS owner,
            r.rolname IS NOT NULL AND pg_has_role($1, current_user, 'MEMBER') AS member
     FROM (SELECT 1) one LEFT JOIN pg_roles r ON r.rolname = $1`,
    [role],
  );
  const found = rows[0];
  if (!found?.exists) throw new Error(`Le rôle d'exécution « ${role} » n'existe pas : créez-le (voir le README, section Sécurité).`);
  if (found.owner || found.member) {
    throw new Error(`Le rôle d'exécution « ${role} » est le propriétaire des tables (ou en hérite) : le portail doit se connecter avec un autre rôle (voir le README, section Sécurité).`);
  }
  if (found.superuser) throw new Error(`Le rôle d'exécution « ${role} » est superutilisateur (ou contourne la sécurité des lignes) : retirez-lui ces attributs.`);
}

/** Grants the runtime role what the portal needs on every table of the schema, and nothing more. */
export async function grantRuntimePrivileges(client: pg.Client, role: string): Promise<void> {
  await refuseUnsafeRole(client, role);
  const grantee = client.escapeIdentifier(role);
  const { rows } = await client.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1::text[])",
    [APPEND_ONLY_TABLES],
  );
  const appendOnly = rows.map((row) => `"public".${client.escapeIdentifier(row.name)}`);
  const ownerWritten = (
    await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1::text[])", [OWNER_WRITTEN_TABLES])
  ).rows.map((row) => `"public".${client.escapeIdentifier(row.name)}`);
  const database = client.escapeIdentifier((await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0]?.name ?? "");
  await client.query("BEGIN");
  try {
    await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${grantee}`);
    await client.query(`REVOKE ALL ON SCHEMA public FROM ${grantee}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${grantee}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${grantee}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${grantee}`);
    if (appendOnly.length) await client.query(`REVOKE UPDATE, DELETE ON ${appendOnly.join(", ")} FROM ${grantee}`);
    if (ownerWritten.length) await client.query(`REVOKE INSERT, UPDATE, DELETE ON ${ownerWritten.join(", ")} FROM ${grantee}`);
    await client.query(`REVOKE ALL ON "public"."_prisma_migrations" FROM ${grantee}`);
    await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${grantee}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${grantee}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${grantee}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${grantee}`);
    await closeSchemaToRole(client, role);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/**
 * Before PostgreSQL 15 every role may CREATE in the public schema: take that
 * right from PUBLIC when we may (schema owner or superuser), else say so.
 */
async function closeSchemaToRole(client: pg.Client, role: string): Promise<void> {
  const canCreate = async () =>
    (await client.query<{ create: boolean }>("SELECT has_schema_privilege($1, 'public', 'CREATE') AS create", [role])).rows[0]?.create ?? false;
  if (!(await canCreate())) return;
  const { rows } = await client.query<{ may: boolean }>(
    `SELECT pg_has_role(current_user, n.nspowner, 'USAGE') OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS may
     FROM pg_namespace n WHERE n.nspname = 'public'`,
  );
  if (rows[0]?.may) await client.query("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
  if (await canCreate()) {
    throw new Error(`Le rôle d'exécution « ${role} » peut créer des objets dans le schéma public : exécutez REVOKE CREATE ON SCHEMA public FROM PUBLIC en tant que propriétaire du schéma.`);
  }
}
