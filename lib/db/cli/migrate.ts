import { migrate } from "@/lib/db/migrate";
import { agree, countOf } from "@/lib/domain/plural";

// `npm run db:migrate`: applies the pending migrations to DATABASE_URL.
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL n'est pas défini. Exemple : DATABASE_URL=postgresql://user:motdepasse@localhost:5432/registre npm run db:migrate");
  process.exit(1);
}
try {
  const { applied, alreadyApplied } = await migrate({ connectionString: url, log: console.log });
  console.log(`${countOf(applied.length, "migration")} ${agree(applied.length, "appliquée")}, ${alreadyApplied} déjà en place.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
