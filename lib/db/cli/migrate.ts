import { serverDatabaseRoles, SINGLE_ROLE_WARNING } from "@/lib/db/database-roles";
import { migrate } from "@/lib/db/migrate";
import { agree, countOf } from "@/lib/domain/plural";
import { readEnv } from "@/lib/env";

// `npm run db:migrate`: applies the pending migrations as the owner
// (DATABASE_OWNER_URL, else DATABASE_URL) and, when both are given, grants
// DATABASE_URL's role what the portal needs.
const env = readEnv();
const roles = serverDatabaseRoles(env);
if (!roles) {
  console.error(
    "DATABASE_URL n'est pas défini. Exemple : DATABASE_OWNER_URL=postgresql://registre_owner:…@localhost:5432/registre DATABASE_URL=postgresql://registre_app:…@localhost:5432/registre npm run db:migrate",
  );
  process.exit(1);
}
if (!roles.runtimeRole) console.warn(SINGLE_ROLE_WARNING);
try {
  const { applied, alreadyApplied } = await migrate({ connectionString: roles.ownerUrl, runtimeRole: roles.runtimeRole, log: console.log });
  console.log(`${countOf(applied.length, "migration")} ${agree(applied.length, "appliquée")}, ${alreadyApplied} déjà en place.`);
  if (roles.runtimeRole) console.log(`Droits du rôle d'exécution « ${roles.runtimeRole} » appliqués.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
